package com.contoso.linkedin.service;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.store.LinkedInStore;
import com.contoso.linkedin.store.LinkedInStore.SelectedUsersPage;

/**
 * Who is selected: the legacy one-by-one selection and group memberships synced from the
 * directory. Every change is audited with what it really changed, and counted.
 */
@ApplicationScoped
public class SelectionService {
    public static final int MAX_MEMBER_CHANGES = 1000;

    private final LinkedInStore store;
    private final Clock clock;

    public SelectionService(LinkedInStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return whether it changed anything: the same selection again writes and audits nothing */
    public boolean setSelectedOneByOne(String tenantId, String userId, boolean selected, String who, String requestId) {
        requireTenant(tenantId);
        return store.setSelectedOneByOne(tenantId, userId, selected, new AuditEntry.Stamp(who, clock, requestId));
    }

    /** @return the users really added and removed: a user already in the group (or not in it) is in neither */
    public AuditEntry.GroupMembersChanged updateGroupMembers(String tenantId, String groupId, Set<String> add,
            Set<String> remove, String who, String requestId) {
        if (add.size() + remove.size() > MAX_MEMBER_CHANGES) {
            throw new InvalidInputException("add and remove hold at most " + MAX_MEMBER_CHANGES + " ids together");
        }
        Set<String> both = new HashSet<>(add);
        both.retainAll(remove);
        if (!both.isEmpty()) {
            throw new InvalidInputException("A user cannot be both added to and removed from the group in one request");
        }
        requireTenant(tenantId);
        return store.updateGroupMembers(tenantId, groupId, add, remove,
                new AuditEntry.Stamp(who, clock, requestId));
    }

    /** The users selected one by one, a page at a time, ordered by id (as the index has them, a moment late). */
    public SelectedUsersPage selectedUsers(String tenantId, int limit, Optional<String> afterUserId) {
        requireTenant(tenantId);
        return store.listSelectedUsers(tenantId, limit, afterUserId);
    }

    private void requireTenant(String tenantId) {
        if (store.findTenant(tenantId).isEmpty()) {
            throw new TenantNotProvisionedException();
        }
    }
}
