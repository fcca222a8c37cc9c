package com.contoso.linkedin.config;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The settings of the functions that do not start Quarkus (the authorizer, the stream handler),
 * found where MicroProfile Config would find them: a Java system property of the key's name,
 * else the environment variable of the key in upper snake case
 * ({@code linkedin.identity.jwks-uri} -> {@code LINKEDIN_IDENTITY_JWKS_URI}). A blank value counts
 * as none. Plain Java on purpose: both functions deploy alone (authorizer.zip, stream.zip).
 */
public final class ProcessSettings {

    private ProcessSettings() {
    }

    /** This process's value of {@code key}. */
    public static Optional<String> value(String key) {
        return value(key, System::getProperty, System::getenv);
    }

    /** The value of {@code key} as {@code properties} (by key) and {@code environment} (by variable name) give it. */
    public static Optional<String> value(String key, UnaryOperator<String> properties, UnaryOperator<String> environment) {
        return nonBlank(properties.apply(key)).or(() -> nonBlank(environment.apply(environmentName(key))));
    }

    /** The environment variable MicroProfile Config reads for {@code key}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
