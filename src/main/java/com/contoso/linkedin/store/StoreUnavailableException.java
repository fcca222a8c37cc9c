package com.contoso.linkedin.store;

/** The store did not answer, or not in time: nothing may be concluded from it. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
