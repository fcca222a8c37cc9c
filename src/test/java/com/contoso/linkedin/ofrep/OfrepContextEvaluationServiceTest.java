package com.contoso.linkedin.ofrep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.CardLevel;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Connection;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.service.ContextEvaluationService;
import com.contoso.linkedin.service.ContextEvaluationService.ContextEvaluation;
import com.contoso.linkedin.service.TenantCache;
import com.contoso.linkedin.store.LinkedInStore;

/**
 * One evaluation context from one snapshot: the tenant once, and the user and the viewer in one
 * read, so that the four OFREP answers agree and cost what a profile card costs. Plain Java, with
 * a store that answers reads and records them.
 */
class OfrepContextEvaluationServiceTest {
    private static final String TENANT = "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b";
    private static final String USER = "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";
    private static final String VIEWER = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");

    private final Map<String, Tenant> tenants = new HashMap<>();
    private final Map<String, UserFacts> users = new HashMap<>();
    private final List<String> reads = new ArrayList<>();

    private final ContextEvaluationService service = new ContextEvaluationService(store(),
            new TenantCache(store(), config(Duration.ofSeconds(30))), Clock.fixed(NOW, ZoneOffset.UTC));

    private LinkedInStore store() {
        return (LinkedInStore) Proxy.newProxyInstance(LinkedInStore.class.getClassLoader(),
                new Class<?>[] { LinkedInStore.class }, (proxy, method, args) -> {
                    reads.add(method.getName());
                    return switch (method.getName()) {
                        case "findTenant" -> Optional.ofNullable(tenants.get((String) args[0]));
                        case "findUser" -> users.getOrDefault((String) args[1], UserFacts.unknown());
                        case "findUsers" -> ((List<?>) args[1]).stream()
                                .map(id -> users.getOrDefault((String) id, UserFacts.unknown())).toList();
                        default -> throw new UnsupportedOperationException(method.getName() + " is no read");
                    };
                });
    }

    private static LinkedInConfig config(Duration maxStaleness) {
        return new LinkedInConfig() {
            public String tableName() {
                return "unused";
            }

            public TenantCache tenantCache() {
                return new TenantCache() {
                    public Duration maxStaleness() {
                        return maxStaleness;
                    }

                    public int maxEntries() {
                        return 10;
                    }
                };
            }

            public Store store() {
                throw new UnsupportedOperationException();
            }

            public Priming priming() {
                throw new UnsupportedOperationException();
            }

            public Identity identity() {
                throw new UnsupportedOperationException();
            }
        };
    }

    private void tenant(String country, Optional<TenantSetting> setting) {
        tenants.put(TENANT, new Tenant(TENANT, new TenantProfile(Cloud.PUBLIC, country, true, true), setting, 0));
    }

    private static UserFacts user(Optional<Connection> connection, boolean visible) {
        return new UserFacts(Set.of(), false, connection, visible, OfficePolicy.NOT_CONFIGURED, true);
    }

    private static Optional<Connection> connected(Consent consent) {
        return Optional.of(new Connection(consent, 0, NOW));
    }

    @Test
    void withAViewer_readsTheTenantOnce_andBothUsersInOneRead() {
        tenant("US", Optional.empty());
        users.put(USER, user(connected(Consent.BOTH_WAYS), true));
        users.put(VIEWER, user(connected(Consent.LINKEDIN_TO_MICROSOFT), true));

        ContextEvaluation evaluation = service.evaluate(TENANT, USER, Client.PROFILE_CARD, Optional.of(VIEWER));

        assertEquals(List.of("findTenant", "findUsers"), reads);
        assertTrue(evaluation.decision().shareWorkDataWithLinkedIn(), "the user's own decision");
        assertEquals(CardLevel.CONNECTED, evaluation.card().orElseThrow().level(), "the viewer is connected");
        assertEquals(0, evaluation.freshness().settingVersion());
        assertEquals(30, evaluation.freshness().maxStalenessSeconds());
        assertEquals(NOW, evaluation.freshness().evaluatedAt());
    }

    @Test
    void withoutAViewer_readsOneUser_andHasNoCard() {
        tenant("US", Optional.empty());

        ContextEvaluation evaluation = service.evaluate(TENANT, USER, Client.OFFICE_DESKTOP, Optional.empty());

        assertEquals(List.of("findTenant", "findUser"), reads);
        assertTrue(evaluation.decision().eligible());
        assertTrue(evaluation.card().isEmpty());
    }

    @Test
    void theCard_followsTheViewer_andTheSubjectsVisibility_whileTheDecisionIsTheSubjectsOwn() {
        tenant("US", Optional.of(new TenantSetting(IntegrationMode.SELECTED, "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", 2,
                NOW, "admin")));
        users.put(USER, user(Optional.empty(), false));
        users.put(VIEWER, new UserFacts(Set.of(), true, Optional.empty(), true, OfficePolicy.NOT_CONFIGURED, true));

        ContextEvaluation evaluation = service.evaluate(TENANT, USER, Client.PROFILE_CARD, Optional.of(VIEWER));

        assertEquals(Reason.NOT_SELECTED, evaluation.decision().reason(), "the subject is not selected");
        assertEquals(Reason.SUBJECT_HIDDEN, evaluation.card().orElseThrow().reason(),
                "the selection governs the viewer; the subject's visibility hides them");
        assertEquals(2, evaluation.freshness().settingVersion());
    }

    @Test
    void whenTheTenantDecides_noUserIsRead() {
        tenant("FR", Optional.empty());

        ContextEvaluation evaluation = service.evaluate(TENANT, USER, Client.PROFILE_CARD, Optional.of(VIEWER));

        assertEquals(List.of("findTenant"), reads);
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
}
