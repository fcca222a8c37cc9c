package com.contoso.linkedin.service;

import com.contoso.linkedin.store.StoreUnavailableException;

/**
 * Other writers kept changing what a write had read, through all its {@link Contention#ATTEMPTS}:
 * nothing was changed, and the same request may well succeed a little later (503 with Retry-After).
 */
public class ContendedWriteException extends StoreUnavailableException {
    public ContendedWriteException(String what) {
        super("Other writes kept coming first while " + what, null);
    }
}
