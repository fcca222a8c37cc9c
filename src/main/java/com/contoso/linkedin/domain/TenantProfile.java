package com.contoso.linkedin.domain;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tenant record the platform operator writes: where the tenant lives and whether the
 * integration has reached it.
 */
public record TenantProfile(Cloud cloud, String countryCode, boolean rolledOut, boolean usersCanConsentToApps) {

    /** Tenants provisioned in these countries start with the integration off. */
    private static final Set<String> DEFAULT_OFF_COUNTRIES = Set.of("DE", "FR");
    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    public TenantProfile {
        Objects.requireNonNull(cloud, "cloud");
        if (countryCode == null || !ALPHA_2.matcher(countryCode).matches()) {
            throw new InvalidInputException("countryCode must be an ISO 3166-1 alpha-2 code in upper case, such as US");
        }
    }

    /** The mode that applies while no admin has written the setting. */
    public IntegrationMode defaultMode() {
        return DEFAULT_OFF_COUNTRIES.contains(countryCode) ? IntegrationMode.DISABLED : IntegrationMode.ENABLED;
    }
}
