package com.contoso.linkedin.store;

import java.util.Optional;
import java.util.Set;

/**
 * A group sync larger than one transaction stopped part way: the changes in {@code added} and
 * {@code removed} are applied, the others are not. Every change is idempotent, so sending the
 * same sync again completes it.
 */
public class GroupSyncIncompleteException extends StoreUnavailableException {
    private final transient Set<String> added;
    private final transient Set<String> removed;

    /** @param cause what stopped it: the store unavailable, or refusing (a fault of the deployment) */
    public GroupSyncIncompleteException(RuntimeException cause, Set<String> added, Set<String> removed) {
        super("The group sync was applied in part: " + added.size() + " additions and " + removed.size()
                + " removals", cause, cause instanceof StoreUnavailableException unavailable && unavailable.pushback());
        this.added = Set.copyOf(added);
        this.removed = Set.copyOf(removed);
    }

    /** The refusal that stopped it, when a fault of the deployment did rather than an unavailable store. */
    public Optional<StoreFailedException> refusal() {
        return getCause() instanceof StoreFailedException refused ? Optional.of(refused) : Optional.empty();
    }

    public Set<String> added() {
        return added;
    }

    public Set<String> removed() {
        return removed;
    }
}
