package com.contoso.linkedin.service;

import static com.contoso.linkedin.service.Given.CONFIG;
import static com.contoso.linkedin.service.Given.FIRST_EPOCH;
import static com.contoso.linkedin.service.Given.CLOCK;
import static com.contoso.linkedin.service.Given.NOW;
import static com.contoso.linkedin.service.Given.id;
import static com.contoso.linkedin.service.Given.setting;
import static com.contoso.linkedin.service.Given.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Card;
import com.contoso.linkedin.domain.CardLevel;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.Decision;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.SettingChange;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.service.EligibilityService.CardsEvaluation;
import com.contoso.linkedin.service.EligibilityService.Evaluation;
import com.contoso.linkedin.service.EligibilityService.Freshness;
import com.contoso.linkedin.store.InMemoryLinkedInStore;
import com.contoso.linkedin.store.StoreUnavailableException;

/**
 * The hot path (SPEC 3 and 6): the tenant from this instance's cache, users read fresh in one
 * read, none when the tenant alone decides.
 */
class EligibilityServiceTest {

    private final InMemoryLinkedInStore store = new InMemoryLinkedInStore();
    private final TenantCache cache = Given.cache(store, Duration.ofSeconds(30));
    private final EligibilityService eligibility = new EligibilityService(store, cache, CLOCK);

    private List<Reason> reasons(Evaluation evaluation) {
        return evaluation.decisions().stream().map(Decision::reason).toList();
    }

    private Decision check(String tenantId, String userId) {
        return eligibility.check(tenantId, List.of(userId), Client.PROFILE_CARD).decisions().get(0);
    }

    // ---- checks --------------------------------------------------------------------------

    @Test
    void check_ofOneUser_readsTheTenantAndThatUserAlone() {
        String tenantId = tenant(store);
        store.forgetCalls();

        Evaluation evaluation = eligibility.check(tenantId, List.of(id()), Client.PROFILE_CARD);

        assertEquals(List.of("findTenant", "findUser"), store.calls());
        assertEquals(List.of(Reason.ELIGIBLE), reasons(evaluation));
    }

    @Test
    void check_ofSeveralUsers_readsThemAllInOneRead() {
        String tenantId = tenant(store);
        store.forgetCalls();

        eligibility.check(tenantId, List.of(id(), id(), id()), Client.PROFILE_CARD);

        assertEquals(List.of("findTenant", "findUsers"), store.calls());
    }

    @Test
    void check_answersInRequestOrder_duplicatesIncluded() {
        String tenantId = tenant(store);
        setting(store, tenantId, IntegrationMode.SELECTED, id());
        String selected = id();
        String other = id();
        store.setSelectedOneByOne(tenantId, selected, true, new AuditEntry.Stamp("admin", NOW, null));

        Evaluation evaluation = eligibility.check(tenantId, List.of(selected, other, selected), Client.PROFILE_CARD);

        assertEquals(List.of(Reason.ELIGIBLE, Reason.NOT_SELECTED, Reason.ELIGIBLE), reasons(evaluation));
    }

    @Test
    void check_readsNoUser_whenTheTenantHasNoRecord() {
        Evaluation evaluation = eligibility.check(id(), List.of(id(), id()), Client.PROFILE_CARD);

        assertEquals(List.of("findTenant"), store.calls());
        assertEquals(List.of(Reason.TENANT_NOT_PROVISIONED, Reason.TENANT_NOT_PROVISIONED), reasons(evaluation));
        assertEquals(0, evaluation.freshness().settingVersion());
    }

    @Test
    void check_readsNoUser_whenTheTenantDisabledTheIntegration() {
        String tenantId = tenant(store, new TenantProfile(Cloud.PUBLIC, "DE", true, true));
        store.forgetCalls();

        Evaluation evaluation = eligibility.check(tenantId, List.of(id()), Client.OFFICE_DESKTOP);

        assertEquals(List.of("findTenant"), store.calls());
        assertEquals(List.of(Reason.DISABLED_BY_TENANT), reasons(evaluation));
    }

    @Test
    void check_reportsTheSettingVersion_theClock_andTheStalenessBound() {
        String tenantId = tenant(store);
        setting(store, tenantId, IntegrationMode.DISABLED);
        setting(store, tenantId, IntegrationMode.ENABLED);

        Evaluation evaluation = eligibility.check(tenantId, List.of(id()), Client.PROFILE_CARD);

        assertEquals(new Freshness(2, false, NOW, 30), evaluation.freshness());
    }

    @Test
    void check_appliesTheOfficePolicy_toOfficeDesktopOnly() {
        String tenantId = tenant(store);
        String userId = id();
        store.setOfficePolicy(tenantId, userId, OfficePolicy.DISABLED);

        Decision desktop = eligibility.check(tenantId, List.of(userId), Client.OFFICE_DESKTOP).decisions().get(0);
        Decision card = eligibility.check(tenantId, List.of(userId), Client.PROFILE_CARD).decisions().get(0);

        assertEquals(Reason.DISABLED_BY_OFFICE_POLICY, desktop.reason());
        assertEquals(Reason.ELIGIBLE, card.reason());
    }

    @Test
    void check_countsOnlyConnectionsMadeAfterTheLastSwitchToDisabled() {
        String tenantId = tenant(store);
        String userId = id();
        store.connect(tenantId, userId, Consent.BOTH_WAYS, FIRST_EPOCH, NOW);
        setting(store, tenantId, IntegrationMode.DISABLED);
        setting(store, tenantId, IntegrationMode.ENABLED);

        Decision decision = check(tenantId, userId);

        assertTrue(decision.eligible());
        assertFalse(decision.connected(), "withdrawn by the switch to DISABLED: the user must reconnect");
        assertFalse(decision.shareWorkDataWithLinkedIn());
    }

    @Test
    void check_seesTheUsersOwnChange_onTheVeryNextCheck_whileTheTenantIsCached() {
        String tenantId = tenant(store);
        String userId = id();
        store.connect(tenantId, userId, Consent.BOTH_WAYS, FIRST_EPOCH, NOW);
        boolean connectedBefore = check(tenantId, userId).connected();
        store.forgetCalls();

        new UserService(store, CLOCK, CONFIG).disconnect(tenantId, userId);
        Decision after = check(tenantId, userId);

        assertTrue(connectedBefore);
        assertFalse(after.connected());
        assertEquals(List.of("disconnect", "findUser"), store.calls(), "the tenant from the cache, the user fresh");
    }

    @Test
    void check_keepsTheCachedTenant_withinTheBound_whenAnotherInstanceChangedIt() {
        String tenantId = tenant(store);
        String userId = id();
        check(tenantId, userId);

        setting(store, tenantId, IntegrationMode.DISABLED);

        assertEquals(Reason.ELIGIBLE, check(tenantId, userId).reason(), "the change reaches this instance within 30 s");
    }

    @Test
    void check_readsTheTenantAgain_onceTheBoundHasPassed_andReportsTheBoundRoundedUp() throws InterruptedException {
        EligibilityService shortBound = new EligibilityService(store, Given.cache(store, Duration.ofMillis(200)), CLOCK);
        String tenantId = tenant(store);
        setting(store, tenantId, IntegrationMode.ENABLED);
        store.forgetCalls();

        long started = System.nanoTime();
        shortBound.check(tenantId, List.of(id()), Client.PROFILE_CARD);
        Evaluation second = shortBound.check(tenantId, List.of(id()), Client.PROFILE_CARD);
        if (System.nanoTime() - started < Duration.ofMillis(150).toNanos()) {
            // Both checks well within the bound: the second one used the cached copy.
            assertEquals(List.of("findTenant", "findUser", "findUser"), store.calls());
        }
        setting(store, tenantId, IntegrationMode.DISABLED);
        store.forgetCalls();
        Thread.sleep(250);
        Evaluation late = shortBound.check(tenantId, List.of(id()), Client.PROFILE_CARD);

        assertEquals(List.of("findTenant"), store.calls(), "read again, and disabled: no user read");
        assertEquals(List.of(Reason.DISABLED_BY_TENANT), reasons(late));
        assertEquals(1, second.freshness().maxStalenessSeconds(), "0.2 s rounds up: 0 would promise fresh data");
    }

    @Test
    void check_seesThisInstancesOwnSettingChange_atOnce() {
        String tenantId = tenant(store);
        String userId = id();
        check(tenantId, userId);

        new SettingService(store, cache, CLOCK, CONFIG).change(tenantId,
                new SettingChange(IntegrationMode.DISABLED, null, null),
                VersionPrecondition.NONE, "admin", "request-1");

        assertEquals(Reason.DISABLED_BY_TENANT, check(tenantId, userId).reason());
    }

    @Test
    void check_failsAsStoreUnavailable_neverAGuess() {
        String tenantId = tenant(store);
        store.unavailable(true);

        assertThrows(StoreUnavailableException.class, () -> check(tenantId, id()));
    }

    // ---- profile cards -------------------------------------------------------------------

    @Test
    void profileCards_readTheViewerAndAHundredSubjectsInOneRead() {
        String tenantId = tenant(store);
        List<String> subjects = IntStream.range(0, 100).mapToObj(i -> id()).toList();
        store.forgetCalls();

        CardsEvaluation evaluation = eligibility.profileCards(tenantId, id(), subjects);

        assertEquals(List.of("findTenant", "findUsers"), store.calls());
        assertEquals(100, evaluation.cards().size());
    }

    @Test
    void profileCards_followTheViewersSelection_notTheSubjects() {
        String tenantId = tenant(store);
        setting(store, tenantId, IntegrationMode.SELECTED, id());
        String viewer = id();
        store.setSelectedOneByOne(tenantId, viewer, true, new AuditEntry.Stamp("admin", NOW, null));

        CardsEvaluation evaluation = eligibility.profileCards(tenantId, viewer, List.of(id()));

        assertEquals(List.of(new Card(true, CardLevel.PUBLIC, Reason.ELIGIBLE)), evaluation.cards());
    }

    @Test
    void profileCards_hideEverySubject_withTheViewersReason_whenTheViewerIsNotEligible() {
        String tenantId = tenant(store);
        setting(store, tenantId, IntegrationMode.SELECTED, id());
        String subject = id();
        store.setSelectedOneByOne(tenantId, subject, true, new AuditEntry.Stamp("admin", NOW, null));

        CardsEvaluation evaluation = eligibility.profileCards(tenantId, id(), List.of(subject, id()));

        assertEquals(List.of(Card.hidden(Reason.NOT_SELECTED), Card.hidden(Reason.NOT_SELECTED)), evaluation.cards());
    }

    @Test
    void profileCards_hideASubjectWhoHidTheirProfile_andShowTheOthersInOrder() {
        String tenantId = tenant(store);
        String hidden = id();
        store.setProfileVisibility(tenantId, hidden, false);

        CardsEvaluation evaluation = eligibility.profileCards(tenantId, id(), List.of(id(), hidden, id()));

        assertEquals(List.of(new Card(true, CardLevel.PUBLIC, Reason.ELIGIBLE), Card.hidden(Reason.SUBJECT_HIDDEN),
                new Card(true, CardLevel.PUBLIC, Reason.ELIGIBLE)), evaluation.cards());
    }

    @Test
    void profileCards_showTheConnectedLevel_whenTheViewerIsConnected() {
        String tenantId = tenant(store);
        String viewer = id();
        store.connect(tenantId, viewer, Consent.LINKEDIN_TO_MICROSOFT, FIRST_EPOCH, NOW);

        CardsEvaluation evaluation = eligibility.profileCards(tenantId, viewer, List.of(id()));

        assertEquals(List.of(new Card(true, CardLevel.CONNECTED, Reason.ELIGIBLE)), evaluation.cards());
    }

    @Test
    void profileCards_readNoUser_whenTheTenantAloneDecides() {
        String tenantId = tenant(store, new TenantProfile(Cloud.PUBLIC, "US", false, true));
        store.forgetCalls();

        CardsEvaluation evaluation = eligibility.profileCards(tenantId, id(), List.of(id(), id()));

        assertEquals(List.of("findTenant"), store.calls());
        assertEquals(List.of(Card.hidden(Reason.NOT_ROLLED_OUT), Card.hidden(Reason.NOT_ROLLED_OUT)),
                evaluation.cards());
        assertEquals(new Freshness(0, true, NOW, 30), evaluation.freshness());
    }

    @Test
    void profileCards_ofAViewerWhoIsAlsoASubject_answerForEveryPlace() {
        String tenantId = tenant(store);
        String viewer = id();
        store.connect(tenantId, viewer, Consent.BOTH_WAYS, FIRST_EPOCH, NOW);
        CardsEvaluation evaluation = eligibility.profileCards(tenantId, viewer, List.of(viewer, id()));

        assertEquals(2, evaluation.cards().size());
        assertTrue(evaluation.cards().stream().allMatch(c -> c.level() == CardLevel.CONNECTED));
    }
}
