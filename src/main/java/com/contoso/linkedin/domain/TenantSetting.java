package com.contoso.linkedin.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The tenant's LinkedIn integration setting at the tenant's version. While no admin has written
 * it, it is the default of the tenant's country, without author or time; every write that changes
 * it, and every record change that changes what it shows, takes the next version.
 */
public record TenantSetting(IntegrationMode mode, String selectedGroupId, long version, Instant updatedAt, String updatedBy) {

    public TenantSetting {
        Objects.requireNonNull(mode, "mode");
        if ((mode == IntegrationMode.SELECTED) != (selectedGroupId != null)) {
            throw new IllegalArgumentException("selectedGroupId goes with SELECTED and only with it");
        }
    }

    public static TenantSetting defaultFor(TenantProfile profile) {
        return defaultFor(profile, 0);
    }

    public static TenantSetting defaultFor(TenantProfile profile, long version) {
        return new TenantSetting(profile.defaultMode(), null, version, null, null);
    }

    /** No admin has ever written it: the country's default, whatever its version. */
    public boolean isDefault() {
        return updatedBy == null && updatedAt == null;
    }

    /** Same mode and group: writing it again changes nothing. */
    public boolean sameStateAs(SettingChange change) {
        return !isDefault() && mode == change.mode() && Objects.equals(selectedGroupId, change.selectedGroupId());
    }
}
