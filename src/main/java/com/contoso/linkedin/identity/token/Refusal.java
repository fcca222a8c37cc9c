package com.contoso.linkedin.identity.token;

/**
 * Why the authorizer refused a request: one fixed code per refusal, written to its log line.
 * Metrics count refusals by these names, so a code is never renamed or reused for another
 * meaning; new codes are added at the end.
 */
public enum Refusal {
    /** No Authorization header, or {@code Bearer} with nothing after it. */
    NO_TOKEN,
    /** An Authorization header of another scheme than {@code Bearer} (Basic, say). */
    NOT_BEARER,
    /** A token longer than {@link EntraTokenVerifier#MAX_TOKEN_CHARS}: refused before any parsing. */
    TOO_LARGE,
    /** Not a compact JWS with a JSON header and a JSON object as payload. */
    MALFORMED,
    /** Any {@code alg} but RS256 ({@code none}, HMAC, other RSA, EC, encryption...). */
    ALGORITHM,
    /** No {@code kid} in the header: the key must be chosen by it. */
    NO_KEY_ID,
    /** No key of that {@code kid} in the key set, even after the one re-read the interval allows. */
    UNKNOWN_KEY,
    /** The signature does not verify with the key of that {@code kid}. */
    BAD_SIGNATURE,
    /** {@code exp} is past, clock skew included. */
    EXPIRED,
    /** {@code nbf} is ahead, clock skew included. */
    NOT_YET_VALID,
    /** {@code ver} is not {@code 2.0} (a v1 token, or none). */
    VERSION,
    /** {@code iss} is not exactly the v2.0 issuer of the token's own {@code tid}. */
    ISSUER,
    /** {@code aud} is none of the configured audiences. */
    AUDIENCE,
    /** A claim the rules need is missing or of the wrong form ({@code exp}, {@code tid}, {@code oid}...). */
    CLAIMS,
    /** The key set could not be read (unreachable, error status, not a key set) and none is cached. */
    KEY_SET_UNAVAILABLE,
    /** The authorizer's settings are missing (no audiences) or invalid: it refuses everything. */
    NOT_CONFIGURED,
    /** The event is not an HTTP API authorizer event that can be read. */
    MALFORMED_EVENT,
    /** Anything unexpected: refused rather than let through or thrown. */
    INTERNAL
}
