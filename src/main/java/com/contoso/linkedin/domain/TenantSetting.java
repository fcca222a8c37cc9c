package com.contoso.linkedin.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The tenant's LinkedIn integration setting. While no admin has written it, it is the default of
 * the tenant's country at version 0, without author or time (SPEC section 3); each write moves its
 * version on by one. (Its ETag carries another number, {@link Tenant#etagVersion()}, which
 * record changes move too.)
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

    /** No admin has ever written it: the country's default. */
    public boolean isDefault() {
        return updatedBy == null && updatedAt == null;
    }

    /** Same mode and group: writing it again changes nothing. */
    public boolean sameStateAs(SettingChange change) {
        return !isDefault() && mode == change.mode() && Objects.equals(selectedGroupId, change.selectedGroupId());
    }
}
