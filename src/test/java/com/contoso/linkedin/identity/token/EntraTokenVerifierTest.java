package com.contoso.linkedin.identity.token;

import static com.contoso.linkedin.support.EntraTokens.AUDIENCE;
import static com.contoso.linkedin.support.EntraTokens.GLOBAL_ADMIN;
import static com.contoso.linkedin.support.EntraTokens.GLOBAL_READER;
import static com.contoso.linkedin.support.EntraTokens.appOnly;
import static com.contoso.linkedin.support.EntraTokens.claims;
import static com.contoso.linkedin.support.EntraTokens.delegated;
import static com.contoso.linkedin.support.EntraTokens.raw;
import static com.contoso.linkedin.support.EntraTokens.sign;
import static com.contoso.linkedin.support.EntraTokens.signPayload;
import static com.contoso.linkedin.support.EntraTokens.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.contoso.linkedin.support.EntraTokens;
import com.contoso.linkedin.support.KeySetServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

/**
 * SPEC section 5's token rules, one scenario per test, against a local key set: what passes hands
 * on exactly the right context; every bad token is refused with its cause.
 */
class EntraTokenVerifierTest {

    private static final String OPERATOR_TENANT = tenant();
    private static final String CUSTOMER_TENANT = tenant();
    private static final String THIRD_TENANT = tenant();

    private static RSAKey key;
    private static RSAKey otherKey;
    private static KeySetServer keySet;
    private static EntraTokenVerifier verifier;

    @BeforeAll
    static void keySetWithOneKey() throws Exception {
        key = EntraTokens.rsaKey("entra-key-1");
        otherKey = EntraTokens.rsaKey("entra-key-1"); // same kid, another key
        keySet = new KeySetServer(key);
        verifier = new EntraTokenVerifier(VerifierSettings.of(keySet.uri(), Set.of(AUDIENCE, "api://second-audience")));
    }

    @AfterAll
    static void stop() {
        keySet.close();
    }

    // ---- what passes ---------------------------------------------------------------------------

    @Test
    void token_passes_forTheProfileCardServiceOfTheOperatorTenant_asAppOnly() {
        Map<String, Object> claims = appOnly(OPERATOR_TENANT, "LinkedInEligibility.Check");

        Verdict verdict = verifier.verify(sign(key, claims));

        assertEquals(Map.of("tid", OPERATOR_TENANT, "oid", claims.get("oid"), "azp", claims.get("azp"), "idtyp", "app",
                "roles", "LinkedInEligibility.Check"), verdict.context(), "no scp, no wids: absent claims stay absent");
        assertTrue(verdict.isPassed());
    }

    @Test
    void token_passes_forAnAdminOfACustomerTenant_asDelegated_withScpAndWids() {
        Map<String, Object> claims = delegated(CUSTOMER_TENANT, "LinkedInIntegration.Manage User.Read", GLOBAL_ADMIN,
                GLOBAL_READER);

        Verdict verdict = verifier.verify(sign(key, claims));

        assertEquals(Map.of("tid", CUSTOMER_TENANT, "oid", claims.get("oid"), "azp", claims.get("azp"),
                "scp", "LinkedInIntegration.Manage User.Read", "wids", GLOBAL_ADMIN + " " + GLOBAL_READER), verdict.context());
    }

    @Test
    void token_passes_forAPipelineOfAThirdTenant_withItsRolesAsOneSpaceSeparatedString() {
        Map<String, Object> claims = appOnly(THIRD_TENANT, "LinkedInIntegration.ReadWrite", "Directory.Sync");
        claims.remove("idtyp"); // optional claim: an app registration may not ask for it

        Verdict verdict = verifier.verify(sign(key, claims));

        assertEquals(Map.of("tid", THIRD_TENANT, "oid", claims.get("oid"), "azp", claims.get("azp"),
                "roles", "LinkedInIntegration.ReadWrite Directory.Sync"), verdict.context());
    }

    @Test
    void token_passes_whenAudIsAListHoldingAnAcceptedOne() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("aud", List.of("api://someone-else", AUDIENCE));

        assertPasses(sign(key, claims));
    }

    @Test
    void token_passes_forTheSecondConfiguredAudience() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("aud", "api://second-audience");

        assertPasses(sign(key, claims));
    }

    @Test
    void token_passes_whenExpiredWithinTheClockSkew() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("exp", Instant.now().minus(Duration.ofMinutes(4)).getEpochSecond());

        assertPasses(sign(key, claims));
    }

    @Test
    void token_passes_whenNotBeforeIsAheadWithinTheClockSkew() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("nbf", Instant.now().plus(Duration.ofMinutes(4)).getEpochSecond());

        assertPasses(sign(key, claims));
    }

    @Test
    void token_passes_withoutNotBefore() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.remove("nbf");

        assertPasses(sign(key, claims));
    }

    // ---- algorithm and key -----------------------------------------------------------------------

    @Test
    void token_isRefused_whenAlgIsNone() {
        String unsigned = new PlainJWT(claimsSet(claims(CUSTOMER_TENANT))).serialize();

        assertRefused(Refusal.ALGORITHM, unsigned);
    }

    @Test
    void token_isRefused_whenAlgIsNoneWithAKidAndASignatureAppended() {
        String forged = raw("{\"alg\":\"none\",\"kid\":\"entra-key-1\"}", json(claims(CUSTOMER_TENANT)), "c2lnbmF0dXJl");

        assertRefused(Refusal.ALGORITHM, forged);
    }

    @Test
    void token_isRefused_whenSignedWithHs256UsingThePublicKey() throws Exception {
        // The classic confusion: a verifier that takes "alg" from the token would check this HMAC
        // with the public key's bytes, which everyone has.
        JWSObject hmac = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                new Payload(json(claims(CUSTOMER_TENANT))));
        hmac.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));

        assertRefused(Refusal.ALGORITHM, hmac.serialize());
    }

    @Test
    void token_isRefused_whenSignedWithRs384() {
        assertRefused(Refusal.ALGORITHM, sign(key, header(JWSAlgorithm.RS384), claims(CUSTOMER_TENANT)));
    }

    @Test
    void token_isRefused_whenSignedWithPs256() {
        assertRefused(Refusal.ALGORITHM, sign(key, header(JWSAlgorithm.PS256), claims(CUSTOMER_TENANT)));
    }

    @Test
    void token_isRefused_whenSignedWithEs256() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(),
                new Payload(json(claims(CUSTOMER_TENANT))));
        jws.sign(new ECDSASigner(ec));

        assertRefused(Refusal.ALGORITHM, jws.serialize());
    }

    @Test
    void token_isRefused_whenItsKidIsNotInTheKeySet() {
        RSAKey stranger = EntraTokens.rsaKey("kid-nobody-published");

        assertRefused(Refusal.UNKNOWN_KEY, sign(stranger, claims(CUSTOMER_TENANT)));
    }

    @Test
    void token_isRefused_whenItHasNoKid() {
        JWSHeader noKid = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build();

        assertRefused(Refusal.NO_KEY_ID, sign(key, noKid, claims(CUSTOMER_TENANT)));
    }

    @Test
    void token_isRefused_whenSignedByAnotherKeyUnderTheRightKid() {
        assertRefused(Refusal.BAD_SIGNATURE, sign(otherKey, claims(CUSTOMER_TENANT)));
    }

    @Test
    void token_isRefused_whenItsPayloadWasChangedAfterSigning() {
        String[] parts = sign(key, claims(CUSTOMER_TENANT)).split("\\.");
        Map<String, Object> elevated = claims(CUSTOMER_TENANT);
        elevated.put("wids", List.of(GLOBAL_ADMIN));
        String tampered = parts[0] + "." + com.nimbusds.jose.util.Base64URL.encode(json(elevated)) + "." + parts[2];

        assertRefused(Refusal.BAD_SIGNATURE, tampered);
    }

    @Test
    void token_isRefused_whenItsSignatureIsRemoved() {
        String[] parts = sign(key, claims(CUSTOMER_TENANT)).split("\\.");

        // nimbus refuses to parse an RS256 JWS whose signature part is empty
        assertRefused(Refusal.MALFORMED, parts[0] + "." + parts[1] + ".");
    }

    // ---- time ------------------------------------------------------------------------------------

    @Test
    void token_isRefused_whenExpiredBeyondTheClockSkew() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("exp", Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());

        assertRefused(Refusal.EXPIRED, sign(key, claims));
    }

    @Test
    void token_isRefused_whenNotBeforeIsAheadBeyondTheClockSkew() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("nbf", Instant.now().plus(Duration.ofMinutes(6)).getEpochSecond());

        assertRefused(Refusal.NOT_YET_VALID, sign(key, claims));
    }

    @Test
    void token_isRefused_whenItHasNoExpiry() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.remove("exp");

        assertRefused(Refusal.CLAIMS, sign(key, claims));
    }

    // ---- issuer, version, audience, ids ----------------------------------------------------------

    @Test
    void token_isRefused_whenIssuedByAnotherTenantThanItsTid() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("iss", "https://login.microsoftonline.com/" + THIRD_TENANT + "/v2.0");

        assertRefused(Refusal.ISSUER, sign(key, claims));
    }

    @Test
    void token_isRefused_whenItsIssuerHasATrailingSlash() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("iss", "https://login.microsoftonline.com/" + CUSTOMER_TENANT + "/v2.0/");

        assertRefused(Refusal.ISSUER, sign(key, claims));
    }

    @Test
    void token_isRefused_whenItsIssuerIsAnotherHost() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("iss", "https://login.evil.example/" + CUSTOMER_TENANT + "/v2.0");

        assertRefused(Refusal.ISSUER, sign(key, claims));
    }

    @Test
    void token_isRefused_whenItsIssuerNamesTheTenantInAnotherCase() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("iss", "https://login.microsoftonline.com/" + CUSTOMER_TENANT.toUpperCase() + "/v2.0");

        assertRefused(Refusal.ISSUER, sign(key, claims));
    }

    @Test
    void token_isRefused_whenItIsAV1Token() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("iss", "https://sts.windows.net/" + CUSTOMER_TENANT + "/");
        claims.put("ver", "1.0");

        assertRefused(Refusal.VERSION, sign(key, claims));
    }

    @Test
    void token_isRefused_whenVerIsMissing() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.remove("ver");

        assertRefused(Refusal.VERSION, sign(key, claims));
    }

    @Test
    void token_isRefused_whenVerIsANumber() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("ver", 2.0);

        assertRefused(Refusal.VERSION, sign(key, claims));
    }

    @Test
    void token_isRefused_whenItsAudienceIsAnotherApi() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("aud", "00000003-0000-0000-c000-000000000000"); // Microsoft Graph

        assertRefused(Refusal.AUDIENCE, sign(key, claims));
    }

    @Test
    void token_isRefused_whenItHasNoAudience() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.remove("aud");

        assertRefused(Refusal.AUDIENCE, sign(key, claims));
    }

    @Test
    void token_isRefused_whenItHasNoTid() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.remove("tid");

        assertRefused(Refusal.CLAIMS, sign(key, claims));
    }

    @Test
    void token_isRefused_whenItHasNoOid() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.remove("oid");

        assertRefused(Refusal.CLAIMS, sign(key, claims));
    }

    @Test
    void token_isRefused_whenItsTidIsNoGuid() {
        Map<String, Object> claims = claims("contoso.onmicrosoft.com");

        assertRefused(Refusal.CLAIMS, sign(key, claims));
    }

    @Test
    void token_isRefused_whenARoleClaimIsNeitherAStringNorAList() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("roles", Map.of("role", "Tenants.Operate"));

        assertRefused(Refusal.CLAIMS, sign(key, claims));
    }

    // ---- form ------------------------------------------------------------------------------------

    @Test
    void token_isRefused_whenItHasNotThreeParts() {
        String[] parts = sign(key, claims(CUSTOMER_TENANT)).split("\\.");

        assertRefused(Refusal.MALFORMED, parts[0] + "." + parts[1]);
    }

    @Test
    void token_isRefused_whenItsPartsAreNotBase64Url() {
        assertRefused(Refusal.MALFORMED, "%%%.***.!!!");
    }

    @Test
    void token_isRefused_whenSpelledOtherwiseThanItsOneBase64UrlForm() {
        String token = sign(key, claims(CUSTOMER_TENANT));
        String[] parts = token.split("\\.");
        String signature = parts[2];
        char last = signature.charAt(signature.length() - 1);
        // 256 signature bytes leave 4 unused bits in the last of 342 characters: set one of them.
        String lastBitsSet = signature.substring(0, signature.length() - 1)
                + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last) ^ 1);
        int middle = signature.length() / 2;

        assertPasses(token);
        for (String spelling : List.of(token + "!!!", token + "==", token + " x",
                parts[0] + "." + parts[1] + "." + signature.substring(0, middle) + "~" + signature.substring(middle),
                parts[0] + "." + parts[1] + "." + signature.substring(0, middle) + "\u3000" + signature.substring(middle),
                parts[0] + "." + parts[1] + "." + signature.replace('-', '+').replace('_', '/') + "+/",
                parts[0] + "=." + parts[1] + "." + signature,
                parts[0] + "." + parts[1] + "." + lastBitsSet)) {
            assertRefused(Refusal.MALFORMED, spelling);
        }
    }

    @Test
    void token_isRefused_whenItsHeaderIsNotJson() {
        assertRefused(Refusal.MALFORMED, com.nimbusds.jose.util.Base64URL.encode("alg=RS256") + "."
                + com.nimbusds.jose.util.Base64URL.encode(json(claims(CUSTOMER_TENANT))) + ".c2ln");
    }

    @Test
    void token_isRefused_whenItsPayloadIsJsonButNotAnObject() {
        assertRefused(Refusal.MALFORMED, signPayload(key, "[\"tid\",\"oid\"]"));
    }

    @Test
    void token_isRefused_whenItIsLargerThan16KiB_beforeAnyParsing() {
        Map<String, Object> claims = claims(CUSTOMER_TENANT);
        claims.put("padding", "x".repeat(20_000));
        int reads = keySet.reads();

        assertRefused(Refusal.TOO_LARGE, sign(key, claims));
        assertEquals(reads, keySet.reads(), "no key set read for a token refused unparsed");
    }

    @Test
    void token_isRefused_whenEmpty() {
        assertRefused(Refusal.NO_TOKEN, "");
    }

    @Test
    void everyToken_isRefused_whenNoAudienceIsConfigured() {
        EntraTokenVerifier unconfigured = new EntraTokenVerifier(VerifierSettings.of(keySet.uri(), Set.of()));

        assertEquals(Refusal.NOT_CONFIGURED, unconfigured.verify(sign(key, claims(CUSTOMER_TENANT))).refusal());
        assertEquals(Refusal.NOT_CONFIGURED,
                unconfigured.verify(sign(key, appOnly(OPERATOR_TENANT, "Tenants.Operate"))).refusal());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void assertPasses(String token) {
        Verdict verdict = verifier.verify(token);
        assertEquals(null, verdict.refusal(), "refused");
        assertTrue(verdict.isPassed());
    }

    private static void assertRefused(Refusal expected, String token) {
        Verdict verdict = verifier.verify(token);
        assertEquals(expected, verdict.refusal());
        assertEquals(Map.of(), verdict.context(), "a refusal hands nothing on");
    }

    private static JWSHeader header(JWSAlgorithm algorithm) {
        return new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
    }

    private static JWTClaimsSet claimsSet(Map<String, Object> claims) {
        try {
            return JWTClaimsSet.parse(claims);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> claims) {
        return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(new LinkedHashMap<>(claims));
    }
}
