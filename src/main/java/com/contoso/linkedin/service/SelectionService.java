package com.contoso.linkedin.service;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.store.LinkedInStore;

/** Who is selected: the legacy one-by-one selection and group memberships synced from the directory. */
@ApplicationScoped
public class SelectionService {
    public static final int MAX_MEMBER_CHANGES = 1000;

    private final LinkedInStore store;

    public SelectionService(LinkedInStore store) {
        this.store = store;
    }

    public void setSelectedOneByOne(String tenantId, String userId, boolean selected) {
        requireTenant(tenantId);
        store.setSelectedOneByOne(tenantId, userId, selected);
    }

    public void updateGroupMembers(String tenantId, String groupId, Set<String> add, Set<String> remove) {
        if (add.size() + remove.size() > MAX_MEMBER_CHANGES) {
            throw new InvalidInputException("add and remove hold at most " + MAX_MEMBER_CHANGES + " ids together");
        }
        Set<String> both = new HashSet<>(add);
        both.retainAll(remove);
        if (!both.isEmpty()) {
            throw new InvalidInputException("A user cannot be both added to and removed from the group in one request");
        }
        requireTenant(tenantId);
        store.updateGroupMembers(tenantId, groupId, add, remove);
    }

    private void requireTenant(String tenantId) {
        if (store.findTenant(tenantId).isEmpty()) {
            throw new TenantNotProvisionedException();
        }
    }
}
