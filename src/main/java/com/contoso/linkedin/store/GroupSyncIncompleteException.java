package com.contoso.linkedin.store;

import java.util.Set;

/**
 * A group sync larger than one transaction stopped part way: the changes in {@code added} and
 * {@code removed} are applied, the others are not. Every change is idempotent, so sending the
 * same sync again completes it. What stopped it, an unavailable store or a refusal, is its cause
 * (and decides how it is logged and how long the caller is told to wait).
 */
public class GroupSyncIncompleteException extends RuntimeException {
    private final transient Set<String> added;
    private final transient Set<String> removed;

    /** @param stoppedBy a {@link StoreUnavailableException} or a {@link StoreFailedException} */
    public GroupSyncIncompleteException(RuntimeException stoppedBy, Set<String> added, Set<String> removed) {
        super("The group sync was applied in part: " + added.size() + " additions and " + removed.size()
                + " removals", stoppedBy);
        this.added = Set.copyOf(added);
        this.removed = Set.copyOf(removed);
    }

    /** The store failure that stopped it. */
    public RuntimeException stoppedBy() {
        return (RuntimeException) getCause();
    }

    public Set<String> added() {
        return added;
    }

    public Set<String> removed() {
        return removed;
    }
}
