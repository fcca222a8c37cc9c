package com.contoso.linkedin.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.AuditKind;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantCounts;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;

/**
 * Where tenants, settings, their audit, their counts and users' facts live. Every method is one
 * store operation (or one retried batch of them); a failure of the store surfaces as
 * {@link StoreUnavailableException} (a later try may pass) or {@link StoreFailedException} (a
 * fault of the deployment), never as an answer. Every tenant-level write (record, setting,
 * selection, group members, erasure, offboarding) writes its audit entry in the same transaction,
 * and every write of a counted user fact (connection, one-by-one selection, group membership)
 * adjusts the tenant's counts in it too.
 */
public interface LinkedInStore {

    /** The tenant with a strongly consistent read, or empty when it has no record. */
    Optional<Tenant> findTenant(String tenantId);

    /** The tenant and its counts as one consistent snapshot, or empty when it has no record. */
    Optional<CountedTenant> findTenantWithCounts(String tenantId);

    /**
     * Creates or replaces the tenant's record and writes its audit entry in one transaction,
     * leaving the written setting alone.
     *
     * @param expected the tenant as read before (empty: it must not exist yet, nor be being offboarded)
     * @param withdrawConsents whether to move the consent epoch on (and start its count afresh)
     * @param moveEtagVersion whether the record change changes what the setting shows (its ETag moves)
     * @throws ConcurrentChangeException when the tenant changed since {@code expected} was read
     */
    void saveProfile(String tenantId, TenantProfile profile, Optional<Tenant> expected, boolean withdrawConsents,
            boolean moveEtagVersion, AuditEntry audit);

    /**
     * Writes the setting and its audit entry in one transaction, on condition that the number the
     * setting's ETag carries ({@link Tenant#etagVersion()}) is still {@code expectedVersion}; it
     * becomes one more.
     *
     * @param withdrawConsents whether to move the consent epoch on (and start its count afresh)
     * @throws ConcurrentChangeException when the version moved or the tenant vanished
     */
    void saveSetting(String tenantId, long expectedVersion, TenantSetting setting, boolean withdrawConsents,
            AuditEntry audit);

    /**
     * One page of the tenant's audit entries, newest first. Entries an offboarding gave an expiry
     * belong to the tenant's earlier life and are left out: a tenant provisioned again starts
     * from nothing.
     */
    AuditPage listAudit(String tenantId, AuditQuery query);

    /** One strongly consistent read of the user's facts; the defaults for an unknown user. */
    UserFacts findUser(String tenantId, String userId);

    /**
     * Several users' facts with one batch read per 100 distinct users (retried for keys the store leaves unprocessed),
     * answered in the order asked, duplicates included.
     */
    List<UserFacts> findUsers(String tenantId, List<String> userIds);

    /**
     * Selects the user one by one, or no longer, with its audit entry; nothing when it is so already.
     *
     * @return whether anything changed
     * @throws com.contoso.linkedin.domain.TenantNotProvisionedException when the tenant has no record
     */
    boolean setSelectedOneByOne(String tenantId, String userId, boolean selected, AuditEntry.Stamp stamp);

    /**
     * Adds and removes the group in users' memberships, in transactions of at most
     * {@link #GROUP_SYNC_CHUNK} requested changes, each with the changes it really makes and one
     * audit entry of them.
     *
     * @return the users it really added and removed: a user already in the group (or not in it) is
     *         in neither
     * @throws GroupSyncIncompleteException when it stopped after applying some of the changes
     * @throws com.contoso.linkedin.domain.TenantNotProvisionedException when the tenant has no record
     */
    AuditEntry.GroupMembersChanged updateGroupMembers(String tenantId, String groupId, Set<String> add,
            Set<String> remove, AuditEntry.Stamp stamp);

    /**
     * Sets the Office policy that applies to the user, with the tenant's existence checked in the
     * same write (facts of an offboarded tenant are never stored again).
     *
     * @throws com.contoso.linkedin.domain.TenantNotProvisionedException when the tenant has no record
     */
    void setOfficePolicy(String tenantId, String userId, OfficePolicy policy);

    /**
     * Sets the user's own Office option, on condition that no policy locks it and that the tenant
     * exists.
     *
     * @throws com.contoso.linkedin.domain.RefusedException with OPTION_LOCKED_BY_POLICY when a policy is configured
     * @throws com.contoso.linkedin.domain.TenantNotProvisionedException when the tenant has no record
     */
    void setOfficeOption(String tenantId, String userId, boolean showLinkedInFeatures);

    /**
     * Sets whether the user's LinkedIn information shows in Microsoft apps, on condition that the
     * tenant exists.
     *
     * @throws com.contoso.linkedin.domain.TenantNotProvisionedException when the tenant has no record
     */
    void setProfileVisibility(String tenantId, String userId, boolean visibleInMicrosoftApps);

    /**
     * Connects the user in the tenant's consent epoch {@code consentEpoch}.
     *
     * @throws ConcurrentChangeException when the tenant is no longer in that epoch, or has no record
     */
    void connect(String tenantId, String userId, Consent consent, long consentEpoch, Instant connectedAt);

    /**
     * Removes the user's connection; nothing when there is none, also for a tenant without record.
     *
     * @return whether there was a connection to remove
     */
    boolean disconnect(String tenantId, String userId);

    /**
     * Erases everything stored about the user, with its audit entry; nothing when nothing is stored.
     *
     * @return whether anything was stored
     * @throws com.contoso.linkedin.domain.TenantNotProvisionedException when the tenant has no record
     */
    boolean eraseUser(String tenantId, String userId, AuditEntry.Stamp stamp);

    /** The users selected one by one, ordered by id, after {@code afterUserId} when given. */
    SelectedUsersPage listSelectedUsers(String tenantId, int limit, Optional<String> afterUserId);

    /**
     * Starts offboarding: deletes the tenant's record and leaves an offboarding marker, with the
     * audit entry, in one transaction.
     *
     * @throws ConcurrentChangeException when the tenant changed since {@code expected} was read
     */
    void startOffboarding(String tenantId, Tenant expected, AuditEntry audit);

    /** The offboarding under way, or empty when the tenant is not being offboarded. */
    Optional<OffboardingProgress> findOffboarding(String tenantId);

    /**
     * Erases one page of the offboarded tenant's items (at most {@code pageSize} users, and as
     * many as the request's deadline allows), lets up to {@code pageSize} of its audit entries
     * expire at {@code auditExpiresAt}, and once nothing is left removes its counts and the marker.
     */
    OffboardingProgress offboardPage(String tenantId, int pageSize, Instant auditExpiresAt);

    /** Requested membership changes per group-sync transaction (and so per audit entry) at most. */
    int GROUP_SYNC_CHUNK = 97;

    /** The tenant and its counts, read together. */
    record CountedTenant(Tenant tenant, TenantCounts counts) {
    }

    /**
     * Which audit entries, newest first: of these kinds (all when empty), written from
     * {@code since} (inclusive) until {@code until} (exclusive), to the millisecond, after the
     * position a page handed out.
     */
    record AuditQuery(Set<AuditKind> kinds, Optional<Instant> since, Optional<Instant> until, int limit,
            Optional<String> after) {
        /** One past the last millisecond an entry can have: its key holds 13 digits of them. */
        public static final long END_MILLIS = 10_000_000_000_000L;
        /** How a position looks: time-ordered, as both stores hand it out. */
        public static final Pattern POSITION = Pattern.compile("T#[0-9]{13}#[0-9a-f]{8}");

        public AuditQuery {
            kinds = Set.copyOf(kinds);
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be positive");
            }
            if (after.isPresent() && !POSITION.matcher(after.get()).matches()) {
                throw new InvalidInputException("cursor is not one this API handed out");
            }
            if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
                throw new InvalidInputException("since must be before until");
            }
        }

        /** The first millisecond listed: entries are kept to the millisecond, so {@code since} rounds up. */
        public long fromMillis() {
            return since.map(AuditQuery::ceilMillis).orElse(0L);
        }

        /**
         * The first millisecond no longer listed: {@code until} rounded up too, as an entry of its
         * millisecond is before an {@code until} with more digits.
         */
        public Optional<Long> untilMillis() {
            return until.map(AuditQuery::ceilMillis);
        }

        /**
         * Rounded up, and into the milliseconds an entry can have (1970 to the audit key's last, in
         * 2286): a bound before or after them lists everything or nothing, never fails.
         */
        private static long ceilMillis(Instant instant) {
            if (instant.isBefore(Instant.EPOCH)) {
                return 0;
            }
            if (!instant.isBefore(Instant.ofEpochMilli(END_MILLIS))) {
                return END_MILLIS;
            }
            return instant.toEpochMilli() + (instant.getNano() % 1_000_000 == 0 ? 0 : 1);
        }

        public static AuditQuery newest(int limit) {
            return new AuditQuery(Set.of(), Optional.empty(), Optional.empty(), limit, Optional.empty());
        }

        public AuditQuery continuingAfter(Optional<String> position) {
            return new AuditQuery(kinds, since, until, limit, position);
        }
    }

    /**
     * A page of entries, newest first, and the position to continue after when more may follow.
     * With a kind filter a page may hold fewer entries than asked, even none, and still a position.
     */
    record AuditPage(List<AuditEntry> entries, Optional<String> next) {
    }

    record SelectedUsersPage(List<String> userIds, Optional<String> next) {
    }

    /** How far offboarding has come: users erased so far, and whether nothing of the tenant is left. */
    record OffboardingProgress(long erasedUsers, boolean done) {
    }
}
