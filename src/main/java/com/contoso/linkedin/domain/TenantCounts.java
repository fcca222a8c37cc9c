package com.contoso.linkedin.domain;

import java.util.Map;

/**
 * What the store counts of a tenant's users, kept exact by the writes that change it: users
 * connected in the current consent epoch, users selected one by one, and the synced members of
 * each group.
 */
public record TenantCounts(long connected, long selectedOneByOne, Map<String, Long> membersByGroup) {

    public static final TenantCounts NONE = new TenantCounts(0, 0, Map.of());

    public TenantCounts {
        membersByGroup = Map.copyOf(membersByGroup);
    }

    /** Synced members of the group; 0 for a group nobody was synced into. */
    public long members(String groupId) {
        return groupId == null ? 0 : membersByGroup.getOrDefault(groupId, 0L);
    }
}
