package com.contoso.linkedin.identity.token;

import java.net.MalformedURLException;
import java.security.Key;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The Entra ID key set, read from {@code linkedin.identity.jwks-uri} and cached by nimbus for the
 * life of the function instance. Keys are chosen by {@code kid}, for RS256 only. No retries and
 * no outage tolerance: when the set cannot be read and none is cached, tokens are refused.
 */
final class EntraKeySet {

    /** Short: Lambda bills the wait, and API Gateway gives an authorizer 10 s in all. */
    static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    static final int READ_TIMEOUT_MILLIS = 2_000;
    /** The longest a whole read may take, whatever pace the bytes come at ({@link BoundedRetriever}). */
    static final int READ_BOUND_MILLIS = CONNECT_TIMEOUT_MILLIS + READ_TIMEOUT_MILLIS;
    /** Entra's common key set is ~20 KB; anything far larger is not a key set. */
    static final int SIZE_LIMIT_BYTES = 256 * 1024;

    private final OneReadPerInterval limiter;
    private final JWSVerificationKeySelector<SecurityContext> selector;
    private final JWKSource<SecurityContext> source;

    EntraKeySet(VerifierSettings settings) {
        long ttl = settings.jwksCacheTimeToLive().toMillis();
        BoundedRetriever retriever = new BoundedRetriever(CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, SIZE_LIMIT_BYTES,
                READ_BOUND_MILLIS);
        try {
            limiter = new OneReadPerInterval(new KeyByKeySetSource(settings.jwksUri().toURL(), retriever),
                    settings.jwksMinRefresh().toMillis(), ttl);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(VerifierSettings.JWKS_URI + " must be a URL");
        }
        // Refresh-ahead would read in a background thread, which Lambda freezes between
        // invocations; the one-per-interval limit is the limiter's (see OneReadPerInterval).
        source = JWKSourceBuilder.create(limiter)
                .cache(ttl, READ_BOUND_MILLIS) // a second caller waits for a read in progress
                .refreshAheadCache(false)
                .rateLimited(false)
                .retrying(false)
                .outageTolerant(false)
                .build();
        selector = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source);
    }

    /** The keys of the header's kid, RS256 only: empty when the set has none (after at most one re-read). */
    List<Key> keysFor(JWSHeader header) throws KeySourceException {
        return selector.selectJWSKeys(header, null);
    }

    /** Reads the set now (at start-up, so that the first request does not wait for it). */
    void load() throws KeySourceException {
        source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    }

    /**
     * A key source failure as a refusal: a re-read refused by the limit while a read set is
     * cached means the kid is unknown; anything else means no usable key set.
     */
    Refusal refusalFor(KeySourceException failure) {
        boolean cached = limiter.holdsKeys(System.currentTimeMillis());
        return failure instanceof RateLimitReachedException && cached ? Refusal.UNKNOWN_KEY : Refusal.KEY_SET_UNAVAILABLE;
    }

    int reads() {
        return limiter.reads();
    }
}
