package com.contoso.linkedin.store;

/**
 * The store refused the request in a way no retry can fix (access denied, a table that does not
 * exist, a request it finds invalid): a fault of the deployment, not a passing one. It is never
 * retried; it is answered 503 like every store failure (SPEC 3), with the longest Retry-After.
 */
public class StoreFailedException extends RuntimeException {
    private final String errorCode;

    public StoreFailedException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The store's own error code (for example AccessDeniedException), for the log. */
    public String errorCode() {
        return errorCode;
    }
}
