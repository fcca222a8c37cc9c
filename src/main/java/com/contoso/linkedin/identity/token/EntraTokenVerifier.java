package com.contoso.linkedin.identity.token;

import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Verifies an Entra ID access token of any tenant as SPEC section 5 says: a JWS signed with RS256
 * by the key of its {@code kid} in the Entra ID key set, then the v2.0 claim rules
 * ({@link EntraClaims}). Every failure is a {@link Verdict} with its {@link Refusal}; nothing is
 * thrown. Parsing, keys and signatures are nimbus-jose-jwt's; the key set is read and cached once
 * per instance ({@link EntraKeySet}). Thread-safe.
 */
public final class EntraTokenVerifier {

    /** Entra access tokens are 1-3 KB; a far larger one is refused before it is parsed. */
    public static final int MAX_TOKEN_CHARS = 16 * 1024;
    /**
     * JWS compact serialization: three base64url parts without padding (RFC 7515 section 7.1).
     * nimbus' decoder skips characters outside that alphabet, so without this one token would have
     * many spellings that pass (an API Gateway cache key, a block list, each sees another token).
     */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    /** The longest one read of the key set may take (connect and read timeouts): infra's timeout is above it. */
    public static final Duration KEY_SET_READ_BOUND = Duration.ofMillis(EntraKeySet.READ_BOUND_MILLIS);

    private final VerifierSettings settings;
    private final EntraKeySet keys;
    private final EntraClaims rules;
    private final Clock clock;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    public EntraTokenVerifier(VerifierSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With a clock of the test's own for {@code exp} and {@code nbf} (the key set's cache keeps real time). */
    public EntraTokenVerifier(VerifierSettings settings, Clock clock) {
        this.settings = settings;
        this.keys = new EntraKeySet(settings);
        this.rules = new EntraClaims(settings.audiences(), settings.clockSkew());
        this.clock = clock;
    }

    /** The verifier of this process's settings; throws IllegalArgumentException naming a setting that is wrong. */
    public static EntraTokenVerifier fromEnvironment() {
        return new EntraTokenVerifier(VerifierSettings.fromEnvironment());
    }

    public VerifierSettings settings() {
        return settings;
    }

    /** Whether any token can pass: without audiences, none can. */
    public boolean isConfigured() {
        return !settings.audiences().isEmpty();
    }

    /**
     * Reads the key set ahead of the first token (in Lambda's init phase). Returns null on
     * success, else why the set could not be read; the cache then stays empty and the next token
     * reads it once the interval allows.
     */
    public Refusal loadKeys() {
        try {
            keys.load();
            return null;
        } catch (KeySourceException e) {
            return Refusal.KEY_SET_UNAVAILABLE;
        }
    }

    /** Reads of the key set attempted so far. */
    public int keySetReads() {
        return keys.reads();
    }

    /** The raw token (without "Bearer "). */
    public Verdict verify(String token) {
        if (!isConfigured()) {
            return Verdict.refused(Refusal.NOT_CONFIGURED);
        }
        if (token == null || token.isBlank()) {
            return Verdict.refused(Refusal.NO_TOKEN);
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            return Verdict.refused(Refusal.TOO_LARGE);
        }
        // The algorithm first, from the header alone: none, HMAC, another RSA or EC algorithm or
        // an encrypted token is ALGORITHM whatever the rest looks like.
        Algorithm algorithm;
        try {
            int dot = token.indexOf('.');
            algorithm = Header.parse(new Base64URL(dot < 0 ? token : token.substring(0, dot))).getAlgorithm();
        } catch (ParseException | RuntimeException e) {
            return Verdict.refused(Refusal.MALFORMED);
        }
        if (!JWSAlgorithm.RS256.equals(algorithm)) {
            return Verdict.refused(Refusal.ALGORITHM);
        }
        if (!COMPACT_JWS.matcher(token).matches()) {
            return Verdict.refused(Refusal.MALFORMED);
        }
        SignedJWT jws;
        JWTClaimsSet claims;
        try {
            jws = SignedJWT.parse(token);
            claims = jws.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return Verdict.refused(Refusal.MALFORMED);
        }
        if (!Base64URL.encode(jws.getSignature().decode()).toString().equals(jws.getSignature().toString())) {
            // The last character's unused bits set: another spelling of the same signature.
            return Verdict.refused(Refusal.MALFORMED);
        }
        JWSHeader header = jws.getHeader();
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            return Verdict.refused(Refusal.NO_KEY_ID);
        }
        Refusal signature = checkSignature(jws);
        if (signature != null) {
            return Verdict.refused(signature);
        }
        Refusal claimRule = rules.check(claims, clock.instant());
        if (claimRule != null) {
            return Verdict.refused(claimRule);
        }
        Map<String, String> context = rules.context(claims);
        return context == null ? Verdict.refused(Refusal.CLAIMS) : Verdict.passed(context);
    }

    /** Null when a key of the header's kid verifies the signature. */
    private Refusal checkSignature(SignedJWT jws) {
        List<Key> candidates;
        try {
            candidates = keys.keysFor(jws.getHeader());
        } catch (KeySourceException e) {
            return keys.refusalFor(e);
        }
        if (candidates.isEmpty()) {
            return Refusal.UNKNOWN_KEY;
        }
        for (Key key : candidates) {
            try {
                if (jws.verify(verifiers.createJWSVerifier(jws.getHeader(), key))) {
                    return null;
                }
            } catch (JOSEException | RuntimeException e) {
                // a key that cannot verify this header (wrong type, too short): try the next
            }
        }
        return Refusal.BAD_SIGNATURE;
    }
}
