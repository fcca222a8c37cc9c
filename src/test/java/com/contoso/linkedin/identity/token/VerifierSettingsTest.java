package com.contoso.linkedin.identity.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The authorizer's settings, read as MicroProfile Config would name them, and refused when unusable. */
class VerifierSettingsTest {

    private static VerifierSettings read(Map<String, String> properties, Map<String, String> environment) {
        return VerifierSettings.read(properties::get, environment::get);
    }

    @Test
    void settings_haveSpecDefaults_andNoAudience() {
        VerifierSettings settings = read(Map.of(), Map.of());

        assertEquals(URI.create("https://login.microsoftonline.com/common/discovery/v2.0/keys"), settings.jwksUri());
        assertEquals(Set.of(), settings.audiences(), "no default: nothing passes until it is set");
        assertEquals(Duration.ofMinutes(5), settings.jwksMinRefresh());
        assertEquals(Duration.ofMinutes(5), settings.clockSkew());
    }

    @Test
    void settings_areReadFromTheEnvironmentNamesOfMicroProfileConfig() {
        VerifierSettings settings = read(Map.of(), Map.of(
                "LINKEDIN_IDENTITY_JWKS_URI", "https://login.example/keys",
                "LINKEDIN_IDENTITY_AUDIENCES", " api://one , two,,",
                "LINKEDIN_IDENTITY_JWKS_MIN_REFRESH", "PT1M",
                "LINKEDIN_IDENTITY_CLOCK_SKEW", "PT30S"));

        assertEquals(URI.create("https://login.example/keys"), settings.jwksUri());
        assertEquals(Set.of("api://one", "two"), settings.audiences());
        assertEquals(Duration.ofMinutes(1), settings.jwksMinRefresh());
        assertEquals(Duration.ofSeconds(30), settings.clockSkew());
    }

    @Test
    void aSystemProperty_winsOverTheEnvironment() {
        VerifierSettings settings = read(Map.of("linkedin.identity.audiences", "from-property"),
                Map.of("LINKEDIN_IDENTITY_AUDIENCES", "from-environment"));

        assertEquals(Set.of("from-property"), settings.audiences());
    }

    @Test
    void cacheTimeToLive_isAnHour_orTwiceTheMinRefresh_alwaysLongerThanIt() {
        VerifierSettings usual = read(Map.of(), Map.of());
        VerifierSettings slow = read(Map.of("linkedin.identity.jwks-min-refresh", "PT2H"), Map.of());

        assertEquals(Duration.ofHours(1), usual.jwksCacheTimeToLive());
        assertEquals(Duration.ofHours(4), slow.jwksCacheTimeToLive());
        assertTrue(usual.jwksCacheTimeToLive().compareTo(usual.jwksMinRefresh()) > 0);
    }

    @Test
    void aDurationThatIsNotIso8601_isRefused_namingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of(), Map.of("LINKEDIN_IDENTITY_CLOCK_SKEW", "5 minutes")));

        assertTrue(e.getMessage().contains("linkedin.identity.clock-skew"), e.getMessage());
        assertFalse(e.getMessage().contains("5 minutes"), "the value is not repeated");
    }

    @Test
    void aZeroOrNegativeMinRefresh_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("linkedin.identity.jwks-min-refresh", "PT0S"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("linkedin.identity.jwks-min-refresh", "-PT1M"), Map.of()));
    }

    @Test
    void aNegativeOrHugeClockSkew_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("linkedin.identity.clock-skew", "-PT1S"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("linkedin.identity.clock-skew", "P1D"), Map.of()));
    }

    @Test
    void aKeySetOverPlainHttp_isRefused_exceptOnTheLoopback() {
        assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("linkedin.identity.jwks-uri", "http://login.microsoftonline.com/common/discovery/v2.0/keys"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("linkedin.identity.jwks-uri", "not a url"), Map.of()));
        assertEquals(URI.create("http://127.0.0.1:8123/keys"),
                read(Map.of("linkedin.identity.jwks-uri", "http://127.0.0.1:8123/keys"), Map.of()).jwksUri());
    }
}
