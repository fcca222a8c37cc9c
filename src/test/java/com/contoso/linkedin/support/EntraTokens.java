package com.contoso.linkedin.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens shaped like Entra ID v2.0 ones, signed with test RSA keys by nimbus-jose-jwt; every
 * claim can be changed or removed to make a bad one.
 */
public final class EntraTokens {

    public static final String AUDIENCE = "api://linkedin-integration-test";
    /** Global Administrator and Global Reader directory role template ids. */
    public static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
    public static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

    private EntraTokens() {
    }

    /** A 2048-bit RSA signing key with this kid (as Entra's keys are). */
    public static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a valid token of this tenant, an hour from expiry. */
    public static Map<String, Object> claims(String tenant) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", AUDIENCE);
        claims.put("iss", "https://login.microsoftonline.com/" + tenant + "/v2.0");
        claims.put("iat", now.minusSeconds(60).getEpochSecond());
        claims.put("nbf", now.minusSeconds(60).getEpochSecond());
        claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
        claims.put("tid", tenant);
        claims.put("oid", UUID.randomUUID().toString());
        claims.put("azp", UUID.randomUUID().toString());
        claims.put("ver", "2.0");
        return claims;
    }

    /** An app-only token: roles, idtyp app, no scp. */
    public static Map<String, Object> appOnly(String tenant, String... roles) {
        Map<String, Object> claims = claims(tenant);
        claims.put("idtyp", "app");
        claims.put("roles", List.of(roles));
        return claims;
    }

    /** A delegated token: scp, the user's directory roles. */
    public static Map<String, Object> delegated(String tenant, String scopes, String... wids) {
        Map<String, Object> claims = claims(tenant);
        claims.put("scp", scopes);
        if (wids.length > 0) {
            claims.put("wids", List.of(wids));
        }
        return claims;
    }

    /** Signed RS256 with the key, its kid in the header, typ JWT: what Entra ID issues. */
    public static String sign(RSAKey key, Map<String, Object> claims) {
        return sign(key, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
    }

    public static String sign(RSAKey key, JWSHeader header, Map<String, Object> claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWS of any payload text (not necessarily a JSON object), signed with the key. */
    public static String signPayload(RSAKey key, String payload) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new Payload(payload));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** header.payload.signature from raw JSON texts (base64url-encoded here), for malformed tokens. */
    public static String raw(String headerJson, String payloadJson, String signature) {
        return Base64URL.encode(headerJson) + "." + Base64URL.encode(payloadJson) + "." + signature;
    }

    /** A new random GUID as a tenant id. */
    public static String tenant() {
        return UUID.randomUUID().toString();
    }
}
