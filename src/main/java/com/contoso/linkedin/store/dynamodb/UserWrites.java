package com.contoso.linkedin.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Connection;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.RefusedException;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.Backoff;
import com.contoso.linkedin.store.ConcurrentChangeException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The writes of counted user facts: connecting, disconnecting, the one-by-one selection and
 * erasure. Each reads the tenant and the user as one snapshot, decides what it changes, and writes
 * the user on condition of the revision read, the counts by exactly that change, the audit entry
 * where there is one, and a check of the tenant (its consent epoch where a connection is counted,
 * its existence otherwise), in one transaction; a lost race is read again and retried, within the
 * request's deadline ({@link Backoff}). So the counts stay exact whatever runs at the same time.
 * The facts nothing counts are one update with a check of the tenant ({@link #uncounted}).
 */
final class UserWrites {
    private final Requests requests;

    UserWrites(Requests requests) {
        this.requests = requests;
    }

    /** The tenant's consent epoch (empty: no record) and the user as read together. */
    private record Read(Optional<Long> epoch, Map<String, AttributeValue> item, UserFacts facts, long revision) {
        boolean exists() {
            return !item.isEmpty();
        }

        /** Whether the user's connection counts in the tenant's current epoch. */
        boolean connectionCounted() {
            return facts.connection().map(Connection::consentEpoch).filter(e -> epoch.isPresent() && e.equals(epoch.get()))
                    .isPresent();
        }
    }

    void connect(String tenantId, String userId, Consent consent, long consentEpoch, Instant connectedAt) {
        write("connect", tenantId, userId, read -> {
            if (read.epoch().isEmpty() || read.epoch().get() != consentEpoch) {
                throw new ConcurrentChangeException("The tenant has left the consent epoch read, or has no record");
            }
            List<TransactWriteItem> actions = new ArrayList<>();
            actions.add(requests.update(TableLayout.userKey(tenantId, userId), UserItem.connect(
                    counted(tenantId, userId, read), consent, consentEpoch, connectedAt)));
            counts(tenantId, read.connectionCounted() ? 0 : 1, 0, Map.of()).ifPresent(actions::add);
            actions.add(requests.check(TableLayout.tenantKey(tenantId), TenantItem.inEpoch(consentEpoch)));
            return Optional.of(actions);
        });
    }

    boolean disconnect(String tenantId, String userId) {
        return write("disconnect", tenantId, userId, read -> {
            if (read.facts().connection().isEmpty()) {
                return Optional.empty(); // idempotent: nothing to write, no item created
            }
            List<TransactWriteItem> actions = new ArrayList<>();
            actions.add(requests.update(TableLayout.userKey(tenantId, userId),
                    UserItem.disconnect(counted(tenantId, userId, read))));
            if (read.connectionCounted()) {
                counts(tenantId, -1, 0, Map.of()).ifPresent(actions::add);
                actions.add(requests.check(TableLayout.tenantKey(tenantId), TenantItem.inEpoch(read.epoch().get())));
            }
            return Optional.of(actions);
        });
    }

    boolean select(String tenantId, String userId, boolean selected, AuditEntry.Stamp stamp) {
        return write("save selection", tenantId, userId, read -> {
            requireTenant(read);
            if (read.facts().selectedOneByOne() == selected) {
                return Optional.empty();
            }
            List<TransactWriteItem> actions = new ArrayList<>();
            actions.add(requests.update(TableLayout.userKey(tenantId, userId), UserItem.selectOneByOne(
                    UserItem.counted(tenantId, userId, read.revision(), selected), selected)));
            counts(tenantId, 0, selected ? 1 : -1, Map.of()).ifPresent(actions::add);
            actions.add(audit(tenantId, stamp.entry(new AuditEntry.SelectionChanged(userId, selected))));
            actions.add(requests.check(TableLayout.tenantKey(tenantId), TenantItem.exists()));
            return Optional.of(actions);
        });
    }

    boolean erase(String tenantId, String userId, AuditEntry.Stamp stamp) {
        return write("erase user", tenantId, userId, read -> {
            requireTenant(read);
            if (!read.exists()) {
                return Optional.empty();
            }
            boolean connected = read.connectionCounted();
            Map<String, Long> groups = new java.util.HashMap<>();
            read.facts().groupIds().forEach(group -> groups.put(group, -1L));
            List<TransactWriteItem> actions = new ArrayList<>();
            actions.add(requests.delete(TableLayout.userKey(tenantId, userId),
                    UserItem.asRead(new Expression(), read.revision())));
            counts(tenantId, connected ? -1 : 0, read.facts().selectedOneByOne() ? -1 : 0, groups)
                    .ifPresent(actions::add);
            actions.add(audit(tenantId, stamp.entry(new AuditEntry.UserErased(userId))));
            actions.add(requests.check(TableLayout.tenantKey(tenantId),
                    connected ? TenantItem.inEpoch(read.epoch().get()) : TenantItem.exists()));
            return Optional.of(actions);
        });
    }

    /**
     * A user fact nothing counts (Office policy and option, profile visibility): the update and a
     * check that the tenant exists, in one transaction with no read before it. A read of the
     * tenant first would leave a moment in which an offboarding could erase the user and this
     * write then store it again, after the tenant's data was to be gone.
     *
     * @throws TenantNotProvisionedException when the tenant has no record
     * @throws RefusedException OPTION_LOCKED_BY_POLICY when the update's own condition (the Office
     *         option's: no policy set) fails
     */
    void uncounted(String what, String tenantId, String userId, Expression update) {
        List<TransactWriteItem> actions = List.of(requests.update(TableLayout.userKey(tenantId, userId), update),
                requests.check(TableLayout.tenantKey(tenantId), TenantItem.exists()));
        for (int attempt = 1;; attempt++) {
            try {
                requests.transact(what, actions, null);
                return;
            } catch (TransactionCanceledException cancelled) {
                if (Requests.conditionFailed(cancelled, 1)) {
                    throw new TenantNotProvisionedException();
                }
                if (Requests.conditionFailed(cancelled, 0)) {
                    throw new RefusedException(Reason.OPTION_LOCKED_BY_POLICY,
                            "An Office policy is configured for this user and locks the option to its value");
                }
                requests.retryOrGiveUp(what, attempt, cancelled); // a concurrent transaction on the items
            }
        }
    }

    /**
     * Reads, decides ({@code change}: the actions, or empty for nothing to write) and writes,
     * again after every lost race.
     *
     * @return whether anything was written
     */
    private boolean write(String what, String tenantId, String userId,
            Function<Read, Optional<List<TransactWriteItem>>> change) {
        for (int attempt = 1;; attempt++) {
            List<Map<String, AttributeValue>> items = requests.snapshot("read user",
                    List.of(TableLayout.tenantKey(tenantId), TableLayout.userKey(tenantId, userId)));
            Map<String, AttributeValue> user = items.get(1);
            Read read = new Read(TenantItem.consentEpoch(items.get(0)), user,
                    user.isEmpty() ? UserFacts.unknown() : UserItem.toUserFacts(user), UserItem.revision(user));
            Optional<List<TransactWriteItem>> actions = change.apply(read);
            if (actions.isEmpty()) {
                return false;
            }
            try {
                requests.transact(what, actions.get(), null);
                return true;
            } catch (TransactionCanceledException lost) {
                // The user, the tenant's epoch or the counts moved since the read: read again.
                requests.retryOrGiveUp(what, attempt, lost);
            }
        }
    }

    private static void requireTenant(Read read) {
        if (read.epoch().isEmpty()) {
            throw new TenantNotProvisionedException();
        }
    }

    /** The user's write of counted facts, its selection (and so its index key) unchanged. */
    private static Expression counted(String tenantId, String userId, Read read) {
        return UserItem.counted(tenantId, userId, read.revision(), read.facts().selectedOneByOne());
    }

    private Optional<TransactWriteItem> counts(String tenantId, long connected, long selected, Map<String, Long> groups) {
        return CountsItem.change(connected, selected, groups)
                .map(change -> requests.update(TableLayout.countsKey(tenantId), change));
    }

    private TransactWriteItem audit(String tenantId, AuditEntry entry) {
        return requests.put(AuditItem.toItem(tenantId, entry, Optional.empty()), AuditItem.onlyIfNew());
    }
}
