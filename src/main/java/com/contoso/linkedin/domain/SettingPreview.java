package com.contoso.linkedin.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a setting write would do, computed from the tenant and its counts without writing: the
 * resulting setting and who it would affect. Access is what rules 2 to 5 of the decision table
 * grant: every directory user under ENABLED, the users selected one by one and the synced members
 * of the group under SELECTED, nobody under DISABLED or where the integration is not available.
 * The counts are exact for connections and the one-by-one selection; a group counts as its synced
 * members. Whom the store cannot count (every directory user) a warning names instead.
 */
public record SettingPreview(IntegrationMode mode, String selectedGroupId, Reason availability, long currentVersion,
        boolean changes, long connectedUsersWhoseConsentIsWithdrawn, long selectedUsersWhoLoseAccess,
        long usersWhoGainAccess, List<PreviewWarning> warnings) {

    public SettingPreview {
        warnings = List.copyOf(warnings);
    }

    public static SettingPreview of(Tenant tenant, TenantCounts counts, SettingChange change) {
        TenantSetting current = tenant.setting();
        IntegrationMode from = current.mode();
        IntegrationMode to = change.mode();
        List<PreviewWarning> warnings = new ArrayList<>();
        boolean changes = !current.sameStateAs(change);
        if (!changes) {
            warnings.add(PreviewWarning.NO_CHANGE);
        }
        // As SettingService decides it: a switch to DISABLED moves the consent epoch on.
        boolean withdraws = to == IntegrationMode.DISABLED && from != IntegrationMode.DISABLED;
        if (withdraws) {
            warnings.add(PreviewWarning.CONSENT_WITHDRAWN_FOR_ALL);
        }
        if (to == IntegrationMode.SELECTED && counts.members(change.selectedGroupId()) == 0) {
            warnings.add(PreviewWarning.SELECTED_GROUP_HAS_NO_SYNCED_MEMBERS);
        }
        long lose = 0;
        long gain = 0;
        long selected = counts.selectedOneByOne();
        long before = counts.members(current.selectedGroupId());
        long after = counts.members(change.selectedGroupId());
        boolean sameAccess = from == to && Objects.equals(current.selectedGroupId(), change.selectedGroupId());
        if (tenant.availability() != Reason.ELIGIBLE) {
            warnings.add(PreviewWarning.INTEGRATION_NOT_AVAILABLE);
        } else if (!sameAccess) {
            switch (from) {
                case DISABLED -> {
                    if (to == IntegrationMode.ENABLED) {
                        gain = selected;
                        warnings.add(PreviewWarning.ALL_DIRECTORY_USERS_GAIN_ACCESS);
                    } else {
                        gain = selected + after;
                        overlap(warnings, selected > 0 && after > 0);
                    }
                }
                case ENABLED -> {
                    if (to == IntegrationMode.DISABLED) {
                        lose = selected;
                        warnings.add(PreviewWarning.ALL_DIRECTORY_USERS_LOSE_ACCESS);
                    } else {
                        warnings.add(PreviewWarning.USERS_OUTSIDE_THE_SELECTION_LOSE_ACCESS);
                    }
                }
                case SELECTED -> {
                    if (to == IntegrationMode.DISABLED) {
                        lose = selected + before;
                        overlap(warnings, selected > 0 && before > 0);
                    } else if (to == IntegrationMode.ENABLED) {
                        warnings.add(PreviewWarning.ALL_DIRECTORY_USERS_GAIN_ACCESS);
                    } else {
                        // Users selected one by one keep their access; the groups' members trade places.
                        lose = before;
                        gain = after;
                        overlap(warnings, before > 0 && (after > 0 || selected > 0));
                    }
                }
            }
        }
        return new SettingPreview(to, change.selectedGroupId(), tenant.availability(), tenant.etagVersion(), changes,
                withdraws ? counts.connected() : 0, lose, gain, warnings);
    }

    private static void overlap(List<PreviewWarning> warnings, boolean may) {
        if (may) {
            warnings.add(PreviewWarning.COUNTS_MAY_OVERLAP);
        }
    }
}
