package com.contoso.linkedin.domain;

import java.util.Optional;

/**
 * Everything the store knows of a tenant: its record, the setting an admin wrote (empty while
 * none has), and the consent epoch, which every switch to {@code DISABLED} moves on so that all
 * earlier connections stop counting without touching a single user.
 */
public record Tenant(String tenantId, TenantProfile profile, Optional<TenantSetting> writtenSetting, long consentEpoch) {

    /** The setting in force: the written one, or the default of the tenant's country. */
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
}
