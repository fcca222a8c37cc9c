package com.contoso.linkedin.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.contoso.linkedin.domain.Connection;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.events.ChangeEvent.ConsentGranted;
import com.contoso.linkedin.events.ChangeEvent.ConsentWithdrawn;
import com.contoso.linkedin.events.ChangeEvent.SettingChanged;
import com.contoso.linkedin.events.ChangeEvent.TenantOffboarded;
import com.contoso.linkedin.events.ChangeEvent.UserErased;
import com.contoso.linkedin.store.StoredChange;
import com.contoso.linkedin.store.StoredChange.TenantChange;
import com.contoso.linkedin.store.StoredChange.UserChange;

/**
 * Which events a stored change publishes: every change that withdraws or grants something, and
 * nothing for the rest (a new tenant, profile visibility, Office options, group memberships). A
 * pure function of the domain records before and after.
 */
public final class ChangeEvents {

    private ChangeEvents() {
    }

    /** In the order a consumer should apply them: the setting first, then what it withdrew. */
    public static List<ChangeEvent> of(StoredChange change) {
        if (change instanceof TenantChange tenant) {
            return ofTenant(tenant);
        }
        return ofUser((UserChange) change);
    }

    private static List<ChangeEvent> ofTenant(TenantChange change) {
        if (change.after().isEmpty()) {
            return List.of(new TenantOffboarded(change.tenantId()));
        }
        if (change.before().isEmpty()) {
            // A new tenant grants nothing yet: no admin wrote, no user connected.
            return List.of();
        }
        Tenant before = change.before().get();
        Tenant after = change.after().get();
        TenantSetting was = before.setting();
        TenantSetting is = after.setting();
        List<ChangeEvent> events = new ArrayList<>(2);
        // An admin's write (its time), or a new country's default (the mode, at version 0). A record
        // change of availability moves only the ETag's number, and publishes nothing.
        if (!Objects.equals(is.updatedAt(), was.updatedAt()) || is.mode() != was.mode()
                || !Objects.equals(is.selectedGroupId(), was.selectedGroupId())) {
            events.add(new SettingChanged(change.tenantId(), is.version(), is.mode(), is.selectedGroupId(),
                    is.isDefault()));
        }
        if (after.consentEpoch() > before.consentEpoch()) {
            // Only a switch to DISABLED moves the epoch: by an admin's write, or by the default.
            WithdrawalCause cause = is.isDefault() ? WithdrawalCause.COUNTRY_DEFAULT : WithdrawalCause.TENANT_DISABLED;
            events.add(new ConsentWithdrawn(change.tenantId(), null, cause, after.consentEpoch()));
        }
        return events;
    }

    private static List<ChangeEvent> ofUser(UserChange change) {
        if (change.after().isEmpty()) {
            return List.of(new UserErased(change.tenantId(), change.userId()));
        }
        Optional<Connection> was = change.before().flatMap(UserFacts::connection);
        Optional<Connection> is = change.after().get().connection();
        if (is.isPresent() && !was.map(before -> sameGrant(before, is.get())).orElse(false)) {
            // Connected, or connected again with another consent or in a later epoch: the newest
            // consent replaces the one before. The same connection made again (only its time
            // moves) grants nothing new.
            return List.of(new ConsentGranted(change.tenantId(), change.userId(), is.get().consent(),
                    is.get().consentEpoch()));
        }
        if (is.isEmpty() && was.isPresent()) {
            return List.of(new ConsentWithdrawn(change.tenantId(), change.userId(), WithdrawalCause.USER_DISCONNECTED,
                    null));
        }
        return List.of();
    }

    private static boolean sameGrant(Connection before, Connection after) {
        return before.consent() == after.consent() && before.consentEpoch() == after.consentEpoch();
    }
}
