package com.contoso.linkedin.service;

/**
 * Other writers kept changing what a write had read, through all of its attempts
 * ({@code linkedin.store.batch-attempts}, or as many as the request's time allowed): nothing was
 * changed, and the same request may well succeed a little later (503 write-contended with
 * Retry-After). Not a store failure: the store answered every time.
 */
public class ContendedWriteException extends RuntimeException {
    public ContendedWriteException(String what) {
        super("Other writes kept coming first while " + what);
    }
}
