package com.contoso.linkedin.store;

/** A conditional write lost: the item changed between the read and the write. */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message) {
        super(message, null, false, false);
    }
}
