package com.contoso.linkedin.rest;

import org.jboss.logging.Logger;

import com.contoso.linkedin.store.GroupSyncIncompleteException;
import com.contoso.linkedin.store.StoreFailedException;
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
    /**
     * A fault of the deployment (permissions, table, configuration): a store failure all the same,
     * so a 503 (SPEC 3), told apart by its type and sent with the longest Retry-After.
     */
    public static final Problem STORE_FAILED = Problem.of(503, "store-failed", "Service unavailable",
            "The store refused the request in a way only a fix of the deployment mends; nothing was concluded or"
                    + " changed", null);
    public static final Problem WRITE_CONTENDED = Problem.of(503, "write-contended", "Service unavailable",
            "Other writes to the same data kept coming first; nothing was changed. Try again.", null);
    public static final Problem GROUP_SYNC_INCOMPLETE = Problem.of(503, "group-sync-incomplete",
            "Service unavailable", "The store stopped answering part way: only the changes in 'applied' were made."
                    + " Send the same request again to complete it.", null);
    public static final Problem GROUP_SYNC_REFUSED = Problem.of(503, "group-sync-incomplete",
            "Service unavailable", "The store refused part way, a fault of the deployment: only the changes in"
                    + " 'applied' were made. Send the same request again once it is mended.", null);

    private Problems() {
    }

    public static void logStoreUnavailable(StoreUnavailableException e) {
        LOG.warnf("Store unavailable: %s (%s)", e.getMessage(), rootCause(e));
    }

    /** Logged once, as an error, with the store's own error code: someone must fix the deployment. */
    public static void logStoreFailed(StoreFailedException e) {
        LOG.errorf("Store refused the request (%s): %s", e.errorCode(), e.getMessage());
    }

    /** The problem a store failure is answered with, and whether it is worth a Retry-After. */
    public static Problem forStore(RuntimeException failure) {
        if (failure instanceof GroupSyncIncompleteException partial) {
            return (partial.refusal().isPresent() ? GROUP_SYNC_REFUSED : GROUP_SYNC_INCOMPLETE).withApplied(new Problem.Applied(partial.added().stream().sorted().toList(),
                    partial.removed().stream().sorted().toList()));
        }
        return failure instanceof StoreFailedException ? STORE_FAILED : STORE_UNAVAILABLE;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    public static void logUnexpected(Throwable e) {
        LOG.errorf(e, "Unexpected failure");
    }
}
