package com.contoso.linkedin.store.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.GroupSyncIncompleteException;
import com.contoso.linkedin.store.LinkedInStore;
import com.contoso.linkedin.store.StoreFailedException;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A group sync in chunks of {@link LinkedInStore#GROUP_SYNC_CHUNK} requested changes. Each chunk
 * reads the tenant and its users as one snapshot, and writes the changes it really makes (a user
 * already in the group is not added twice, nor counted twice), each conditioned on the user's
 * revision, with the group's count, the chunk's audit entry and a check that the tenant exists,
 * in one transaction: at most 97 users, the counts, the entry and the check, DynamoDB's 100. A
 * lost race reads the chunk again. A sync stopped part way says exactly which changes it applied.
 */
final class GroupSync {
    private final Requests requests;

    GroupSync(Requests requests) {
        this.requests = requests;
    }

    /** One requested change. */
    private record Change(String userId, boolean add) {
    }

    AuditEntry.GroupMembersChanged apply(String tenantId, String groupId, Set<String> add, Set<String> remove,
            AuditEntry.Stamp stamp) {
        List<Change> changes = new ArrayList<>();
        add.forEach(userId -> changes.add(new Change(userId, true)));
        remove.forEach(userId -> changes.add(new Change(userId, false)));
        Set<String> added = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        for (int from = 0; from < changes.size(); from += LinkedInStore.GROUP_SYNC_CHUNK) {
            List<Change> chunk = changes.subList(from, Math.min(changes.size(), from + LinkedInStore.GROUP_SYNC_CHUNK));
            try {
                AuditEntry.GroupMembersChanged made = applyChunk(tenantId, groupId, chunk, stamp);
                added.addAll(made.added());
                removed.addAll(made.removed());
            } catch (StoreUnavailableException | StoreFailedException stopped) {
                // Either way the chunks before are in place: the caller must know which.
                if (added.isEmpty() && removed.isEmpty()) {
                    throw stopped;
                }
                throw new GroupSyncIncompleteException(stopped, added, removed);
            }
        }
        return new AuditEntry.GroupMembersChanged(groupId, added, removed);
    }

    /** The changes the chunk really made, written in one transaction with their audit entry. */
    private AuditEntry.GroupMembersChanged applyChunk(String tenantId, String groupId, List<Change> chunk,
            AuditEntry.Stamp stamp) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(TableLayout.tenantKey(tenantId));
        chunk.forEach(change -> keys.add(TableLayout.userKey(tenantId, change.userId())));
        for (int attempt = 1;; attempt++) {
            List<Map<String, AttributeValue>> items = requests.snapshot("read group members", keys);
            if (items.get(0).isEmpty()) {
                throw new TenantNotProvisionedException();
            }
            List<TransactWriteItem> actions = new ArrayList<>();
            Set<String> joined = new LinkedHashSet<>();
            Set<String> left = new LinkedHashSet<>();
            for (int i = 0; i < chunk.size(); i++) {
                Change change = chunk.get(i);
                Map<String, AttributeValue> user = items.get(i + 1);
                UserFacts facts = user.isEmpty() ? UserFacts.unknown() : UserItem.toUserFacts(user);
                if (change.add() == facts.groupIds().contains(groupId)) {
                    continue; // already so: nothing to write or count
                }
                Expression write = UserItem.counted(tenantId, change.userId(), UserItem.revision(user),
                        facts.selectedOneByOne());
                actions.add(requests.update(TableLayout.userKey(tenantId, change.userId()),
                        change.add() ? UserItem.joinGroup(write, groupId) : UserItem.leaveGroup(write, groupId)));
                (change.add() ? joined : left).add(change.userId());
            }
            var made = new AuditEntry.GroupMembersChanged(groupId, joined, left);
            if (actions.isEmpty()) {
                return made;
            }
            CountsItem.change(0, 0, Map.of(groupId, (long) joined.size() - left.size()))
                    .ifPresent(change -> actions.add(requests.update(TableLayout.countsKey(tenantId), change)));
            actions.add(requests.put(AuditItem.toItem(tenantId,
                    stamp.entry(made), Optional.empty()),
                    AuditItem.onlyIfNew()));
            actions.add(requests.check(TableLayout.tenantKey(tenantId), TenantItem.exists()));
            try {
                requests.transact("sync group members", actions, null);
                return made;
            } catch (TransactionCanceledException lost) {
                // Another write touched one of these users (or the counts) at the same moment.
                requests.retryOrGiveUp("sync group members", attempt, lost);
            }
        }
    }
}
