package com.contoso.linkedin.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The tenant's LinkedIn integration setting. Version 0 is the default that applies while no
 * admin has written it; every write that changes it takes the next version.
 */
public record TenantSetting(IntegrationMode mode, String selectedGroupId, long version, Instant updatedAt, String updatedBy) {

    public TenantSetting {
        Objects.requireNonNull(mode, "mode");
        if ((mode == IntegrationMode.SELECTED) != (selectedGroupId != null)) {
            throw new IllegalArgumentException("selectedGroupId goes with SELECTED and only with it");
        }
    }

    public static TenantSetting defaultFor(TenantProfile profile) {
        return new TenantSetting(profile.defaultMode(), null, 0, null, null);
    }

    public boolean isDefault() {
        return version == 0;
    }

    /** Same mode and group: writing it again changes nothing. */
    public boolean sameStateAs(SettingChange change) {
        return !isDefault() && mode == change.mode() && Objects.equals(selectedGroupId, change.selectedGroupId());
    }
}
