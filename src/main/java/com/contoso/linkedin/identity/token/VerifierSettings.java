package com.contoso.linkedin.identity.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.contoso.linkedin.config.ProcessSettings;

/**
 * The authorizer's settings (SPEC section 5). Read without Quarkus, which the authorizer does not
 * start, where {@link ProcessSettings} finds them: a Java system property of the key's name, else
 * the environment variable MicroProfile Config would read ({@code LINKEDIN_IDENTITY_JWKS_URI}).
 * A value that cannot be used throws {@link IllegalArgumentException} naming the key (never the
 * value): the handler then refuses everything rather than guess.
 *
 * @param jwksUri where the Entra ID key set is read
 * @param audiences accepted {@code aud} values; empty: nothing passes
 * @param jwksMinRefresh the least time between two reads of the key set, whatever asks for them
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 */
public record VerifierSettings(URI jwksUri, Set<String> audiences, Duration jwksMinRefresh, Duration clockSkew) {

    public static final String JWKS_URI = "linkedin.identity.jwks-uri";
    public static final String AUDIENCES = "linkedin.identity.audiences";
    public static final String JWKS_MIN_REFRESH = "linkedin.identity.jwks-min-refresh";
    public static final String CLOCK_SKEW = "linkedin.identity.clock-skew";
    /** Every key the authorizer reads; infra sets them as environment variables (infra tests: AuthorizerDriftTest). */
    public static final List<String> KEYS = List.of(JWKS_URI, AUDIENCES, JWKS_MIN_REFRESH, CLOCK_SKEW);

    /** The key set of every Entra ID tenant: tokens of any tenant are signed by its keys. */
    public static final URI DEFAULT_JWKS_URI = URI.create("https://login.microsoftonline.com/common/discovery/v2.0/keys");
    public static final Duration DEFAULT_JWKS_MIN_REFRESH = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

    /** A key set read once a day at least: a longer interval would keep rotated-out keys too long. */
    private static final Duration MAX_MIN_REFRESH = Duration.ofDays(1);
    /** More skew than this would accept tokens long expired: a setting that large is a mistake. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofHours(1);
    /** The cache keeps a set at least this long; rotation is signalled by an unknown kid anyway. */
    private static final Duration MIN_CACHE_TIME_TO_LIVE = Duration.ofHours(1);

    public VerifierSettings {
        requireUsableKeySetUri(jwksUri);
        audiences = Set.copyOf(audiences);
        if (jwksMinRefresh == null || jwksMinRefresh.isNegative() || jwksMinRefresh.isZero()
                || jwksMinRefresh.compareTo(MAX_MIN_REFRESH) > 0) {
            throw new IllegalArgumentException(JWKS_MIN_REFRESH + " must be a duration above zero and at most " + MAX_MIN_REFRESH);
        }
        if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException(CLOCK_SKEW + " must be a duration from zero to " + MAX_CLOCK_SKEW);
        }
    }

    /** Settings for tests and tools: the given key set and audiences, the defaults otherwise. */
    public static VerifierSettings of(URI jwksUri, Set<String> audiences) {
        return new VerifierSettings(jwksUri, audiences, DEFAULT_JWKS_MIN_REFRESH, DEFAULT_CLOCK_SKEW);
    }

    /** The settings of this process: system properties, then environment variables. */
    public static VerifierSettings fromEnvironment() {
        return read(System::getProperty, System::getenv);
    }

    /** The settings as {@code properties} (by key) and {@code environment} (by variable name) give them. */
    public static VerifierSettings read(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        Function<String, Optional<String>> value = key -> ProcessSettings.value(key, properties, environment);
        return new VerifierSettings(value.apply(JWKS_URI).map(VerifierSettings::parseUri).orElse(DEFAULT_JWKS_URI),
                value.apply(AUDIENCES).map(VerifierSettings::splitList).orElse(Set.of()),
                value.apply(JWKS_MIN_REFRESH).map(text -> duration(JWKS_MIN_REFRESH, text)).orElse(DEFAULT_JWKS_MIN_REFRESH),
                value.apply(CLOCK_SKEW).map(text -> duration(CLOCK_SKEW, text)).orElse(DEFAULT_CLOCK_SKEW));
    }

    /** How long a read key set is used: longer than the min refresh, or the limit would never let a re-read happen. */
    public Duration jwksCacheTimeToLive() {
        Duration twice = jwksMinRefresh.multipliedBy(2);
        return twice.compareTo(MIN_CACHE_TIME_TO_LIVE) > 0 ? twice : MIN_CACHE_TIME_TO_LIVE;
    }

    private static Set<String> splitList(String list) {
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(item -> !item.isEmpty()).forEach(items::add);
        return items;
    }

    private static Duration duration(String key, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT5M");
        }
    }

    private static URI parseUri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(JWKS_URI + " must be a URL");
        }
    }

    /**
     * Keys read over plain HTTP could be swapped on the way: only https, or http to this machine
     * itself (tests, local runs).
     */
    private static void requireUsableKeySetUri(URI uri) {
        if (uri == null || uri.getHost() == null) {
            throw new IllegalArgumentException(JWKS_URI + " must be an absolute https URL");
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        boolean loopback = Set.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException(JWKS_URI + " must be an https URL (http only to the loopback address)");
        }
    }
}
