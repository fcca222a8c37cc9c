package com.contoso.linkedin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What a setting write would do, as a table: from each mode to each mode, with 3 users connected,
 * 5 selected one by one, 7 synced members of group A and 11 of group B.
 */
class SettingPreviewTest {
    private static final String A = "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d";
    private static final String B = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    private static final TenantCounts COUNTS = new TenantCounts(3, 5, Map.of(A, 7L, B, 11L));
    private static final TenantProfile US = new TenantProfile(Cloud.PUBLIC, "US", true, true);

    private static Tenant tenant(TenantProfile profile, IntegrationMode mode, String group) {
        return new Tenant("t", profile, Optional.of(new TenantSetting(mode, group, 4, Instant.EPOCH, "admin")), 4, 2);
    }

    private static String group(String name) {
        return name == null ? null : name.equals("A") ? A : B;
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}: withdrawn {4}, lose {5}, gain {6}, {7}")
    @CsvSource(nullValues = "-", value = {
            "ENABLED,  -, DISABLED, -, 3, 5, 0, CONSENT_WITHDRAWN_FOR_ALL ALL_DIRECTORY_USERS_LOSE_ACCESS",
            "ENABLED,  -, SELECTED, A, 0, 0, 0, USERS_OUTSIDE_THE_SELECTION_LOSE_ACCESS",
            "DISABLED, -, ENABLED,  -, 0, 0, 5, ALL_DIRECTORY_USERS_GAIN_ACCESS",
            "DISABLED, -, SELECTED, A, 0, 0, 12, COUNTS_MAY_OVERLAP",
            "SELECTED, A, DISABLED, -, 3, 12, 0, CONSENT_WITHDRAWN_FOR_ALL COUNTS_MAY_OVERLAP",
            "SELECTED, A, ENABLED,  -, 0, 0, 0, ALL_DIRECTORY_USERS_GAIN_ACCESS",
            "SELECTED, A, SELECTED, B, 0, 7, 11, COUNTS_MAY_OVERLAP",
            "ENABLED,  -, ENABLED,  -, 0, 0, 0, NO_CHANGE",
            "DISABLED, -, DISABLED, -, 0, 0, 0, NO_CHANGE",
            "SELECTED, A, SELECTED, A, 0, 0, 0, NO_CHANGE" })
    void preview_countsWhoTheWriteAffects(IntegrationMode from, String fromGroup, IntegrationMode to, String toGroup,
            long withdrawn, long lose, long gain, String warnings) {
        SettingPreview preview = SettingPreview.of(tenant(US, from, group(fromGroup)), COUNTS,
                new SettingChange(to, group(toGroup), null));

        assertEquals(to, preview.mode());
        assertEquals(group(toGroup), preview.selectedGroupId());
        assertEquals(withdrawn, preview.connectedUsersWhoseConsentIsWithdrawn());
        assertEquals(lose, preview.selectedUsersWhoLoseAccess());
        assertEquals(gain, preview.usersWhoGainAccess());
        assertEquals(List.of(warnings.split(" ")), preview.warnings().stream().map(Enum::name).toList());
        assertEquals(!warnings.contains("NO_CHANGE"), preview.changes());
        assertEquals(4, preview.currentVersion());
    }

    @Test
    void preview_ofAGroupNobodyWasSyncedInto_warnsOfIt() {
        SettingPreview preview = SettingPreview.of(tenant(US, IntegrationMode.DISABLED, null), TenantCounts.NONE,
                new SettingChange(IntegrationMode.SELECTED, A, null));

        assertEquals(List.of(PreviewWarning.SELECTED_GROUP_HAS_NO_SYNCED_MEMBERS), preview.warnings());
        assertEquals(0, preview.usersWhoGainAccess());
    }

    @Test
    void preview_whereTheIntegrationIsNotAvailable_nobodyGainsOrLoses_butConsentsAreStillWithdrawn() {
        TenantProfile notRolledOut = new TenantProfile(Cloud.PUBLIC, "US", false, true);

        SettingPreview preview = SettingPreview.of(tenant(notRolledOut, IntegrationMode.ENABLED, null), COUNTS,
                new SettingChange(IntegrationMode.DISABLED, null, null));

        assertEquals(Reason.NOT_ROLLED_OUT, preview.availability());
        assertEquals(3, preview.connectedUsersWhoseConsentIsWithdrawn());
        assertEquals(0, preview.selectedUsersWhoLoseAccess());
        assertEquals(List.of(PreviewWarning.CONSENT_WITHDRAWN_FOR_ALL, PreviewWarning.INTEGRATION_NOT_AVAILABLE),
                preview.warnings());
    }

    @Test
    void preview_ofTheDefaultWrittenAsItIs_takesANewVersion_butChangesNobodysAccess() {
        Tenant neverWritten = new Tenant("t", US, Optional.empty(), 0, 0);

        SettingPreview preview = SettingPreview.of(neverWritten, COUNTS, new SettingChange(IntegrationMode.ENABLED, null, null));

        assertTrue(preview.changes());
        assertEquals(List.of(), preview.warnings());
        assertEquals(0, preview.usersWhoGainAccess() + preview.selectedUsersWhoLoseAccess());
    }

    @Test
    void tenant_showsAnotherSetting_whenTheRecordMovesTheDefaultOrTheAvailability_only() {
        Tenant us = new Tenant("t", US, Optional.empty(), 0, 0);
        Tenant written = tenant(US, IntegrationMode.ENABLED, null);

        assertTrue(us.withProfile(new TenantProfile(Cloud.PUBLIC, "DE", true, true)).showsSettingOtherThan(us));
        assertTrue(us.withProfile(new TenantProfile(Cloud.CHINA, "US", true, true)).showsSettingOtherThan(us));
        assertTrue(us.withProfile(new TenantProfile(Cloud.PUBLIC, "US", false, true)).showsSettingOtherThan(us));
        assertFalse(us.withProfile(new TenantProfile(Cloud.PUBLIC, "CA", true, false)).showsSettingOtherThan(us));
        assertFalse(written.withProfile(new TenantProfile(Cloud.PUBLIC, "DE", true, true)).showsSettingOtherThan(written),
                "a written setting does not follow the country");
        assertFalse(new Tenant("t", new TenantProfile(Cloud.CHINA, "CN", true, true), Optional.empty(), 0, 0)
                .withProfile(new TenantProfile(Cloud.GERMANY, "CN", true, true))
                .showsSettingOtherThan(new Tenant("t", new TenantProfile(Cloud.CHINA, "CN", true, true), Optional.empty(), 0, 0)),
                "one unsupported cloud for another: the same availability");
    }

    @Test
    void setting_isDefault_atVersion0_whileNoAdminWroteIt_whateverTheETagsVersion() {
        Tenant moved = new Tenant("t", US, Optional.empty(), 3, 1);

        assertTrue(moved.setting().isDefault());
        assertEquals(0, moved.setting().version());
        assertEquals(3, SettingPreview.of(moved, COUNTS, new SettingChange(IntegrationMode.DISABLED, null, null))
                .currentVersion(), "the preview names the ETag's version, which If-Match is held to");
        assertFalse(tenant(US, IntegrationMode.ENABLED, null).setting().isDefault());
    }
}
