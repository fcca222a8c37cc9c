package com.contoso.linkedin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The settings start-up refuses, read as MicroProfile Config reads them, without Quarkus. */
class SettingsCheckTest {

    @Test
    void theDefaults_andTheEdgesThatMeanSomething_pass() {
        assertEquals(List.of(), SettingsCheck.refused(config(Map.of())));
        assertEquals(List.of(), SettingsCheck.refused(config(Map.of("linkedin.tenant-cache.max-staleness", "PT0S",
                "linkedin.priming.timeout", "PT0S", "linkedin.metrics.flush-interval", "PT0S",
                "linkedin.offboarding.audit-retention", "PT0S"))));
    }

    @Test
    void settingsNoFunctionCanRunWith_areEachNamed() {
        List<String> refused = SettingsCheck.refused(config(Map.of(
                "linkedin.tenant-cache.max-staleness", "-PT1S",
                "linkedin.tenant-cache.max-entries", "0",
                "linkedin.priming.timeout", "-PT1S",
                "linkedin.store.batch-attempts", "0",
                "linkedin.store.retry-after-seconds", "-1",
                "linkedin.store.answer-margin", "-PT1S",
                "linkedin.offboarding.page-size", "0",
                "linkedin.offboarding.audit-retention", "-P1D")));

        assertEquals(8, refused.size(), refused::toString);
        assertTrue(refused.get(0).startsWith("linkedin.tenant-cache.max-staleness must not be negative"), refused::toString);
    }

    @Test
    void identitySettingsThatAreNoGuids_areTold_andUnsetOnesAreNot() {
        assertEquals(List.of(), SettingsCheck.misreadIdentity(config(Map.of()).identity()));
        assertEquals(List.of(), SettingsCheck.misreadIdentity(config(Map.of(
                "linkedin.identity.operator-tenant-id", " 00000000-0000-0000-0000-0000000000AA ",
                "linkedin.identity.trusted-client-ids", "00000000-0000-0000-0000-0000000000c1, 00000000-0000-0000-0000-0000000000c2"))
                .identity()));

        List<String> misread = SettingsCheck.misreadIdentity(config(Map.of(
                "linkedin.identity.operator-tenant-id", "contoso.onmicrosoft.com",
                "linkedin.identity.trusted-client-ids", "00000000-0000-0000-0000-0000000000c1;00000000-0000-0000-0000-0000000000c2"))
                .identity());

        assertEquals(2, misread.size(), misread::toString);
        assertTrue(misread.get(0).startsWith("linkedin.identity.operator-tenant-id"), misread::toString);
        assertTrue(misread.get(1).startsWith("linkedin.identity.trusted-client-ids"), misread::toString);
    }

    private static LinkedInConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(LinkedInConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()
                .getConfigMapping(LinkedInConfig.class);
    }
}
