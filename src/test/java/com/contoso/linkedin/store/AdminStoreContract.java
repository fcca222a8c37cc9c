package com.contoso.linkedin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.AuditKind;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantCounts;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.LinkedInStore.AuditPage;
import com.contoso.linkedin.store.LinkedInStore.AuditQuery;
import com.contoso.linkedin.store.LinkedInStore.SelectedUsersPage;

/**
 * What every {@link LinkedInStore} does for the tenant's administrators, beyond answering checks:
 * an audit entry in the transaction of every change that can change an answer, the counts kept
 * exact by the writes that change them (against their definition: the twin counts its users at
 * every read), erasure, the export of the selection and offboarding. Part of the store contract
 * ({@link LinkedInStoreContract}, which extends it): both stores pass it.
 */
abstract class AdminStoreContract {

    protected abstract LinkedInStore store();

    private static final TenantProfile US = new TenantProfile(Cloud.PUBLIC, "US", true, true);
    private static final Instant AT = Instant.parse("2026-11-27T19:00:00Z");
    /** The consent epoch every tenant of these tests starts in: the one of its creation, at {@link #AT}. */
    private static final long FIRST = Tenant.firstConsentEpoch(AT);

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    private String tenant() {
        String tenantId = newId();
        store().saveProfile(tenantId, US, Optional.empty(), false, false, record(Optional.empty(), US, AT));
        return tenantId;
    }

    private static AuditEntry record(Optional<TenantProfile> before, TenantProfile after, Instant when) {
        return new AuditEntry("operator", when, "req", null, new AuditEntry.TenantRecordChanged(before, after));
    }

    private static AuditEntry.Stamp stamp() {
        return new AuditEntry.Stamp("admin", AT, "req");
    }

    private static AuditEntry.Stamp stampAt(Instant when) {
        return new AuditEntry.Stamp("admin", when, "req");
    }

    private Tenant read(String tenantId) {
        return store().findTenant(tenantId).orElseThrow();
    }

    private TenantCounts counts(String tenantId) {
        return store().findTenantWithCounts(tenantId).orElseThrow().counts();
    }

    private List<AuditEntry> entries(String tenantId, AuditKind... kinds) {
        return store().listAudit(tenantId, new AuditQuery(Set.of(kinds), Optional.empty(), Optional.empty(), 100,
                Optional.empty())).entries();
    }

    private void disable(String tenantId) {
        Tenant tenant = read(tenantId);
        long next = tenant.etagVersion() + 1;
        store().saveSetting(tenantId, tenant.etagVersion(), new TenantSetting(IntegrationMode.DISABLED, null, next,
                AT, "admin"), tenant.setting().mode() != IntegrationMode.DISABLED, AuditEntry.setting(next, "admin", AT,
                        SettingState.of(tenant.setting()), new SettingState(IntegrationMode.DISABLED, null), null, "req"));
    }

    private Set<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> newId()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    // ---- the tenant record ----------------------------------------------------------------

    @Test
    void saveProfile_auditsTheCreation_andEveryChange_withBeforeAndAfter() {
        String tenantId = tenant();
        TenantProfile de = new TenantProfile(Cloud.PUBLIC, "DE", false, true);
        store().saveProfile(tenantId, de, store().findTenant(tenantId), false, false,
                record(Optional.of(US), de, AT.plusSeconds(1)));

        List<AuditEntry> entries = entries(tenantId, AuditKind.TENANT_RECORD);

        assertEquals(List.of(new AuditEntry.TenantRecordChanged(Optional.of(US), de),
                new AuditEntry.TenantRecordChanged(Optional.empty(), US)), entries.stream().map(AuditEntry::change).toList());
        assertEquals("operator", entries.get(0).who());
        assertEquals("req", entries.get(0).requestId());
    }

    @Test
    void saveProfile_movesTheSettingVersion_onlyWhenAsked_andKeepsTheDefaultADefault() {
        String tenantId = tenant();
        TenantProfile de = new TenantProfile(Cloud.PUBLIC, "DE", true, true);
        TenantProfile ca = new TenantProfile(Cloud.PUBLIC, "CA", true, true);

        store().saveProfile(tenantId, de, store().findTenant(tenantId), true, true, record(Optional.of(US), de, AT));
        Tenant moved = read(tenantId);
        store().saveProfile(tenantId, ca, store().findTenant(tenantId), false, false, record(Optional.of(de), ca, AT));

        assertEquals(1, moved.etagVersion());
        assertEquals(new TenantSetting(IntegrationMode.DISABLED, null, 0, null, null), moved.setting());
        assertTrue(moved.setting().isDefault(), "no admin wrote it: still the default, at version 0");
        assertEquals(Optional.empty(), moved.writtenSetting());
        assertEquals(1, read(tenantId).etagVersion(), "not asked: unchanged");
    }

    @Test
    void saveSetting_afterAMovedVersion_isConditionalOnTheMovedVersion() {
        String tenantId = tenant();
        TenantProfile off = new TenantProfile(Cloud.PUBLIC, "US", false, true);
        store().saveProfile(tenantId, off, store().findTenant(tenantId), false, true, record(Optional.of(US), off, AT));

        assertThrows(ConcurrentChangeException.class, () -> store().saveSetting(tenantId, 0,
                new TenantSetting(IntegrationMode.DISABLED, null, 1, AT, "admin"), true, AuditEntry.setting(1, "admin",
                        AT, new SettingState(IntegrationMode.ENABLED, null), new SettingState(IntegrationMode.DISABLED,
                                null), null, "req")));
        disable(tenantId);

        assertEquals(new TenantSetting(IntegrationMode.DISABLED, null, 2, AT, "admin"), read(tenantId).setting());
        assertFalse(read(tenantId).setting().isDefault());
    }

    @Test
    void saveProfile_withdrawingConsents_startsTheConnectedCountAfresh() {
        String tenantId = tenant();
        store().connect(tenantId, newId(), Consent.BOTH_WAYS, FIRST, AT);
        TenantProfile de = new TenantProfile(Cloud.PUBLIC, "DE", true, true);

        store().saveProfile(tenantId, de, store().findTenant(tenantId), true, true, record(Optional.of(US), de, AT));

        assertEquals(0, counts(tenantId).connected());
    }

    // ---- the audit ------------------------------------------------------------------------

    @Test
    void listAudit_filtersByKind_andByTime_newestFirst() {
        String tenantId = tenant();
        String user = newId();
        store().setSelectedOneByOne(tenantId, user, true, stampAt(AT.plusSeconds(10)));
        store().setSelectedOneByOne(tenantId, user, false, stampAt(AT.plusSeconds(20)));
        store().updateGroupMembers(tenantId, newId(), Set.of(user), Set.of(), stampAt(AT.plusSeconds(30)));

        List<AuditEntry> selections = entries(tenantId, AuditKind.SELECTION);
        List<AuditEntry> two = entries(tenantId, AuditKind.SELECTION, AuditKind.TENANT_RECORD);
        List<AuditEntry> window = store().listAudit(tenantId, new AuditQuery(Set.of(), Optional.of(AT.plusSeconds(10)),
                Optional.of(AT.plusSeconds(30)), 10, Optional.empty())).entries();

        assertEquals(List.of(new AuditEntry.SelectionChanged(user, false), new AuditEntry.SelectionChanged(user, true)),
                selections.stream().map(AuditEntry::change).toList());
        assertEquals(List.of(AuditKind.SELECTION, AuditKind.SELECTION, AuditKind.TENANT_RECORD),
                two.stream().map(AuditEntry::kind).toList());
        assertEquals(List.of(AT.plusSeconds(20), AT.plusSeconds(10)), window.stream().map(AuditEntry::when).toList(),
                "since inclusive, until exclusive");
    }

    @Test
    void listAudit_holdsSinceAndUntil_finerThanTheMillisecondEntriesAreKeptTo() {
        String tenantId = tenant();
        store().setSelectedOneByOne(tenantId, newId(), true, stampAt(AT.plusNanos(352_013_631)));
        Instant when = AT.plusMillis(352);

        assertEquals(List.of(when), window(tenantId, when, when.plusNanos(1)), "the entry as shown, and since it");
        assertEquals(List.of(), window(tenantId, when.plusNanos(1), when.plusSeconds(1)), "since after the entry");
        assertEquals(List.of(), window(tenantId, when.minusSeconds(1), when), "until is exclusive");
        assertEquals(List.of(), window(tenantId, when.plusNanos(1), when.plusNanos(2)), "a window inside one millisecond");
        assertEquals(List.of(when), window(tenantId, Instant.parse("-1000-01-01T00:00:00Z"),
                Instant.parse("+1000000000-01-01T00:00:00Z")), "bounds beyond what a key holds list everything");
        assertEquals(List.of(), window(tenantId, Instant.parse("2290-01-01T00:00:00Z"), Instant.parse("2300-01-01T00:00:00Z")));
    }

    private List<Instant> window(String tenantId, Instant since, Instant until) {
        return store().listAudit(tenantId, new AuditQuery(Set.of(AuditKind.SELECTION), Optional.of(since), Optional.of(until), 10,
                Optional.empty())).entries().stream().map(AuditEntry::when).toList();
    }

    @Test
    void listAudit_pagesThroughAFilter_withoutLosingOrRepeatingAnEntry() {
        String tenantId = tenant();
        for (int i = 0; i < 7; i++) {
            store().setSelectedOneByOne(tenantId, newId(), true, stampAt(AT.plusSeconds(i)));
            store().updateGroupMembers(tenantId, newId(), Set.of(newId()), Set.of(), stampAt(AT.plusSeconds(i)));
        }
        AuditQuery query = new AuditQuery(Set.of(AuditKind.SELECTION), Optional.empty(), Optional.empty(), 3,
                Optional.empty());

        List<AuditEntry> seen = new ArrayList<>();
        AuditPage page = store().listAudit(tenantId, query);
        seen.addAll(page.entries());
        while (page.next().isPresent()) {
            page = store().listAudit(tenantId, query.continuingAfter(page.next()));
            seen.addAll(page.entries());
        }

        assertEquals(7, seen.size());
        assertEquals(7, seen.stream().map(e -> ((AuditEntry.SelectionChanged) e.change()).userId()).distinct().count());
        assertTrue(seen.stream().allMatch(e -> e.kind() == AuditKind.SELECTION));
        for (int i = 1; i < seen.size(); i++) {
            assertFalse(seen.get(i).when().isAfter(seen.get(i - 1).when()), "newest first");
        }
    }

    @Test
    void auditQuery_refusesAPositionNoStoreHandsOut_andAnEmptyTimeRange() {
        assertThrows(InvalidInputException.class, () -> AuditQuery.newest(10).continuingAfter(Optional.of("V#1")));
        assertThrows(InvalidInputException.class, () -> new AuditQuery(Set.of(), Optional.of(AT), Optional.of(AT), 10,
                Optional.empty()));
    }

    // ---- the one-by-one selection ---------------------------------------------------------

    @Test
    void setSelectedOneByOne_auditsAndCountsRealChangesOnly() {
        String tenantId = tenant();
        String user = newId();

        boolean first = store().setSelectedOneByOne(tenantId, user, true, stamp());
        boolean again = store().setSelectedOneByOne(tenantId, user, true, stamp());
        long selected = counts(tenantId).selectedOneByOne();
        boolean taken = store().setSelectedOneByOne(tenantId, user, false, stamp());
        boolean takenAgain = store().setSelectedOneByOne(tenantId, user, false, stamp());

        assertEquals(List.of(true, false, true, false), List.of(first, again, taken, takenAgain));
        assertEquals(1, selected);
        assertEquals(0, counts(tenantId).selectedOneByOne());
        assertEquals(2, entries(tenantId, AuditKind.SELECTION).size());
    }

    @Test
    void setSelectedOneByOne_ofATenantWithoutRecord_isTenantNotProvisioned_andWritesNothing() {
        String tenantId = newId();
        String user = newId();

        assertThrows(TenantNotProvisionedException.class, () -> store().setSelectedOneByOne(tenantId, user, true, stamp()));
        assertEquals(UserFacts.unknown(), store().findUser(tenantId, user));
    }

    @Test
    void listSelectedUsers_pagesTheSelectionInIdOrder() {
        String tenantId = tenant();
        List<String> selected = new ArrayList<>(ids(5));
        selected.forEach(user -> store().setSelectedOneByOne(tenantId, user, true, stamp()));
        store().setSelectedOneByOne(tenantId, selected.get(2), false, stamp());
        store().updateGroupMembers(tenantId, newId(), Set.of(newId()), Set.of(), stamp());
        selected.remove(2);
        selected.sort(null);

        SelectedUsersPage first = store().listSelectedUsers(tenantId, 3, Optional.empty());
        SelectedUsersPage second = store().listSelectedUsers(tenantId, 3, first.next());

        assertEquals(selected.subList(0, 3), first.userIds());
        assertEquals(Optional.of(selected.get(2)), first.next());
        assertEquals(selected.subList(3, 4), second.userIds());
        assertEquals(Optional.empty(), second.next());
        assertEquals(List.of(), store().listSelectedUsers(tenant(), 3, Optional.empty()).userIds());
    }

    // ---- group sync -----------------------------------------------------------------------

    @Test
    void updateGroupMembers_auditsOneEntryPerStoredChunk_withTheChangesItReallyMade() {
        String tenantId = tenant();
        String group = newId();
        Set<String> members = ids(10);
        store().updateGroupMembers(tenantId, group, members, Set.of(), stamp());
        Set<String> more = ids(LinkedInStore.GROUP_SYNC_CHUNK + 20);
        Set<String> add = new java.util.LinkedHashSet<>(members);
        add.addAll(more);

        store().updateGroupMembers(tenantId, group, add, Set.of(newId()), stamp());

        List<AuditEntry> entries = entries(tenantId, AuditKind.GROUP_MEMBERS);
        Set<String> added = new java.util.HashSet<>();
        entries.subList(0, entries.size() - 1).forEach(e -> added.addAll(((AuditEntry.GroupMembersChanged) e.change()).added()));
        assertEquals(3, entries.size(), "the first sync, then two chunks of the second");
        assertEquals(more, added, "users already members and removals of non-members change nothing");
        assertTrue(entries.stream().allMatch(e -> ((AuditEntry.GroupMembersChanged) e.change()).removed().isEmpty()));
        assertEquals(members.size() + more.size(), counts(tenantId).members(group));
    }

    @Test
    void updateGroupMembers_ofATenantWithoutRecord_isTenantNotProvisioned_andWritesNothing() {
        String tenantId = newId();
        String user = newId();

        assertThrows(TenantNotProvisionedException.class,
                () -> store().updateGroupMembers(tenantId, newId(), Set.of(user), Set.of(), stamp()));
        assertEquals(UserFacts.unknown(), store().findUser(tenantId, user));
    }

    // ---- counts ---------------------------------------------------------------------------

    @Test
    void findTenantWithCounts_isEmpty_forATenantWithoutRecord_andZero_forANewOne() {
        assertEquals(Optional.empty(), store().findTenantWithCounts(newId()));
        String tenantId = tenant();
        assertEquals(TenantCounts.NONE, counts(tenantId));
        assertEquals(read(tenantId), store().findTenantWithCounts(tenantId).orElseThrow().tenant());
    }

    @Test
    void counts_followConnections_inTheCurrentEpochOnly() {
        String tenantId = tenant();
        String a = newId();
        String b = newId();
        store().connect(tenantId, a, Consent.BOTH_WAYS, FIRST, AT);
        store().connect(tenantId, a, Consent.LINKEDIN_TO_MICROSOFT, FIRST, AT);
        store().connect(tenantId, b, Consent.BOTH_WAYS, FIRST, AT);
        long bothConnected = counts(tenantId).connected();
        store().disconnect(tenantId, b);
        store().disconnect(tenantId, b);
        long oneConnected = counts(tenantId).connected();
        disable(tenantId);
        long afterTheSwitch = counts(tenantId).connected();
        store().disconnect(tenantId, a); // a connection of the old epoch: it counted no more
        long afterAnOldDisconnect = counts(tenantId).connected();
        store().connect(tenantId, a, Consent.BOTH_WAYS, FIRST + 1, AT);

        assertEquals(List.of(2L, 1L, 0L, 0L, 1L), List.of(bothConnected, oneConnected, afterTheSwitch,
                afterAnOldDisconnect, counts(tenantId).connected()));
    }

    @Test
    void connect_isRefused_whenTheTenantLeftTheEpochOrHasNoRecord_andChangesNothing() {
        String tenantId = tenant();
        String user = newId();
        disable(tenantId);

        assertThrows(ConcurrentChangeException.class, () -> store().connect(tenantId, user, Consent.BOTH_WAYS, FIRST, AT));
        assertThrows(ConcurrentChangeException.class, () -> store().connect(newId(), user, Consent.BOTH_WAYS, FIRST, AT));
        assertEquals(UserFacts.unknown(), store().findUser(tenantId, user));
        assertEquals(0, counts(tenantId).connected());
    }

    @Test
    void counts_followGroupSyncs_andSelection_perTenant() {
        String tenantId = tenant();
        String other = tenant();
        String group = newId();
        Set<String> users = ids(5);
        store().updateGroupMembers(tenantId, group, users, Set.of(), stamp());
        store().updateGroupMembers(tenantId, group, Set.of(users.iterator().next()), Set.of(newId()), stamp());
        store().updateGroupMembers(other, group, Set.of(newId()), Set.of(), stamp());
        users.forEach(user -> store().setSelectedOneByOne(tenantId, user, true, stamp()));
        store().updateGroupMembers(tenantId, group, Set.of(), Set.of(users.iterator().next()), stamp());

        assertEquals(new TenantCounts(0, 5, Map.of(group, 4L)), counts(tenantId));
        assertEquals(new TenantCounts(0, 0, Map.of(group, 1L)), counts(other));
    }

    // ---- erasure --------------------------------------------------------------------------

    @Test
    void eraseUser_removesEverythingStored_adjustsTheCounts_andAuditsTheUsersIdAlone() {
        String tenantId = tenant();
        String user = newId();
        String group = newId();
        String kept = newId();
        store().updateGroupMembers(tenantId, group, Set.of(user, kept), Set.of(), stamp());
        store().setSelectedOneByOne(tenantId, user, true, stamp());
        store().connect(tenantId, user, Consent.BOTH_WAYS, FIRST, AT);
        store().setOfficePolicy(tenantId, user, OfficePolicy.DISABLED);
        store().setProfileVisibility(tenantId, user, false);

        boolean erased = store().eraseUser(tenantId, user, stamp());

        assertTrue(erased);
        assertEquals(UserFacts.unknown(), store().findUser(tenantId, user));
        assertEquals(new TenantCounts(0, 0, Map.of(group, 1L)), counts(tenantId));
        assertEquals(List.of(), store().listSelectedUsers(tenantId, 10, Optional.empty()).userIds());
        assertEquals(List.of(new AuditEntry.UserErased(user)),
                entries(tenantId, AuditKind.USER_ERASURE).stream().map(AuditEntry::change).toList());
    }

    @Test
    void eraseUser_ofAUserNothingIsStoredAbout_isFalse_andAuditsNothing() {
        String tenantId = tenant();

        assertFalse(store().eraseUser(tenantId, newId(), stamp()));
        assertEquals(List.of(), entries(tenantId, AuditKind.USER_ERASURE));
    }

    @Test
    void eraseUser_ofATenantWithoutRecord_isTenantNotProvisioned() {
        assertThrows(TenantNotProvisionedException.class, () -> store().eraseUser(newId(), newId(), stamp()));
    }

    @Test
    void eraseUser_ofAConnectionOfAnEarlierEpoch_leavesTheConnectedCountAlone() {
        String tenantId = tenant();
        String user = newId();
        store().connect(tenantId, user, Consent.BOTH_WAYS, FIRST, AT);
        disable(tenantId);

        store().eraseUser(tenantId, user, stamp());

        assertEquals(0, counts(tenantId).connected());
    }

    // ---- offboarding ----------------------------------------------------------------------

    @Test
    void startOffboarding_takesTheRecordAway_andLeavesTheMarker_withItsAuditEntry() {
        String tenantId = tenant();

        store().startOffboarding(tenantId, read(tenantId), new AuditEntry("operator", AT, "req", null,
                new AuditEntry.TenantOffboarded()));

        assertEquals(Optional.empty(), store().findTenant(tenantId));
        assertEquals(Optional.of(new LinkedInStore.OffboardingProgress(0, false)), store().findOffboarding(tenantId));
        assertEquals(1, entries(tenantId, AuditKind.TENANT_OFFBOARDING).size());
        assertThrows(ConcurrentChangeException.class, () -> store().saveProfile(tenantId, US, Optional.empty(), false,
                false, record(Optional.empty(), US, AT)), "no new record while its items are being erased");
    }

    @Test
    void startOffboarding_isRefused_whenTheTenantChangedSinceTheRead() {
        String tenantId = tenant();
        Tenant stale = read(tenantId);
        disable(tenantId);

        assertThrows(ConcurrentChangeException.class, () -> store().startOffboarding(tenantId, stale,
                new AuditEntry("operator", AT, "req", null, new AuditEntry.TenantOffboarded())));
        assertTrue(store().findTenant(tenantId).isPresent());
        assertEquals(Optional.empty(), store().findOffboarding(tenantId));
    }

    @Test
    void offboardPage_erasesTheTenantsUsersPageByPage_untilNothingIsLeft_andNoOtherTenantsUser() {
        String tenantId = tenant();
        String other = tenant();
        Set<String> users = ids(12);
        store().updateGroupMembers(tenantId, newId(), users, Set.of(), stamp());
        String neighbour = newId();
        store().setSelectedOneByOne(other, neighbour, true, stamp());
        store().startOffboarding(tenantId, read(tenantId), new AuditEntry("operator", AT, "req", null,
                new AuditEntry.TenantOffboarded()));

        List<LinkedInStore.OffboardingProgress> pages = new ArrayList<>();
        do {
            pages.add(store().offboardPage(tenantId, 5, AT.plusSeconds(3600)));
            assertTrue(pages.size() < 10, "offboarding never ends: " + pages);
        } while (!pages.get(pages.size() - 1).done());

        assertTrue(pages.size() >= 3, "pages of at most 5 users: " + pages);
        assertEquals(12, pages.get(pages.size() - 1).erasedUsers());
        for (String user : users) {
            assertEquals(UserFacts.unknown(), store().findUser(tenantId, user));
        }
        assertTrue(store().findUser(other, neighbour).selectedOneByOne(), "another tenant's user stays");
        assertEquals(Optional.empty(), store().findOffboarding(tenantId));
        assertEquals(new LinkedInStore.OffboardingProgress(0, true), store().offboardPage(tenantId, 5, AT),
                "nothing under way: done");
    }

    @Test
    void aTenantOffboardedToTheEnd_canBeProvisionedAgain_fromNothing() {
        String tenantId = tenant();
        store().setSelectedOneByOne(tenantId, newId(), true, stamp());
        disable(tenantId);
        store().startOffboarding(tenantId, read(tenantId), new AuditEntry("operator", AT, "req", null,
                new AuditEntry.TenantOffboarded()));
        while (!store().offboardPage(tenantId, 100, AT).done()) {
            // page on
        }

        long lastEpoch = FIRST + 1; // its switch to DISABLED
        Instant later = AT.plus(1, ChronoUnit.HOURS);
        store().saveProfile(tenantId, US, Optional.empty(), false, false, record(Optional.empty(), US, later));

        assertEquals(new Tenant(tenantId, US, Optional.empty(), 0, Tenant.firstConsentEpoch(later)), read(tenantId));
        assertTrue(read(tenantId).consentEpoch() > lastEpoch,
                "a connection the offboarding's index missed belongs to an earlier epoch: it never counts again");
        assertEquals(TenantCounts.NONE, counts(tenantId));
        // The earlier life's entries, still kept until their expiry, are not the new tenant's history.
        assertEquals(List.of(AuditKind.TENANT_RECORD), entries(tenantId).stream().map(e -> e.change().kind()).toList());
    }
}
