package com.contoso.linkedin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Where the functions without Quarkus find a setting: as MicroProfile Config would. */
class ProcessSettingsTest {

    private static Optional<String> value(String key, Map<String, String> properties, Map<String, String> environment) {
        return ProcessSettings.value(key, properties::get, environment::get);
    }

    @Test
    void environmentNames_followMicroProfileConfig() {
        assertEquals("LINKEDIN_IDENTITY_JWKS_MIN_REFRESH", ProcessSettings.environmentName("linkedin.identity.jwks-min-refresh"));
        assertEquals("LINKEDIN_EVENTS_BUS_NAME", ProcessSettings.environmentName("linkedin.events.bus-name"));
    }

    @Test
    void theSystemProperty_winsOverTheEnvironment_andIsStripped() {
        assertEquals(Optional.of("property"), value("linkedin.events.bus-name",
                Map.of("linkedin.events.bus-name", " property "), Map.of("LINKEDIN_EVENTS_BUS_NAME", "environment")));
        assertEquals(Optional.of("environment"), value("linkedin.events.bus-name",
                Map.of(), Map.of("LINKEDIN_EVENTS_BUS_NAME", "environment")));
    }

    @Test
    void aBlankValue_countsAsNone() {
        assertEquals(Optional.of("environment"), value("linkedin.events.bus-name",
                Map.of("linkedin.events.bus-name", "  "), Map.of("LINKEDIN_EVENTS_BUS_NAME", "environment")));
        assertEquals(Optional.empty(), value("linkedin.events.bus-name", Map.of(), Map.of("LINKEDIN_EVENTS_BUS_NAME", "")));
        assertEquals(Optional.empty(), value("linkedin.events.bus-name", Map.of(), Map.of()));
    }
}
