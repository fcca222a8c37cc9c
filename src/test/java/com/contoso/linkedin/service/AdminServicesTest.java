package com.contoso.linkedin.service;

import static com.contoso.linkedin.service.Given.CONFIG;
import static com.contoso.linkedin.service.Given.FIRST_EPOCH;
import static com.contoso.linkedin.service.Given.CLOCK;
import static com.contoso.linkedin.service.Given.NOW;
import static com.contoso.linkedin.service.Given.PUBLIC_US;
import static com.contoso.linkedin.service.Given.id;
import static com.contoso.linkedin.service.Given.setting;
import static com.contoso.linkedin.service.Given.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.AuditKind;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.PreviewWarning;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.RefusedException;
import com.contoso.linkedin.domain.SettingChange;
import com.contoso.linkedin.domain.SettingPreview;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.domain.VersionMismatchException;
import com.contoso.linkedin.store.ConcurrentChangeException;
import com.contoso.linkedin.store.InMemoryLinkedInStore;
import com.contoso.linkedin.store.LinkedInStore.AuditQuery;
import com.contoso.linkedin.store.LinkedInStore.OffboardingProgress;
import com.contoso.linkedin.support.TestConfig;

/**
 * The tenant administrators' use cases on the twin: every change audited, the record moving the
 * setting's version, the preview of a write, the export of the selection, erasure and offboarding
 * (docs/admin-api.md).
 */
class AdminServicesTest {

    private final InMemoryLinkedInStore store = new InMemoryLinkedInStore();
    private final TenantCache cache = Given.cache(store, Duration.ofHours(1));
    private final TenantService tenants = new TenantService(store, cache, CLOCK, CONFIG);
    private final SettingService settings = new SettingService(store, cache, CLOCK, CONFIG);
    private final SelectionService selection = new SelectionService(store, CLOCK);
    private final UserService users = new UserService(store, CLOCK, CONFIG);
    private final OffboardingService offboarding = new OffboardingService(store, cache, CLOCK, TestConfig.defaults());

    private List<AuditEntry> audit(String tenantId, AuditKind kind) {
        return store.listAudit(tenantId, new AuditQuery(Set.of(kind), Optional.empty(), Optional.empty(), 100,
                Optional.empty())).entries();
    }

    private Tenant stored(String tenantId) {
        return store.findTenant(tenantId).orElseThrow();
    }

    private static TenantProfile in(String country, boolean rolledOut) {
        return new TenantProfile(Cloud.PUBLIC, country, rolledOut, true);
    }

    // ---- the record -----------------------------------------------------------------------

    @Test
    void save_auditsTheCreationAndTheChange_byWhoAndInWhichRequest() {
        String tenantId = id();
        tenants.save(tenantId, PUBLIC_US, "operator", "request-1");
        tenants.save(tenantId, in("CA", true), "operator", "request-2");

        List<AuditEntry> entries = audit(tenantId, AuditKind.TENANT_RECORD);

        assertEquals(List.of(new AuditEntry("operator", NOW, "request-2", null,
                new AuditEntry.TenantRecordChanged(Optional.of(PUBLIC_US), in("CA", true))),
                new AuditEntry("operator", NOW, "request-1", null,
                        new AuditEntry.TenantRecordChanged(Optional.empty(), PUBLIC_US))), entries);
    }

    @Test
    void save_ofTheSameRecordAgain_writesAndAuditsNothing() {
        String tenantId = tenant(store);
        store.forgetCalls();

        assertFalse(tenants.save(tenantId, PUBLIC_US, "operator", "request"));

        assertEquals(List.of("findTenant"), store.calls());
        assertEquals(1, audit(tenantId, AuditKind.TENANT_RECORD).size());
    }

    @Test
    void save_movesTheETagsVersion_whenTheCountryChangesTheDefault_andTheNeverWrittenSettingStaysAtVersion0() {
        String tenantId = tenant(store);

        tenants.save(tenantId, in("DE", true), "operator", "request");

        Tenant tenant = stored(tenantId);
        assertEquals(IntegrationMode.DISABLED, tenant.setting().mode());
        assertEquals(1, tenant.etagVersion(), "the ETag moves from \"0\" to \"1\"");
        assertEquals(0, tenant.setting().version(), "SPEC 3: 0 while never written");
        assertTrue(tenant.setting().isDefault());
        assertEquals(FIRST_EPOCH + 1, tenant.consentEpoch(), "and consents are withdrawn");
    }

    @Test
    void save_movesTheETagsVersion_whenTheAvailabilityChanges_butNotForAnUnseenChange() {
        String tenantId = tenant(store);

        tenants.save(tenantId, in("US", false), "operator", "request");
        Tenant notRolledOut = stored(tenantId);
        tenants.save(tenantId, new TenantProfile(Cloud.PUBLIC, "US", false, false), "operator", "request");

        assertEquals(1, notRolledOut.etagVersion());
        assertEquals(0, notRolledOut.setting().version(), "never written");
        assertEquals(1, stored(tenantId).etagVersion(), "usersCanConsentToApps is not part of the setting");
    }

    @Test
    void aSettingWrittenAfterTheETagMoved_isVersion1_andItsETagMovesOnFromTheOneRead() {
        String tenantId = tenant(store);
        tenants.save(tenantId, in("DE", true), "operator", "request");

        var written = settings.change(tenantId, new SettingChange(IntegrationMode.ENABLED, null, null),
                new VersionPrecondition(false, Set.of(1L)), "admin", "request");

        assertEquals(1, written.tenant().setting().version(), "the first write: SPEC's version counts writes");
        assertEquals(2, written.tenant().etagVersion(), "one past the ETag read, \"1\"");
        assertEquals(1, stored(tenantId).setting().version());
        assertEquals(2, stored(tenantId).etagVersion());
        assertThrows(VersionMismatchException.class, () -> settings.change(tenantId,
                new SettingChange(IntegrationMode.DISABLED, null, null), new VersionPrecondition(false, Set.of(0L)), "admin", "request"));
    }

    @Test
    void save_leavesAWrittenSetting_andItsVersion_whenOnlyTheCountryChanges() {
        String tenantId = tenant(store);
        setting(store, tenantId, IntegrationMode.ENABLED);

        tenants.save(tenantId, in("FR", true), "operator", "request");

        assertEquals(1, stored(tenantId).setting().version());
        assertEquals(IntegrationMode.ENABLED, stored(tenantId).setting().mode());
        assertEquals(FIRST_EPOCH, stored(tenantId).consentEpoch());
    }

    @Test
    void save_isRefused_whileTheTenantIsBeingOffboarded() {
        String tenantId = tenant(store);
        store.setSelectedOneByOne(tenantId, id(), true, new AuditEntry.Stamp("admin", NOW, null));
        new OffboardingService(store, cache, CLOCK, PAGE_OF_ONE).offboard(tenantId, "operator", "request");

        RefusedException refused = assertThrows(RefusedException.class,
                () -> tenants.save(tenantId, PUBLIC_US, "operator", "request"));

        assertEquals(Reason.OFFBOARDING_IN_PROGRESS, refused.reason());
    }

    // ---- the preview ----------------------------------------------------------------------

    @Test
    void preview_countsFromTheTenantsCounts_andWritesNothing() {
        String tenantId = tenant(store);
        users.connect(tenantId, id(), Consent.BOTH_WAYS);
        users.connect(tenantId, id(), Consent.LINKEDIN_TO_MICROSOFT);
        selection.setSelectedOneByOne(tenantId, id(), true, "admin", "request");
        store.forgetCalls();

        SettingPreview preview = settings.preview(tenantId, new SettingChange(IntegrationMode.DISABLED, null, null),
                VersionPrecondition.NONE);

        assertEquals(2, preview.connectedUsersWhoseConsentIsWithdrawn());
        assertEquals(1, preview.selectedUsersWhoLoseAccess());
        assertEquals(List.of(PreviewWarning.CONSENT_WITHDRAWN_FOR_ALL, PreviewWarning.ALL_DIRECTORY_USERS_LOSE_ACCESS),
                preview.warnings());
        assertEquals(List.of("findTenantWithCounts"), store.calls(), "one consistent read, no write");
        assertEquals(IntegrationMode.ENABLED, stored(tenantId).setting().mode());
    }

    @Test
    void preview_isRefusedAsThePutWouldBe() {
        String china = tenant(store, new TenantProfile(Cloud.CHINA, "CN", true, true));
        String us = tenant(store);
        setting(store, us, IntegrationMode.DISABLED);

        RefusedException cloud = assertThrows(RefusedException.class, () -> settings.preview(china,
                new SettingChange(IntegrationMode.ENABLED, null, null), VersionPrecondition.NONE));
        VersionMismatchException stale = assertThrows(VersionMismatchException.class, () -> settings.preview(us,
                new SettingChange(IntegrationMode.ENABLED, null, null), new VersionPrecondition(false, Set.of(0L))));
        assertThrows(TenantNotProvisionedException.class, () -> settings.preview(id(),
                new SettingChange(IntegrationMode.DISABLED, null, null), VersionPrecondition.NONE));

        assertEquals(Reason.CLOUD_NOT_SUPPORTED, cloud.reason());
        assertEquals(1, stale.currentVersion());
        assertEquals(List.of(PreviewWarning.NO_CHANGE), settings.preview(us, new SettingChange(IntegrationMode.DISABLED,
                null, null), new VersionPrecondition(false, Set.of(0L))).warnings(), "the same state: as the PUT, no 412");
    }

    // ---- the selection --------------------------------------------------------------------

    @Test
    void selection_auditsWhoSelectedWhom_andOnlyRealChanges() {
        String tenantId = tenant(store);
        String user = id();

        assertTrue(selection.setSelectedOneByOne(tenantId, user, true, "admin", "request-1"));
        assertFalse(selection.setSelectedOneByOne(tenantId, user, true, "admin", "request-2"));

        assertEquals(List.of(new AuditEntry("admin", NOW, "request-1", null, new AuditEntry.SelectionChanged(user, true))),
                audit(tenantId, AuditKind.SELECTION));
    }

    @Test
    void groupSync_isAudited_withTheCallerAndTheRequest() {
        String tenantId = tenant(store);
        String group = id();
        String user = id();

        selection.updateGroupMembers(tenantId, group, Set.of(user), Set.of(), "sync-app", "request-1");

        assertEquals(List.of(new AuditEntry("sync-app", NOW, "request-1", null,
                new AuditEntry.GroupMembersChanged(group, Set.of(user), Set.of()))), audit(tenantId, AuditKind.GROUP_MEMBERS));
    }

    @Test
    void selectedUsers_isTenantNotProvisioned_forATenantWithoutRecord() {
        assertThrows(TenantNotProvisionedException.class, () -> selection.selectedUsers(id(), 10, Optional.empty()));
    }

    // ---- erasure --------------------------------------------------------------------------

    @Test
    void erase_removesTheUser_isIdempotent_andAuditsOnlyWhatItErased() {
        String tenantId = tenant(store);
        String user = id();
        users.connect(tenantId, user, Consent.BOTH_WAYS);

        boolean first = users.erase(tenantId, user, "admin", "request-1");
        boolean again = users.erase(tenantId, user, "admin", "request-2");

        assertTrue(first);
        assertFalse(again);
        assertEquals(UserFacts.unknown(), store.findUser(tenantId, user));
        assertEquals(List.of(new AuditEntry("admin", NOW, "request-1", null, new AuditEntry.UserErased(user))),
                audit(tenantId, AuditKind.USER_ERASURE));
    }

    @Test
    void erase_isTenantNotProvisioned_forATenantWithoutRecord_andAsksNothingMore() {
        assertThrows(TenantNotProvisionedException.class, () -> users.erase(id(), id(), "admin", "request"));

        assertEquals(List.of("findTenant"), store.calls());
    }

    @Test
    void connect_decidesAgain_whenTheTenantSwitchedToDisabledBetweenItsReadAndItsWrite() {
        InMemoryLinkedInStore racing = new InMemoryLinkedInStore() {
            private boolean raced;

            @Override
            public void connect(String tenantId, String userId, Consent consent, long epoch, Instant at) {
                if (!raced) {
                    raced = true;
                    setting(this, tenantId, IntegrationMode.DISABLED);
                }
                super.connect(tenantId, userId, consent, epoch, at);
            }
        };
        String tenantId = tenant(racing);
        String user = id();

        RefusedException refused = assertThrows(RefusedException.class,
                () -> new UserService(racing, CLOCK, CONFIG).connect(tenantId, user, Consent.BOTH_WAYS));

        assertEquals(Reason.DISABLED_BY_TENANT, refused.reason());
        assertEquals(Optional.empty(), racing.findUser(tenantId, user).connection());
        assertThrows(ConcurrentChangeException.class, () -> racing.connect(tenantId, user, Consent.BOTH_WAYS, FIRST_EPOCH, NOW),
                "the store refuses a connection of an epoch left");
    }

    // ---- offboarding ----------------------------------------------------------------------

    /** Offboarding one user per call, its audit expiring 30 days later. */
    private static final TestConfig PAGE_OF_ONE = TestConfig.defaults().withOffboarding(1, Duration.ofDays(30));

    @Test
    void offboard_takesTheRecordAwayAtOnce_thenErasesAPagePerCall_untilDone() {
        String tenantId = tenant(store);
        for (int i = 0; i < 3; i++) {
            selection.setSelectedOneByOne(tenantId, id(), true, "admin", "request");
        }
        cache.find(tenantId);
        OffboardingService onePerCall = new OffboardingService(store, cache, CLOCK, PAGE_OF_ONE);

        List<OffboardingProgress> calls = new java.util.ArrayList<>();
        calls.add(onePerCall.offboard(tenantId, "operator", "request-1"));
        boolean goneAtOnce = cache.find(tenantId).isEmpty();
        while (!calls.get(calls.size() - 1).done()) {
            calls.add(onePerCall.offboard(tenantId, "operator", "request-n"));
            assertTrue(calls.size() < 10, calls::toString);
        }

        assertTrue(goneAtOnce, "this instance's cache sees it at once");
        assertEquals(new OffboardingProgress(1, false), calls.get(0));
        assertEquals(3, calls.get(calls.size() - 1).erasedUsers());
        assertEquals(Optional.empty(), store.findOffboarding(tenantId));
        assertTrue(store.auditExpiries(tenantId).stream().allMatch(NOW.plus(Duration.ofDays(30))::equals));
        assertEquals(5, store.auditExpiries(tenantId).size(), "creation, 3 selections, offboarding: all expire");
        assertThrows(TenantNotProvisionedException.class, () -> onePerCall.offboard(tenantId, "operator", "request"),
                "done: neither record nor offboarding");
    }

    @Test
    void offboard_ofATenantNeverProvisioned_isTenantNotProvisioned() {
        assertThrows(TenantNotProvisionedException.class, () -> offboarding.offboard(id(), "operator", "request"));
    }

    @Test
    void offboard_auditsWhoOffboardedTheTenant() {
        String tenantId = tenant(store);

        OffboardingProgress progress = offboarding.offboard(tenantId, "operator", "request-1");

        assertTrue(progress.done(), "nothing to erase: done in one call");
        // Kept with its expiry, and no longer listed (a tenant provisioned again starts from nothing).
        List<AuditEntry> kept = store.allAuditEntries(tenantId);
        assertEquals(new AuditEntry("operator", NOW, "request-1", null, new AuditEntry.TenantOffboarded()),
                kept.get(kept.size() - 1));
        assertEquals(List.of(), audit(tenantId, AuditKind.TENANT_OFFBOARDING));
    }
}
