package com.contoso.linkedin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.AuditKind;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Connection;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.RefusedException;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.LinkedInStore.AuditPage;
import com.contoso.linkedin.store.LinkedInStore.AuditQuery;

/**
 * What every {@link LinkedInStore} does, as tests: the DynamoDB adapter against DynamoDB Local
 * ({@link DynamoDbLinkedInStoreTest}) and the in-memory twin ({@link InMemoryLinkedInStoreTest})
 * both pass exactly these, so that the services' tests on the twin say something about
 * production. Every test works on tenants and users of its own (random ids), so the store may be
 * shared between tests. What the store does for administrators (audit, counts, erasure, export,
 * offboarding) is {@link AdminStoreContract}, which this extends.
 */
abstract class LinkedInStoreContract extends AdminStoreContract {

    private static final Instant AT = Instant.parse("2026-11-27T19:00:00.123456Z");
    /** The consent epoch every tenant of these tests starts in: the one of its creation, at {@link #AT}. */
    private static final long FIRST = Tenant.firstConsentEpoch(AT);

    protected static String id() {
        return UUID.randomUUID().toString();
    }

    private String tenant() {
        return tenant(new TenantProfile(Cloud.PUBLIC, "US", true, true));
    }

    private String tenant(TenantProfile profile) {
        String tenantId = id();
        store().saveProfile(tenantId, profile, Optional.empty(), false, false, created(profile));
        return tenantId;
    }

    /** The audit entry of a record's creation. */
    private static AuditEntry created(TenantProfile profile) {
        return new AuditEntry("operator", AT, "req", null,
                new AuditEntry.TenantRecordChanged(Optional.empty(), profile));
    }

    /** Replaces the record as read now (no withdrawal, no version move), audited. */
    private void replace(String tenantId, TenantProfile profile) {
        Optional<Tenant> read = store().findTenant(tenantId);
        store().saveProfile(tenantId, profile, read, false, false, changed(read, profile));
    }

    private static AuditEntry changed(Optional<Tenant> read, TenantProfile profile) {
        return new AuditEntry("operator", Instant.now(), "req", null,
                new AuditEntry.TenantRecordChanged(read.map(Tenant::profile), profile));
    }

    private static AuditEntry.Stamp stamp() {
        return new AuditEntry.Stamp("admin", Instant.now(), "req");
    }

    /** The tenant's setting entries, newest first (the record's own entries left out). */
    private List<AuditEntry> settingAudit(String tenantId) {
        return store().listAudit(tenantId, new AuditQuery(Set.of(AuditKind.SETTING), Optional.empty(), Optional.empty(),
                100, Optional.empty())).entries();
    }

    private List<AuditEntry> allAudit(String tenantId) {
        return store().listAudit(tenantId, AuditQuery.newest(100)).entries();
    }

    private AuditPage settingPage(String tenantId, int limit, Optional<String> after) {
        return store().listAudit(tenantId, new AuditQuery(Set.of(AuditKind.SETTING), Optional.empty(), Optional.empty(),
                limit, after));
    }

    private Tenant read(String tenantId) {
        return store().findTenant(tenantId).orElseThrow();
    }

    private static AuditEntry audit(long version, IntegrationMode before, IntegrationMode after) {
        return AuditEntry.setting(version, "admin", Instant.now(), new SettingState(before, null),
                new SettingState(after, null), null, "req");
    }

    private static TenantSetting setting(IntegrationMode mode, long version) {
        return new TenantSetting(mode, null, version, Instant.now(), "admin");
    }

    /** Writes versions 1..count, alternating DISABLED and ENABLED. */
    private void settingsUpTo(String tenantId, int count) {
        for (long version = 1; version <= count; version++) {
            IntegrationMode mode = version % 2 == 1 ? IntegrationMode.DISABLED : IntegrationMode.ENABLED;
            IntegrationMode before = version % 2 == 1 ? IntegrationMode.ENABLED : IntegrationMode.DISABLED;
            store().saveSetting(tenantId, version - 1, setting(mode, version), mode == IntegrationMode.DISABLED,
                    audit(version, before, mode));
        }
    }

    private static List<Long> versions(AuditPage page) {
        return page.entries().stream().map(e -> ((AuditEntry.SettingChanged) e.change()).version()).toList();
    }

    // ---- tenant records ------------------------------------------------------------------

    @Test
    void findTenant_isEmpty_whenTheTenantHasNoRecord() {
        assertEquals(Optional.empty(), store().findTenant(id()));
    }

    @Test
    void saveProfile_createsTheRecord_withTheDefaultSettingAndConsentEpoch0() {
        TenantProfile profile = new TenantProfile(Cloud.PUBLIC, "FR", false, false);

        String tenantId = tenant(profile);

        Tenant tenant = read(tenantId);
        assertEquals(tenantId, tenant.tenantId());
        assertEquals(profile, tenant.profile());
        assertEquals(Optional.empty(), tenant.writtenSetting());
        assertEquals(0, tenant.setting().version());
        assertEquals(IntegrationMode.DISABLED, tenant.setting().mode(), "FR's default");
        assertEquals(FIRST, tenant.consentEpoch());
    }

    @Test
    void saveProfile_refusesToCreateATenantTwice() {
        String tenantId = tenant();

        TenantProfile de = new TenantProfile(Cloud.PUBLIC, "DE", true, true);
        assertThrows(ConcurrentChangeException.class, () -> store().saveProfile(tenantId, de, Optional.empty(), false,
                false, created(de)));
        assertEquals("US", store().findTenant(tenantId).orElseThrow().profile().countryCode());
    }

    @Test
    void saveProfile_replacesTheRecord_whenItIsStillAsRead() {
        String tenantId = tenant();
        TenantProfile next = new TenantProfile(Cloud.US_GOVERNMENT, "CA", false, false);

        replace(tenantId, next);

        assertEquals(next, read(tenantId).profile());
        assertEquals(FIRST, read(tenantId).consentEpoch());
    }

    @Test
    void saveProfile_leavesTheWrittenSettingAlone() {
        String tenantId = tenant();
        store().saveSetting(tenantId, 0, new TenantSetting(IntegrationMode.SELECTED, "group", 1, AT, "admin"), false,
                audit(1, IntegrationMode.ENABLED, IntegrationMode.SELECTED));

        replace(tenantId, new TenantProfile(Cloud.PUBLIC, "DE", true, true));

        assertEquals(Optional.of(new TenantSetting(IntegrationMode.SELECTED, "group", 1, AT, "admin")),
                read(tenantId).writtenSetting());
    }

    @Test
    void saveProfile_movesTheConsentEpochOn_whenAskedToWithdrawConsents() {
        String tenantId = tenant();

        TenantProfile de = new TenantProfile(Cloud.PUBLIC, "DE", true, true);
        Optional<Tenant> before = store().findTenant(tenantId);
        store().saveProfile(tenantId, de, before, true, false, changed(before, de));

        assertEquals(FIRST + 1, read(tenantId).consentEpoch());
    }

    @Test
    void saveProfile_refusesToReplace_whenTheCountryChangedSinceTheRead() {
        String tenantId = tenant();
        Optional<Tenant> stale = store().findTenant(tenantId);
        TenantProfile de = new TenantProfile(Cloud.PUBLIC, "DE", true, true);
        TenantProfile fr = new TenantProfile(Cloud.PUBLIC, "FR", true, true);
        store().saveProfile(tenantId, de, stale, true, false, changed(stale, de));

        assertThrows(ConcurrentChangeException.class, () -> store().saveProfile(tenantId, fr, stale, true, false,
                changed(stale, fr)));
        assertEquals("DE", read(tenantId).profile().countryCode());
        assertEquals(FIRST + 1, read(tenantId).consentEpoch());
    }

    @Test
    void saveProfile_refusesToReplace_whenTheSettingVersionMovedSinceTheRead() {
        String tenantId = tenant();
        Optional<Tenant> stale = store().findTenant(tenantId);
        store().saveSetting(tenantId, 0, setting(IntegrationMode.ENABLED, 1), false,
                audit(1, IntegrationMode.ENABLED, IntegrationMode.ENABLED));

        TenantProfile de = new TenantProfile(Cloud.PUBLIC, "DE", true, true);
        assertThrows(ConcurrentChangeException.class, () -> store().saveProfile(tenantId, de, stale, true, false,
                changed(stale, de)));
        assertEquals("US", read(tenantId).profile().countryCode());
        assertEquals(FIRST, read(tenantId).consentEpoch());
    }

    @Test
    void saveProfile_refusesToReplace_whenTheRecordReadIsGone() {
        String tenantId = id();
        Optional<Tenant> neverStored = Optional.of(new Tenant(tenantId,
                new TenantProfile(Cloud.PUBLIC, "US", true, true), Optional.empty(), 0));

        TenantProfile us = new TenantProfile(Cloud.PUBLIC, "US", true, true);
        assertThrows(ConcurrentChangeException.class, () -> store().saveProfile(tenantId, us, neverStored, false, false,
                changed(neverStored, us)));
        assertEquals(Optional.empty(), store().findTenant(tenantId));
    }

    // ---- settings ------------------------------------------------------------------------

    @Test
    void saveSetting_writesTheSetting_asReadBack() {
        String tenantId = tenant();
        TenantSetting selected = new TenantSetting(IntegrationMode.SELECTED, id(), 1, AT, "admin@contoso");

        store().saveSetting(tenantId, 0, selected, false, audit(1, IntegrationMode.ENABLED, IntegrationMode.SELECTED));

        Tenant tenant = read(tenantId);
        assertEquals(Optional.of(selected), tenant.writtenSetting());
        assertEquals(new TenantProfile(Cloud.PUBLIC, "US", true, true), tenant.profile(), "the record is left alone");
        assertEquals(FIRST, tenant.consentEpoch(), "no withdrawal asked");
    }

    @Test
    void saveSetting_dropsTheSelectedGroup_whenLeavingSelected() {
        String tenantId = tenant();
        store().saveSetting(tenantId, 0, new TenantSetting(IntegrationMode.SELECTED, id(), 1, AT, "admin"), false,
                audit(1, IntegrationMode.ENABLED, IntegrationMode.SELECTED));

        store().saveSetting(tenantId, 1, setting(IntegrationMode.ENABLED, 2), false,
                audit(2, IntegrationMode.SELECTED, IntegrationMode.ENABLED));

        assertEquals(null, read(tenantId).setting().selectedGroupId());
        assertEquals(IntegrationMode.ENABLED, read(tenantId).setting().mode());
    }

    @Test
    void saveSetting_isConditionalOnTheVersion_andWritesItsAuditEntryInTheSameTransaction() {
        String tenantId = tenant();
        store().saveSetting(tenantId, 0, setting(IntegrationMode.DISABLED, 1), true,
                audit(1, IntegrationMode.ENABLED, IntegrationMode.DISABLED));

        assertThrows(ConcurrentChangeException.class, () -> store().saveSetting(tenantId, 0,
                setting(IntegrationMode.ENABLED, 1), false, audit(1, IntegrationMode.ENABLED, IntegrationMode.ENABLED)));

        Tenant tenant = store().findTenant(tenantId).orElseThrow();
        assertEquals(IntegrationMode.DISABLED, tenant.setting().mode());
        assertEquals(FIRST + 1, tenant.consentEpoch());
        var entries = settingAudit(tenantId);
        assertEquals(1, entries.size());
        assertEquals(IntegrationMode.DISABLED, ((AuditEntry.SettingChanged) entries.get(0).change()).after().mode());
    }

    @Test
    void saveSetting_neverEnablesATenantOutsideThePublicCloud() {
        String tenantId = tenant(new TenantProfile(Cloud.CHINA, "CN", true, true));

        assertThrows(ConcurrentChangeException.class, () -> store().saveSetting(tenantId, 0,
                setting(IntegrationMode.ENABLED, 1), false, audit(1, IntegrationMode.ENABLED, IntegrationMode.ENABLED)));
        assertTrue(settingAudit(tenantId).isEmpty());
    }

    @Test
    void saveSetting_disablesATenantOutsideThePublicCloud() {
        String tenantId = tenant(new TenantProfile(Cloud.GERMANY, "DE", true, true));

        store().saveSetting(tenantId, 0, setting(IntegrationMode.DISABLED, 1), false,
                audit(1, IntegrationMode.DISABLED, IntegrationMode.DISABLED));

        assertEquals(1, read(tenantId).setting().version());
        assertEquals(1, settingAudit(tenantId).size());
    }

    @Test
    void saveSetting_refuses_whenTheTenantHasNoRecord_andWritesNoAuditEntry() {
        String tenantId = id();

        assertThrows(ConcurrentChangeException.class, () -> store().saveSetting(tenantId, 0,
                setting(IntegrationMode.DISABLED, 1), true, audit(1, IntegrationMode.ENABLED, IntegrationMode.DISABLED)));
        assertEquals(Optional.empty(), store().findTenant(tenantId));
        assertTrue(settingAudit(tenantId).isEmpty());
    }

    @Test
    void saveSetting_movesTheConsentEpochOn_onlyWhenAskedToWithdrawConsents() {
        String tenantId = tenant();

        settingsUpTo(tenantId, 4); // DISABLED (withdraws), ENABLED, DISABLED (withdraws), ENABLED

        assertEquals(FIRST + 2, read(tenantId).consentEpoch());
        assertEquals(4, read(tenantId).setting().version());
    }

    // ---- audit ---------------------------------------------------------------------------

    @Test
    void listAudit_ofANewTenant_holdsItsCreationOnly() {
        TenantProfile profile = new TenantProfile(Cloud.PUBLIC, "US", true, true);
        String tenantId = tenant(profile);

        AuditPage page = store().listAudit(tenantId, AuditQuery.newest(10));

        assertEquals(1, page.entries().size());
        assertEquals(new AuditEntry.TenantRecordChanged(Optional.empty(), profile), page.entries().get(0).change());
        assertEquals(Optional.empty(), page.next());
        assertEquals(List.of(), settingAudit(tenantId));
    }

    @Test
    void listAudit_pagesNewestFirst_eachPageNamingThePositionToContinueAfter() {
        String tenantId = tenant();
        settingsUpTo(tenantId, 5);

        AuditPage first = settingPage(tenantId, 2, Optional.empty());
        AuditPage second = settingPage(tenantId, 2, first.next());
        AuditPage last = settingPage(tenantId, 2, second.next());

        assertEquals(List.of(5L, 4L), versions(first));
        assertTrue(first.next().isPresent());
        assertEquals(List.of(3L, 2L), versions(second));
        assertTrue(second.next().isPresent());
        assertEquals(List.of(1L), versions(last));
        assertEquals(Optional.empty(), last.next());
    }

    @Test
    void listAudit_hasNoNextPage_whenTheLastPageIsExactlyFull() {
        String tenantId = tenant();
        settingsUpTo(tenantId, 3);

        AuditPage page = store().listAudit(tenantId, AuditQuery.newest(4));

        assertEquals(4, page.entries().size(), "three settings and the record's creation");
        assertEquals(Optional.empty(), page.next());
    }

    @Test
    void listAudit_keepsEveryFieldOfTheEntry() {
        String tenantId = tenant();
        String group = id();
        AuditEntry withEverything = AuditEntry.setting(1, "admin@contoso", AT,
                new SettingState(IntegrationMode.ENABLED, null), new SettingState(IntegrationMode.SELECTED, group),
                "pilot", "request-1");
        AuditEntry withoutOptionals = AuditEntry.setting(2, "pipeline", AT.plusSeconds(1),
                new SettingState(IntegrationMode.SELECTED, group), new SettingState(IntegrationMode.ENABLED, null),
                null, null);
        store().saveSetting(tenantId, 0, new TenantSetting(IntegrationMode.SELECTED, group, 1, AT, "admin@contoso"),
                false, withEverything);
        store().saveSetting(tenantId, 1, new TenantSetting(IntegrationMode.ENABLED, null, 2, AT, "pipeline"), false,
                withoutOptionals);

        assertEquals(List.of(withoutOptionals, withEverything), settingAudit(tenantId));
    }

    @Test
    void listAudit_ofOneTenant_showsNoEntryOfAnother() {
        String first = tenant();
        String second = tenant();
        settingsUpTo(first, 2);

        assertEquals(List.of(), settingAudit(second));
    }

    // ---- reading users -------------------------------------------------------------------

    @Test
    void findUser_hasTheDefaults_forAUserNobodyWrote() {
        UserFacts unknown = store().findUser(tenant(), id());

        assertEquals(UserFacts.unknown(), unknown);
        assertEquals(new UserFacts(Set.of(), false, Optional.empty(), true, OfficePolicy.NOT_CONFIGURED, true), unknown);
    }

    @Test
    void findUsers_answersInOrder_withDuplicatesAndDefaults_acrossMoreThanOneBatch() {
        String tenantId = tenant();
        List<String> users = new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> id()).toList());
        store().connect(tenantId, users.get(0), Consent.BOTH_WAYS, FIRST, Instant.now());
        store().setProfileVisibility(tenantId, users.get(149), false);
        users.add(users.get(0));

        List<UserFacts> facts = store().findUsers(tenantId, users);

        assertEquals(151, facts.size());
        assertTrue(facts.get(0).connection().isPresent());
        assertTrue(facts.get(150).connection().isPresent());
        assertEquals(false, facts.get(149).profileVisibleInMicrosoftApps());
        assertEquals(UserFacts.unknown(), facts.get(1));
    }

    @Test
    void findUsers_ofAViewerAnd100Subjects_answersEachInItsPlace() {
        String tenantId = tenant();
        List<String> users = IntStream.range(0, 101).mapToObj(i -> id()).toList();
        for (int i = 0; i < users.size(); i += 10) {
            store().setSelectedOneByOne(tenantId, users.get(i), true, stamp());
        }

        List<UserFacts> facts = store().findUsers(tenantId, users);

        assertEquals(101, facts.size());
        for (int i = 0; i < users.size(); i++) {
            assertEquals(i % 10 == 0, facts.get(i).selectedOneByOne(), "user " + i);
        }
    }

    @Test
    void findUsers_ofNoUser_isEmpty() {
        assertEquals(List.of(), store().findUsers(tenant(), List.of()));
    }

    @Test
    void users_ofOneTenant_areNotTheSameUsersOfAnother() {
        String first = tenant();
        String second = tenant();
        String userId = id();

        store().setSelectedOneByOne(first, userId, true, stamp());

        assertTrue(store().findUser(first, userId).selectedOneByOne());
        assertEquals(UserFacts.unknown(), store().findUser(second, userId));
    }

    // ---- writing users -------------------------------------------------------------------

    @Test
    void setSelectedOneByOne_selectsAndUnselects() {
        String tenantId = tenant();
        String userId = id();

        store().setSelectedOneByOne(tenantId, userId, true, stamp());
        boolean selected = store().findUser(tenantId, userId).selectedOneByOne();
        store().setSelectedOneByOne(tenantId, userId, false, stamp());

        assertTrue(selected);
        assertEquals(UserFacts.unknown(), store().findUser(tenantId, userId));
    }

    @Test
    void groupMembership_addAndRemove_areSetOperations() {
        String tenantId = tenant();
        String userId = id();
        String a = id();
        String b = id();

        store().updateGroupMembers(tenantId, a, Set.of(userId), Set.of(), stamp());
        store().updateGroupMembers(tenantId, b, Set.of(userId), Set.of(), stamp());
        store().updateGroupMembers(tenantId, a, Set.of(userId), Set.of(), stamp());
        store().updateGroupMembers(tenantId, a, Set.of(), Set.of(userId), stamp());

        assertEquals(Set.of(b), store().findUser(tenantId, userId).groupIds());
    }

    @Test
    void updateGroupMembers_addsAndRemovesInOneCall_pastOneTransactionsWorth() {
        String tenantId = tenant();
        String group = id();
        List<String> staying = IntStream.range(0, 120).mapToObj(i -> id()).toList();
        List<String> leaving = IntStream.range(0, 30).mapToObj(i -> id()).toList();
        store().updateGroupMembers(tenantId, group, Set.copyOf(leaving), Set.of(), stamp());

        var made = store().updateGroupMembers(tenantId, group, Set.copyOf(staying), Set.copyOf(leaving), stamp());

        assertEquals(Set.copyOf(staying), made.added());
        assertEquals(Set.copyOf(leaving), made.removed());
        assertTrue(store().findUsers(tenantId, staying).stream().allMatch(u -> u.groupIds().equals(Set.of(group))));
        assertTrue(store().findUsers(tenantId, leaving).stream().allMatch(u -> u.groupIds().isEmpty()));
    }

    @Test
    void updateGroupMembers_removingANonMemberOrAddingAMember_changesAndCountsNothing() {
        String tenantId = tenant();
        String userId = id();
        String kept = id();
        store().updateGroupMembers(tenantId, kept, Set.of(userId), Set.of(), stamp());

        var made = store().updateGroupMembers(tenantId, id(), Set.of(), Set.of(userId), stamp());
        var again = store().updateGroupMembers(tenantId, kept, Set.of(userId), Set.of(), stamp());

        assertEquals(Set.of(kept), store().findUser(tenantId, userId).groupIds());
        assertEquals(Set.of(), made.removed());
        assertEquals(Set.of(), again.added());
    }

    @Test
    void updateGroupMembers_ofDifferentGroupsAtOnce_loseNoMembership() throws Exception {
        String tenantId = tenant();
        Set<String> users = IntStream.range(0, 20).mapToObj(i -> id()).collect(Collectors.toSet());
        List<String> groups = List.of(id(), id(), id());
        ExecutorService syncs = Executors.newFixedThreadPool(groups.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (String group : groups) {
                done.add(syncs.submit(() -> {
                    start.await();
                    store().updateGroupMembers(tenantId, group, users, Set.of(), stamp());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sync : done) {
                sync.get();
            }
        } finally {
            syncs.shutdownNow();
        }

        for (UserFacts user : store().findUsers(tenantId, List.copyOf(users))) {
            assertEquals(Set.copyOf(groups), user.groupIds());
        }
    }

    @Test
    void setOfficePolicy_setsAndClears() {
        String tenantId = tenant();
        String userId = id();

        store().setOfficePolicy(tenantId, userId, OfficePolicy.DISABLED);
        OfficePolicy set = store().findUser(tenantId, userId).officePolicy();
        store().setOfficePolicy(tenantId, userId, OfficePolicy.NOT_CONFIGURED);

        assertEquals(OfficePolicy.DISABLED, set);
        assertEquals(OfficePolicy.NOT_CONFIGURED, store().findUser(tenantId, userId).officePolicy());
    }

    @Test
    void setOfficeOption_isKept_whileNoPolicyIsConfigured() {
        String tenantId = tenant();
        String userId = id();

        store().setOfficeOption(tenantId, userId, false);

        assertFalse(store().findUser(tenantId, userId).officeOptionOn());
    }

    @Test
    void setOfficeOption_isRefusedAsLockedByPolicy_whenAPolicyIsConfigured() {
        String tenantId = tenant();
        String enabledByPolicy = id();
        String disabledByPolicy = id();
        store().setOfficePolicy(tenantId, enabledByPolicy, OfficePolicy.ENABLED);
        store().setOfficePolicy(tenantId, disabledByPolicy, OfficePolicy.DISABLED);

        RefusedException first = assertThrows(RefusedException.class,
                () -> store().setOfficeOption(tenantId, enabledByPolicy, false));
        RefusedException second = assertThrows(RefusedException.class,
                () -> store().setOfficeOption(tenantId, disabledByPolicy, true));

        assertEquals(Reason.OPTION_LOCKED_BY_POLICY, first.reason());
        assertEquals(Reason.OPTION_LOCKED_BY_POLICY, second.reason());
        assertTrue(store().findUser(tenantId, enabledByPolicy).officeOptionOn(), "the option is unchanged");
    }

    @Test
    void setOfficeOption_isAllowedAgain_onceThePolicyIsCleared() {
        String tenantId = tenant();
        String userId = id();
        store().setOfficePolicy(tenantId, userId, OfficePolicy.ENABLED);
        store().setOfficePolicy(tenantId, userId, OfficePolicy.NOT_CONFIGURED);

        store().setOfficeOption(tenantId, userId, false);

        assertFalse(store().findUser(tenantId, userId).officeOptionOn());
    }

    @Test
    void setProfileVisibility_hidesAndShows() {
        String tenantId = tenant();
        String userId = id();

        store().setProfileVisibility(tenantId, userId, false);
        boolean hidden = !store().findUser(tenantId, userId).profileVisibleInMicrosoftApps();
        store().setProfileVisibility(tenantId, userId, true);

        assertTrue(hidden);
        assertTrue(store().findUser(tenantId, userId).profileVisibleInMicrosoftApps());
    }

    @Test
    void connect_keepsTheConsentTheEpochAndTheTime() {
        String tenantId = tenant();
        String userId = id();

        settingsUpTo(tenantId, 3); // epoch 2
        store().connect(tenantId, userId, Consent.LINKEDIN_TO_MICROSOFT, FIRST + 2, AT);

        assertEquals(Optional.of(new Connection(Consent.LINKEDIN_TO_MICROSOFT, FIRST + 2, AT)),
                store().findUser(tenantId, userId).connection());
    }

    @Test
    void connect_replacesAnEarlierConnection() {
        String tenantId = tenant();
        String userId = id();
        store().connect(tenantId, userId, Consent.BOTH_WAYS, FIRST, AT);
        settingsUpTo(tenantId, 1); // DISABLED: epoch 1

        store().connect(tenantId, userId, Consent.LINKEDIN_TO_MICROSOFT, FIRST + 1, AT.plus(1, ChronoUnit.DAYS));

        assertEquals(Optional.of(new Connection(Consent.LINKEDIN_TO_MICROSOFT, FIRST + 1, AT.plus(1, ChronoUnit.DAYS))),
                store().findUser(tenantId, userId).connection());
    }

    @Test
    void disconnect_removesTheConnection_andKeepsTheUsersOtherFacts() {
        String tenantId = tenant();
        String userId = id();
        String group = id();
        store().updateGroupMembers(tenantId, group, Set.of(userId), Set.of(), stamp());
        store().setProfileVisibility(tenantId, userId, false);
        store().connect(tenantId, userId, Consent.BOTH_WAYS, FIRST, AT);

        store().disconnect(tenantId, userId);

        assertEquals(new UserFacts(Set.of(group), false, Optional.empty(), false, OfficePolicy.NOT_CONFIGURED, true),
                store().findUser(tenantId, userId));
    }

    @Test
    void disconnect_isIdempotent() {
        String tenantId = tenant();
        String userId = id();
        store().connect(tenantId, userId, Consent.BOTH_WAYS, FIRST, AT);

        assertTrue(store().disconnect(tenantId, userId), "a connection was removed");
        assertFalse(store().disconnect(tenantId, userId), "nothing left to remove");

        assertEquals(Optional.empty(), store().findUser(tenantId, userId).connection());
    }

    @Test
    void disconnect_ofAUserWhoNeverConnected_createsNothing() {
        String tenantId = tenant();
        String userId = id();

        assertFalse(store().disconnect(tenantId, userId));

        assertEquals(UserFacts.unknown(), store().findUser(tenantId, userId));
    }

    @Test
    void factsNothingCounts_areNotStoredForATenantWithoutRecord() {
        String tenantId = id();
        String userId = id();

        assertThrows(TenantNotProvisionedException.class,
                () -> store().setProfileVisibility(tenantId, userId, false));
        assertThrows(TenantNotProvisionedException.class,
                () -> store().setOfficeOption(tenantId, userId, false));
        assertThrows(TenantNotProvisionedException.class,
                () -> store().setOfficePolicy(tenantId, userId, OfficePolicy.ENABLED));

        assertEquals(UserFacts.unknown(), store().findUser(tenantId, userId));
    }

    @Test
    void disconnect_needsNoTenantRecord() {
        String tenantId = id();
        String userId = id();

        store().disconnect(tenantId, userId);

        assertEquals(UserFacts.unknown(), store().findUser(tenantId, userId));
    }
}
