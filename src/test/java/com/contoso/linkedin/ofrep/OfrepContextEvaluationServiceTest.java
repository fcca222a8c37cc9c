package com.contoso.linkedin.ofrep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.CardLevel;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.service.ContextEvaluationService;
import com.contoso.linkedin.service.ContextEvaluationService.ContextEvaluation;
import com.contoso.linkedin.service.TenantCache;
import com.contoso.linkedin.store.InMemoryLinkedInStore;
import com.contoso.linkedin.store.StoreUnavailableException;
import com.contoso.linkedin.support.TestConfig;

/**
 * One evaluation context from one snapshot: the tenant once, and the user and the viewer in one
 * read, so that the four OFREP answers agree and cost what a profile card costs. Plain Java, on
 * the in-memory twin of the store, which records the reads.
 */
class OfrepContextEvaluationServiceTest {
    private static final String TENANT = "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b";
    private static final String USER = "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";
    private static final String VIEWER = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    private static final String GROUP = "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d";
    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");

    private final InMemoryLinkedInStore store = new InMemoryLinkedInStore();
    private final ContextEvaluationService service = new ContextEvaluationService(store,
            new TenantCache(store, TestConfig.defaults().withTenantCache(Duration.ofSeconds(30), 10)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private void tenant(String country) {
        TenantProfile profile = new TenantProfile(Cloud.PUBLIC, country, true, true);
        store.saveProfile(TENANT, profile, Optional.empty(), false, false, new AuditEntry("operator", NOW, null, null,
                new AuditEntry.TenantRecordChanged(Optional.empty(), profile)));
    }

    /** Writes versions 1 (ENABLED) and 2 (SELECTED with GROUP), as an admin would have. */
    private void selectedGroupAtVersion2() {
        store.saveSetting(TENANT, 0, new TenantSetting(IntegrationMode.ENABLED, null, 1, NOW, "admin"), false,
                AuditEntry.setting(1, "admin", NOW, new SettingState(IntegrationMode.ENABLED, null),
                        new SettingState(IntegrationMode.ENABLED, null), null, null));
        store.saveSetting(TENANT, 1, new TenantSetting(IntegrationMode.SELECTED, GROUP, 2, NOW, "admin"), false,
                AuditEntry.setting(2, "admin", NOW, new SettingState(IntegrationMode.ENABLED, null),
                        new SettingState(IntegrationMode.SELECTED, GROUP), null, null));
    }

    @Test
    void withAViewer_readsTheTenantOnce_andBothUsersInOneRead() {
        tenant("US");
        store.connect(TENANT, USER, Consent.BOTH_WAYS, Tenant.firstConsentEpoch(NOW), NOW);
        store.connect(TENANT, VIEWER, Consent.LINKEDIN_TO_MICROSOFT, Tenant.firstConsentEpoch(NOW), NOW);
        store.forgetCalls();

        ContextEvaluation evaluation = service.evaluate(TENANT, USER, Client.PROFILE_CARD, Optional.of(VIEWER));

        assertEquals(List.of("findTenant", "findUsers"), store.calls());
        assertTrue(evaluation.decision().shareWorkDataWithLinkedIn(), "the user's own decision");
        assertEquals(CardLevel.CONNECTED, evaluation.card().orElseThrow().level(), "the viewer is connected");
        assertEquals(0, evaluation.freshness().settingVersion());
        assertEquals(30, evaluation.freshness().maxStalenessSeconds());
        assertEquals(NOW, evaluation.freshness().evaluatedAt());
    }

    @Test
    void withoutAViewer_readsOneUser_andHasNoCard() {
        tenant("US");
        store.forgetCalls();

        ContextEvaluation evaluation = service.evaluate(TENANT, USER, Client.OFFICE_DESKTOP, Optional.empty());

        assertEquals(List.of("findTenant", "findUser"), store.calls());
        assertTrue(evaluation.decision().eligible());
        assertTrue(evaluation.card().isEmpty());
    }

    @Test
    void theCard_followsTheViewer_andTheSubjectsVisibility_whileTheDecisionIsTheSubjectsOwn() {
        tenant("US");
        selectedGroupAtVersion2();
        store.setProfileVisibility(TENANT, USER, false);
        store.setSelectedOneByOne(TENANT, VIEWER, true, new AuditEntry.Stamp("admin", NOW, null));

        ContextEvaluation evaluation = service.evaluate(TENANT, USER, Client.PROFILE_CARD, Optional.of(VIEWER));

        assertEquals(Reason.NOT_SELECTED, evaluation.decision().reason(), "the subject is not selected");
        assertEquals(Reason.SUBJECT_HIDDEN, evaluation.card().orElseThrow().reason(),
                "the selection governs the viewer; the subject's visibility hides them");
        assertEquals(2, evaluation.freshness().settingVersion());
    }

    @Test
    void whenTheTenantDecides_noUserIsRead() {
        tenant("FR");
        store.forgetCalls();

        ContextEvaluation evaluation = service.evaluate(TENANT, USER, Client.PROFILE_CARD, Optional.of(VIEWER));

        assertEquals(List.of("findTenant"), store.calls());
        assertEquals(Reason.DISABLED_BY_TENANT, evaluation.decision().reason());
        assertFalse(evaluation.card().orElseThrow().show());
        assertEquals(Reason.DISABLED_BY_TENANT, evaluation.card().orElseThrow().reason());
    }

    @Test
    void aTenantWithoutRecord_isNotProvisioned_atSettingVersion0() {
        ContextEvaluation evaluation = service.evaluate(TENANT, USER, Client.PROFILE_CARD, Optional.empty());

        assertEquals(Reason.TENANT_NOT_PROVISIONED, evaluation.decision().reason());
        assertEquals(0, evaluation.freshness().settingVersion());
    }

    @Test
    void theViewersOwnCard_isTheViewersDecision_whenViewerAndUserAreOne() {
        tenant("US");
        store.connect(TENANT, USER, Consent.BOTH_WAYS, Tenant.firstConsentEpoch(NOW), NOW);

        ContextEvaluation evaluation = service.evaluate(TENANT, USER, Client.PROFILE_CARD, Optional.of(USER));

        assertTrue(evaluation.decision().connected());
        assertEquals(CardLevel.CONNECTED, evaluation.card().orElseThrow().level());
    }

    @Test
    void aStoreThatDoesNotAnswer_failsTheEvaluation_neverAGuess() {
        tenant("US");
        store.unavailable(true);

        assertThrows(StoreUnavailableException.class,
                () -> service.evaluate(TENANT, USER, Client.PROFILE_CARD, Optional.of(VIEWER)));
    }
}
