package com.contoso.linkedin.service;

import static com.contoso.linkedin.service.Given.CONFIG;
import static com.contoso.linkedin.service.Given.FIRST_EPOCH;
import static com.contoso.linkedin.service.Given.CLOCK;
import static com.contoso.linkedin.service.Given.NOW;
import static com.contoso.linkedin.service.Given.PUBLIC_US;
import static com.contoso.linkedin.service.Given.id;
import static com.contoso.linkedin.service.Given.noCache;
import static com.contoso.linkedin.service.Given.setting;
import static com.contoso.linkedin.service.Given.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.AuditKind;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.RefusedException;
import com.contoso.linkedin.domain.SettingChange;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.VersionMismatchException;
import com.contoso.linkedin.service.SettingService.Outcome;
import com.contoso.linkedin.store.InMemoryLinkedInStore;
import com.contoso.linkedin.store.LinkedInStore.AuditQuery;

/** Changing a tenant's setting: conditional on its version, audited, idempotent (SPEC 2 and 4). */
class SettingServiceTest {

    private final InMemoryLinkedInStore store = new InMemoryLinkedInStore();
    private final TenantCache cache = Given.cache(store, Duration.ofHours(1));
    private final SettingService settings = new SettingService(store, cache, CLOCK, CONFIG);

    private static SettingChange change(IntegrationMode mode) {
        return new SettingChange(mode, null, null);
    }

    private static VersionPrecondition ifMatch(long version) {
        return new VersionPrecondition(false, Set.of(version));
    }

    private Outcome change(String tenantId, SettingChange change) {
        return settings.change(tenantId, change, VersionPrecondition.NONE, "admin", "request-1");
    }

    private Tenant stored(String tenantId) {
        return store.findTenant(tenantId).orElseThrow();
    }

    /** The setting's audit entries, newest first (the record's own entries left out). */
    private List<AuditEntry> audit(String tenantId) {
        return store.listAudit(tenantId, settingsOnly(100)).entries();
    }

    private static AuditQuery settingsOnly(int limit) {
        return new AuditQuery(Set.of(AuditKind.SETTING), Optional.empty(), Optional.empty(), limit, Optional.empty());
    }

    private static AuditEntry.SettingChanged settingChange(AuditEntry entry) {
        return (AuditEntry.SettingChanged) entry.change();
    }

    @Test
    void change_writesTheNextVersion_andItsAuditEntry_whenTheStateChanges() {
        String tenantId = tenant(store);
        String group = id();

        Outcome outcome = change(tenantId, new SettingChange(IntegrationMode.SELECTED, group, "pilot"));

        TenantSetting written = new TenantSetting(IntegrationMode.SELECTED, group, 1, NOW, "admin");
        assertTrue(outcome.changed());
        assertEquals(written, outcome.tenant().setting());
        assertEquals(written, stored(tenantId).setting());
        assertEquals(List.of(AuditEntry.setting(1, "admin", NOW, new SettingState(IntegrationMode.ENABLED, null),
                new SettingState(IntegrationMode.SELECTED, group), "pilot", "request-1")), audit(tenantId));
    }

    @Test
    void change_writesVersion1_whenAnAdminWritesTheDefaultAsItIs() {
        String tenantId = tenant(store);

        Outcome outcome = change(tenantId, change(IntegrationMode.ENABLED));

        assertTrue(outcome.changed(), "the default becomes the admin's own choice");
        assertEquals(1, stored(tenantId).setting().version());
        assertEquals(1, audit(tenantId).size());
    }

    @Test
    void change_isANoOp_withoutVersionOrAuditEntry_whenTheSameStateIsWrittenAgain() {
        String tenantId = tenant(store);
        String group = id();
        change(tenantId, new SettingChange(IntegrationMode.SELECTED, group, "pilot"));
        store.forgetCalls();

        Outcome again = change(tenantId, new SettingChange(IntegrationMode.SELECTED, group, "another reason"));

        assertFalse(again.changed());
        assertEquals(1, again.tenant().setting().version());
        assertEquals(List.of("findTenant"), store.calls(), "nothing written");
        assertEquals(1, audit(tenantId).size());
    }

    @Test
    void change_isPreconditionFailed_whenIfMatchNamesAnotherVersion() {
        String tenantId = tenant(store);
        change(tenantId, change(IntegrationMode.DISABLED));

        VersionMismatchException stale = assertThrows(VersionMismatchException.class, () -> settings.change(tenantId,
                change(IntegrationMode.ENABLED), ifMatch(0), "admin", "request-2"));

        assertEquals(1, stale.currentVersion());
        assertEquals(IntegrationMode.DISABLED, stored(tenantId).setting().mode());
        assertEquals(1, audit(tenantId).size());
    }

    @Test
    void change_isApplied_whenIfMatchNamesTheCurrentVersion() {
        String tenantId = tenant(store);
        change(tenantId, change(IntegrationMode.DISABLED));

        settings.change(tenantId, change(IntegrationMode.ENABLED), ifMatch(1), "admin", "request-2");

        assertEquals(2, stored(tenantId).setting().version());
    }

    @Test
    void change_replayedWithItsOldIfMatch_answersTheStateItWrote_withoutANewVersion() {
        String tenantId = tenant(store);
        change(tenantId, change(IntegrationMode.ENABLED));

        var replay = settings.change(tenantId, change(IntegrationMode.ENABLED), ifMatch(0), "admin", "request-2");

        assertFalse(replay.changed());
        assertEquals(1, replay.tenant().setting().version());
        assertEquals(1, audit(tenantId).size());
    }

    @Test
    void change_isPreconditionFailed_whenTheStateDiffersFromTheOneAskedFor() {
        String tenantId = tenant(store);
        change(tenantId, change(IntegrationMode.ENABLED));

        assertThrows(VersionMismatchException.class, () -> settings.change(tenantId, change(IntegrationMode.DISABLED),
                ifMatch(0), "admin", "request-2"));
    }

    @Test
    void change_isRefusedCloudNotSupported_whenEnablingOutsideThePublicCloud() {
        String tenantId = tenant(store, new TenantProfile(Cloud.US_GOVERNMENT, "US", true, true));
        store.forgetCalls();

        RefusedException refused = assertThrows(RefusedException.class,
                () -> change(tenantId, new SettingChange(IntegrationMode.SELECTED, id(), null)));

        assertEquals(Reason.CLOUD_NOT_SUPPORTED, refused.reason());
        assertEquals(List.of("findTenant"), store.calls(), "nothing written");
    }

    @Test
    void change_toTheStateAlreadyStored_isStillRefused_onceTheTenantLeftThePublicCloud() {
        String tenantId = tenant(store, PUBLIC_US);
        change(tenantId, change(IntegrationMode.ENABLED));
        new TenantService(store, noCache(store), CLOCK, CONFIG).save(tenantId, new TenantProfile(Cloud.US_GOVERNMENT, "US", true, true),
                "operator", "operator-request");

        RefusedException refused = assertThrows(RefusedException.class, () -> change(tenantId, change(IntegrationMode.ENABLED)));
        RefusedException previewed = assertThrows(RefusedException.class,
                () -> settings.preview(tenantId, change(IntegrationMode.ENABLED), VersionPrecondition.NONE));

        assertEquals(Reason.CLOUD_NOT_SUPPORTED, refused.reason());
        assertEquals(Reason.CLOUD_NOT_SUPPORTED, previewed.reason());
    }

    @Test
    void change_disablesOutsideThePublicCloud() {
        String tenantId = tenant(store, new TenantProfile(Cloud.CHINA, "CN", true, true));

        change(tenantId, change(IntegrationMode.DISABLED));

        assertEquals(IntegrationMode.DISABLED, stored(tenantId).setting().mode());
        assertEquals(1, stored(tenantId).setting().version());
    }

    @Test
    void change_withdrawsConsents_whenSwitchingToDisabled() {
        String tenantId = tenant(store);

        Outcome outcome = change(tenantId, change(IntegrationMode.DISABLED));

        assertEquals(FIRST_EPOCH + 1, outcome.tenant().consentEpoch());
        assertEquals(FIRST_EPOCH + 1, stored(tenantId).consentEpoch());
    }

    @Test
    void change_keepsConsents_whenTheModeWasDisabledAlready() {
        String tenantId = tenant(store, new TenantProfile(Cloud.PUBLIC, "FR", true, true)); // DISABLED by default

        change(tenantId, change(IntegrationMode.DISABLED));

        assertEquals(1, stored(tenantId).setting().version());
        assertEquals(FIRST_EPOCH, stored(tenantId).consentEpoch());
    }

    @Test
    void change_keepsWithdrawnConsentsWithdrawn_whenEnablingAgain() {
        String tenantId = tenant(store);
        change(tenantId, change(IntegrationMode.DISABLED));

        Outcome outcome = change(tenantId, change(IntegrationMode.ENABLED));

        assertEquals(FIRST_EPOCH + 1, outcome.tenant().consentEpoch(), "users must reconnect");
        assertEquals(FIRST_EPOCH + 1, stored(tenantId).consentEpoch());
    }

    @Test
    void change_retriesOnALostRace_onTheOtherWritersVersion_whenTheCallerNamedNoVersion() {
        String tenantId = tenant(store);
        String group = id();
        store.interleave(1, () -> setting(store, tenantId, IntegrationMode.SELECTED, group));

        Outcome outcome = change(tenantId, change(IntegrationMode.DISABLED));

        assertEquals(2, outcome.tenant().setting().version());
        assertEquals(IntegrationMode.DISABLED, stored(tenantId).setting().mode());
        assertEquals(new SettingState(IntegrationMode.SELECTED, group), settingChange(audit(tenantId).get(0)).before(),
                "the audit shows what the retry read, the other writer's setting");
        assertEquals(2, audit(tenantId).size());
    }

    @Test
    void change_isPreconditionFailed_afterALostRace_whenTheCallerNamedTheVersionItRead() {
        String tenantId = tenant(store);
        store.interleave(1, () -> setting(store, tenantId, IntegrationMode.SELECTED, id()));

        VersionMismatchException stale = assertThrows(VersionMismatchException.class, () -> settings.change(tenantId,
                change(IntegrationMode.DISABLED), ifMatch(0), "admin", "request-1"));

        assertEquals(1, stale.currentVersion());
        assertEquals(IntegrationMode.SELECTED, stored(tenantId).setting().mode(), "the other writer's change stands");
    }

    @Test
    void change_givesUpAsContended_whenTheSettingKeepsChanging() {
        String tenantId = tenant(store);
        store.interleave(Integer.MAX_VALUE, () -> setting(store, tenantId, IntegrationMode.SELECTED, id()));

        assertThrows(ContendedWriteException.class, () -> change(tenantId, change(IntegrationMode.DISABLED)));

        assertEquals(IntegrationMode.SELECTED, stored(tenantId).setting().mode());
        assertEquals(CONFIG.batchAttempts(), stored(tenantId).setting().version(), "one other write per attempt");
    }

    @Test
    void change_withoutIfMatch_isWritten_afterLosingAllButItsLastAttempt() {
        String tenantId = tenant(store);
        store.interleave(CONFIG.batchAttempts() - 1, () -> setting(store, tenantId, IntegrationMode.SELECTED, id()));

        change(tenantId, change(IntegrationMode.DISABLED));

        assertEquals(IntegrationMode.DISABLED, stored(tenantId).setting().mode(), "the last writer wins");
        assertEquals(CONFIG.batchAttempts(), stored(tenantId).setting().version());
    }

    @Test
    void change_isTenantNotProvisioned_whenTheTenantHasNoRecord() {
        assertThrows(TenantNotProvisionedException.class, () -> change(id(), change(IntegrationMode.DISABLED)));
    }

    @Test
    void change_evictsThisInstancesCachedTenant_soItsNextCheckSeesTheChange() {
        String tenantId = tenant(store);
        cache.find(tenantId);

        change(tenantId, change(IntegrationMode.DISABLED));

        assertEquals(IntegrationMode.DISABLED, cache.find(tenantId).orElseThrow().setting().mode());
    }

    @Test
    void audit_listsTheChangesNewestFirst() {
        String tenantId = tenant(store);
        change(tenantId, change(IntegrationMode.DISABLED));
        change(tenantId, change(IntegrationMode.ENABLED));

        var page = settings.audit(tenantId, settingsOnly(10));

        assertEquals(List.of(2L, 1L), page.entries().stream().map(e -> settingChange(e).version()).toList());
    }

    @Test
    void audit_isTenantNotProvisioned_whenTheTenantHasNoRecord() {
        assertThrows(TenantNotProvisionedException.class, () -> settings.audit(id(), settingsOnly(10)));
    }
}
