package com.contoso.linkedin.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the store knows of a tenant: its record, the setting an admin wrote (empty while
 * none has), the setting's version and the consent epoch, which every switch to {@code DISABLED}
 * moves on so that all earlier connections stop counting without touching a single user.
 *
 * <p>{@code etagVersion} is the number the setting's ETag carries and If-Match is held to: it
 * moves with every write of the setting and with every change of the record that changes what the
 * setting shows (the country's default mode while none is written, or the availability), so that
 * an ETag always names one representation. The setting's own version (SPEC section 3: GET's
 * {@code version}, answers' {@code settingVersion}, the audit's) counts its writes only: 0 while
 * none is written, then 1, 2...; a record change never moves it.
 */
public record Tenant(String tenantId, TenantProfile profile, Optional<TenantSetting> writtenSetting,
        long etagVersion, long consentEpoch) {

    /**
     * The consent epoch a record starts in: the millisecond it was created. An offboarding erases
     * the tenant's users through an index that may not show the newest ones yet; a connection it
     * missed stays in an epoch lower than any a tenant provisioned again can be in (every switch to
     * DISABLED is a write of its own, far slower than one per millisecond), so it never counts.
     */
    public static long firstConsentEpoch(Instant created) {
        return created.toEpochMilli();
    }

    /** A tenant whose ETag's number is its written setting's version (0 while none is written). */
    public Tenant(String tenantId, TenantProfile profile, Optional<TenantSetting> writtenSetting, long consentEpoch) {
        this(tenantId, profile, writtenSetting, writtenSetting.map(TenantSetting::version).orElse(0L), consentEpoch);
    }

    /** The setting in force: the written one, or the country's default, at version 0. */
    public TenantSetting setting() {
        return writtenSetting.orElseGet(() -> TenantSetting.defaultFor(profile));
    }

    /** Rules 2 and 3 of the decision table: whether the feature exists for this tenant at all. */
    public Reason availability() {
        if (!profile.cloud().supportsLinkedIn()) {
            return Reason.CLOUD_NOT_SUPPORTED;
        }
        if (!profile.rolledOut()) {
            return Reason.NOT_ROLLED_OUT;
        }
        return Reason.ELIGIBLE;
    }

    /** The same tenant with another record: its written setting, version and epoch unchanged. */
    public Tenant withProfile(TenantProfile next) {
        return new Tenant(tenantId, next, writtenSetting, etagVersion, consentEpoch);
    }

    /**
     * Whether the setting as it reads (mode, group, availability) differs from the other's: a
     * record change that does so moves the version, and so the ETag.
     */
    public boolean showsSettingOtherThan(Tenant other) {
        TenantSetting mine = setting();
        TenantSetting theirs = other.setting();
        return mine.mode() != theirs.mode() || !Objects.equals(mine.selectedGroupId(), theirs.selectedGroupId())
                || availability() != other.availability();
    }
}
