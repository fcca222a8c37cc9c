package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.AttributeValues.bool;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.n;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.number;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.s;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.string;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tenant item ({@link TableLayout#tenantKey}): the operator's record, the admin's setting
 * and the consent epoch in one item, so that the hot path reads (and caches) one item per tenant.
 */
final class TenantItem {
    // the operator's record
    private static final String CLOUD = "cloud";
    private static final String COUNTRY = "countryCode";
    private static final String ROLLED_OUT = "rolledOut";
    private static final String USERS_CAN_CONSENT = "usersCanConsentToApps";
    private static final String CREATED_AT = "createdAt";
    private static final String PROFILE_UPDATED_AT = "profileUpdatedAt";
    // the admin's setting, present once written (mode), with its version (the writes so far), and
    // the number the setting's ETag carries, which record changes that change what it shows move too
    private static final String MODE = "mode";
    private static final String SELECTED_GROUP = "selectedGroupId";
    private static final String WRITTEN_VERSION = "writtenVersion";
    private static final String SETTING_VERSION = "settingVersion";
    private static final String UPDATED_AT = "updatedAt";
    private static final String UPDATED_BY = "updatedBy";
    /** Moved on by every switch to DISABLED: connections of earlier epochs stop counting. */
    static final String CONSENT_EPOCH = "consentEpoch";

    private TenantItem() {
    }

    static Tenant toTenant(String tenantId, Map<String, AttributeValue> item) {
        try {
            TenantProfile profile = new TenantProfile(
                    Cloud.valueOf(item.get(CLOUD).s()), item.get(COUNTRY).s(),
                    item.get(ROLLED_OUT).bool(), item.get(USERS_CAN_CONSENT).bool());
            long version = number(item, SETTING_VERSION);
            // Items written before the two numbers were kept apart hold only the ETag's.
            long written = item.containsKey(WRITTEN_VERSION) ? number(item, WRITTEN_VERSION) : version;
            Optional<TenantSetting> setting = !item.containsKey(MODE) ? Optional.empty()
                    : Optional.of(new TenantSetting(IntegrationMode.valueOf(item.get(MODE).s()),
                            string(item, SELECTED_GROUP), written,
                            Instant.parse(item.get(UPDATED_AT).s()), string(item, UPDATED_BY)));
            return new Tenant(tenantId, profile, setting, version, number(item, CONSENT_EPOCH));
        } catch (RuntimeException unreadable) {
            // Never guess from an item we cannot read.
            throw new StoreUnavailableException("Unreadable tenant item", unreadable);
        }
    }

    /** The consent epoch alone, of an item that may be missing (empty then). */
    static Optional<Long> consentEpoch(Map<String, AttributeValue> item) {
        try {
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(number(item, CONSENT_EPOCH));
        } catch (RuntimeException unreadable) {
            throw new StoreUnavailableException("Unreadable tenant item", unreadable);
        }
    }

    /**
     * Creates or replaces the record and leaves the setting alone (a new item starts at version 0,
     * in the epoch {@link Tenant#firstConsentEpoch}). The epoch and version decisions, and the
     * audit's "before", were made on what was read: the write holds only if that is still so, i.e.
     * the item is still missing, or still has the record and version read.
     */
    static Expression saveProfile(TenantProfile profile, Optional<Tenant> expected, boolean withdrawConsents,
            boolean moveEtagVersion, Instant now) {
        Expression save = new Expression()
                .set(CLOUD, s(profile.cloud().name()))
                .set(COUNTRY, s(profile.countryCode()))
                .set(ROLLED_OUT, bool(profile.rolledOut()))
                .set(USERS_CAN_CONSENT, bool(profile.usersCanConsentToApps()))
                .set(PROFILE_UPDATED_AT, s(now.toString()))
                .setIfNotExists(CREATED_AT, s(now.toString()));
        if (moveEtagVersion) {
            // An item written before the two numbers were kept apart keeps the version it showed.
            save.incrementFrom(SETTING_VERSION, 0, 1).setIfNotExistsFrom(WRITTEN_VERSION, SETTING_VERSION);
        } else {
            save.setIfNotExists(SETTING_VERSION, n(0));
        }
        if (expected.isEmpty()) {
            return save.set(CONSENT_EPOCH, n(Tenant.firstConsentEpoch(now))).whenNotExists(TableLayout.PK);
        }
        if (withdrawConsents) {
            save.increment(CONSENT_EPOCH, 1);
        }
        TenantProfile read = expected.get().profile();
        return save.whenEquals(CLOUD, s(read.cloud().name()))
                .whenEquals(COUNTRY, s(read.countryCode()))
                .whenEquals(ROLLED_OUT, bool(read.rolledOut()))
                .whenEquals(USERS_CAN_CONSENT, bool(read.usersCanConsentToApps()))
                .whenEquals(SETTING_VERSION, n(expected.get().etagVersion()));
    }

    /**
     * Writes the setting, and moves its ETag's number on by one, on condition that the tenant exists
     * with that number at {@code expectedVersion}; a setting that enables the integration also
     * needs the public cloud, so that it is never enabled elsewhere even if the record changed
     * since the read.
     */
    static Expression saveSetting(long expectedVersion, TenantSetting setting, boolean withdrawConsents) {
        Expression save = new Expression()
                .set(MODE, s(setting.mode().name()))
                .set(WRITTEN_VERSION, n(setting.version()))
                .set(SETTING_VERSION, n(expectedVersion + 1))
                .set(UPDATED_AT, s(setting.updatedAt().toString()))
                .set(UPDATED_BY, s(setting.updatedBy()));
        if (withdrawConsents) {
            save.increment(CONSENT_EPOCH, 1);
        }
        if (setting.selectedGroupId() != null) {
            save.set(SELECTED_GROUP, s(setting.selectedGroupId()));
        } else {
            save.remove(SELECTED_GROUP);
        }
        save.whenExists(TableLayout.PK).whenEquals(SETTING_VERSION, n(expectedVersion));
        if (setting.mode() != IntegrationMode.DISABLED) {
            save.whenEquals(CLOUD, s(Cloud.PUBLIC.name()));
        }
        return save;
    }

    /** Offboarding deletes the item as read: nothing of the record may have changed since. */
    static Expression deleteAsRead(Tenant expected) {
        return new Expression().whenExists(TableLayout.PK)
                .whenEquals(SETTING_VERSION, n(expected.etagVersion()))
                .whenEquals(CONSENT_EPOCH, n(expected.consentEpoch()));
    }

    /** For a user write that counts: the tenant exists, in the consent epoch read. */
    static Expression inEpoch(long consentEpoch) {
        return new Expression().whenExists(TableLayout.PK).whenEquals(CONSENT_EPOCH, n(consentEpoch));
    }

    /** For a user write that is audited: the tenant exists (it is not being offboarded). */
    static Expression exists() {
        return new Expression().whenExists(TableLayout.PK);
    }
}
