package com.contoso.linkedin.store;

/**
 * The store did not answer, or not in time, or pushed back (throttling): nothing may be concluded
 * from it, and the same request may succeed a little later (503 with Retry-After).
 */
public class StoreUnavailableException extends RuntimeException {
    private final boolean pushback;

    public StoreUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param pushback whether the store itself asked to slow down (throttling, limits) */
    public StoreUnavailableException(String message, Throwable cause, boolean pushback) {
        super(message, cause);
        this.pushback = pushback;
    }

    public boolean pushback() {
        return pushback;
    }
}
