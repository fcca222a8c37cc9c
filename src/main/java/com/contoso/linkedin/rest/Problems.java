package com.contoso.linkedin.rest;

import org.jboss.logging.Logger;

import com.contoso.linkedin.store.StoreUnavailableException;

/**
 * The problem documents both request paths answer themselves (the HTTP layer's {@link ProblemMapper}
 * and the Lambda hot routes), and how those failures are logged: once, here.
 */
public final class Problems {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    public static final Problem STORE_UNAVAILABLE = Problem.of(503, "store-unavailable", "Service unavailable",
            "The store did not answer; nothing was concluded or changed. Try again.", null);
    public static final Problem INTERNAL_ERROR = Problem.of(500, "internal-error", "Internal error",
            "The request could not be processed", null);

    private Problems() {
    }

    public static void logStoreUnavailable(StoreUnavailableException e) {
        LOG.errorf(e, "Store unavailable: %s", e.getMessage());
    }

    public static void logUnexpected(Throwable e) {
        LOG.errorf(e, "Unexpected failure");
    }
}
