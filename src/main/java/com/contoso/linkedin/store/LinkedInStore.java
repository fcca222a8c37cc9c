package com.contoso.linkedin.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;

/**
 * Where tenants, settings, their audit and users' facts live. Every method is one store
 * operation (or one retried batch of them); every failure of the store surfaces as
 * {@link StoreUnavailableException}, never as an answer.
 */
public interface LinkedInStore {

    /** The tenant with a strongly consistent read, or empty when it has no record. */
    Optional<Tenant> findTenant(String tenantId);

    /**
     * Creates or replaces the tenant's record, leaving its setting alone.
     *
     * @param expected the tenant as read before (empty: it must not exist yet)
     * @param withdrawConsents whether to move the consent epoch on in the same write
     * @throws ConcurrentChangeException when the tenant changed since {@code expected} was read
     */
    void saveProfile(String tenantId, TenantProfile profile, Optional<Tenant> expected, boolean withdrawConsents,
            Instant now);

    /**
     * Writes the setting and its audit entry in one transaction, on condition that the stored
     * setting version is still {@code expectedVersion}.
     *
     * @param withdrawConsents whether to move the consent epoch on in the same write
     * @throws ConcurrentChangeException when the version moved or the tenant vanished
     */
    void saveSetting(String tenantId, long expectedVersion, TenantSetting setting, boolean withdrawConsents,
            AuditEntry audit);

    /** Audit entries newest first, at most {@code limit}, older than {@code beforeVersion} when given. */
    AuditPage listAudit(String tenantId, int limit, Optional<Long> beforeVersion);

    /** One user's facts with one strongly consistent read; the defaults for an unknown user. */
    UserFacts findUser(String tenantId, String userId);

    /**
     * Several users' facts with one batch read per 100 distinct users (retried for keys the store leaves unprocessed),
     * answered in the order asked, duplicates included.
     */
    List<UserFacts> findUsers(String tenantId, List<String> userIds);

    void setSelectedOneByOne(String tenantId, String userId, boolean selected);

    /** Adds and removes the group in users' memberships, each an atomic update of one user. */
    void updateGroupMembers(String tenantId, String groupId, Set<String> add, Set<String> remove);

    void setOfficePolicy(String tenantId, String userId, OfficePolicy policy);

    /**
     * Sets the user's own Office option, on condition that no policy locks it.
     *
     * @throws com.contoso.linkedin.domain.RefusedException with OPTION_LOCKED_BY_POLICY when a policy is configured
     */
    void setOfficeOption(String tenantId, String userId, boolean showLinkedInFeatures);

    void setProfileVisibility(String tenantId, String userId, boolean visibleInMicrosoftApps);

    void connect(String tenantId, String userId, Consent consent, long consentEpoch, Instant connectedAt);

    void disconnect(String tenantId, String userId);

    record AuditPage(List<AuditEntry> entries, Optional<Long> nextBeforeVersion) {
    }
}
