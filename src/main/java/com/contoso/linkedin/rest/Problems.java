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

    /**
     * A store failure, logged once: an unavailable store as a warning; a refusal as an error with
     * the store's own error code, since someone must fix the deployment.
     */
    public static void logStore(RuntimeException failure) {
        if (failure instanceof StoreFailedException refused) {
            LOG.errorf("Store refused the request (%s): %s", refused.errorCode(), refused.getMessage());
        } else {
            LOG.warnf("Store unavailable: %s (%s)", failure.getMessage(), rootCause(failure));
        }
    }

    /** The problem a {@link StoreUnavailableException} or {@link StoreFailedException} is answered with. */
    public static Problem forStore(RuntimeException failure) {
        return failure instanceof StoreFailedException ? STORE_FAILED : STORE_UNAVAILABLE;
    }

    /** A group sync stopped part way: what it applied, and what stopped it. */
    public static Problem forPartialSync(GroupSyncIncompleteException partial) {
        Problem problem = partial.stoppedBy() instanceof StoreFailedException ? GROUP_SYNC_REFUSED
                : GROUP_SYNC_INCOMPLETE;
        return problem.withApplied(new Problem.Applied(partial.added().stream().sorted().toList(),
                partial.removed().stream().sorted().toList()));
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
