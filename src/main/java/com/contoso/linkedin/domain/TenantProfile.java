package com.contoso.linkedin.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tenant record the platform operator writes: where the tenant lives and whether the
 * integration has reached it.
 */
public record TenantProfile(Cloud cloud, String countryCode, boolean rolledOut, boolean usersCanConsentToApps) {

    /** Tenants provisioned in these countries start with the integration off. */
    private static final Set<String> DEFAULT_OFF_COUNTRIES = Set.of("DE", "FR");
    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");
    /** Made on the first write, not at start-up (the JDK's list takes milliseconds to build in a new JVM). */
    private static volatile Set<String> assigned;

    /** Any record as stored: two upper-case letters, so a code refused today still reads and can be replaced. */
    public TenantProfile {
        Objects.requireNonNull(cloud, "cloud");
        if (countryCode == null || !ALPHA_2.matcher(countryCode).matches()) {
            throw new InvalidInputException("countryCode must be an ISO 3166-1 alpha-2 code in upper case, such as US");
        }
    }

    /** The record an operator writes: its country one that ISO 3166-1 assigns (or XK). */
    public static TenantProfile written(Cloud cloud, String countryCode, boolean rolledOut, boolean usersCanConsentToApps) {
        if (countryCode != null && !assigned().contains(countryCode)) {
            throw new InvalidInputException("countryCode must be an assigned ISO 3166-1 alpha-2 code in upper case, such as US");
        }
        return new TenantProfile(cloud, countryCode, rolledOut, usersCanConsentToApps);
    }

    /**
     * The codes ISO 3166-1 alpha-2 assigns (as the JDK lists them: not the reserved UK or EU), and XK,
     * which ISO leaves to users and Entra ID gives Kosovo.
     */
    private static Set<String> assigned() {
        Set<String> codes = assigned;
        if (codes == null) {
            codes = Stream.concat(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream(), Stream.of("XK"))
                    .collect(Collectors.toUnmodifiableSet());
            assigned = codes; // two first writes may both build it: the same set
        }
        return codes;
    }

    /** The mode that applies while no admin has written the setting. */
    public IntegrationMode defaultMode() {
        return DEFAULT_OFF_COUNTRIES.contains(countryCode) ? IntegrationMode.DISABLED : IntegrationMode.ENABLED;
    }
}
