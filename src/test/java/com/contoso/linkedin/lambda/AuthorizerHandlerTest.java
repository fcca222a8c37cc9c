package com.contoso.linkedin.lambda;

import static com.contoso.linkedin.support.EntraTokens.AUDIENCE;
import static com.contoso.linkedin.support.EntraTokens.GLOBAL_ADMIN;
import static com.contoso.linkedin.support.EntraTokens.appOnly;
import static com.contoso.linkedin.support.EntraTokens.claims;
import static com.contoso.linkedin.support.EntraTokens.delegated;
import static com.contoso.linkedin.support.EntraTokens.sign;
import static com.contoso.linkedin.support.EntraTokens.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import com.amazonaws.services.lambda.runtime.Context;
import com.contoso.linkedin.identity.token.EntraTokenVerifier;
import com.contoso.linkedin.identity.token.VerifierSettings;
import com.contoso.linkedin.support.EntraTokens;
import com.contoso.linkedin.support.KeySetServer;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The authorizer as API Gateway calls it: real HTTP API authorizer events (payload 2.0) through
 * {@code handleRequest}, simple responses parsed back; one log line per refusal.
 */
@Isolated // swaps System.out and system properties: nothing may run beside it
class AuthorizerHandlerTest {

    private static final String TENANT = tenant();

    private static RSAKey key;
    private static KeySetServer keySet;
    private static EntraTokenVerifier verifier;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    @BeforeAll
    static void keySet() throws IOException {
        key = EntraTokens.rsaKey("handler-key");
        keySet = new KeySetServer(key);
        verifier = new EntraTokenVerifier(VerifierSettings.of(keySet.uri(), Set.of(AUDIENCE)));
    }

    @AfterAll
    static void stop() {
        keySet.close();
    }

    @Test
    void handler_authorizes_aValidBearerToken_andHandsOnTheCallersContext() throws Exception {
        Map<String, Object> claims = delegated(TENANT, "LinkedInIntegration.Manage", GLOBAL_ADMIN);

        Map<String, Object> answer = call(handler(verifier), event("Bearer " + sign(key, claims)));

        assertEquals(Map.of("isAuthorized", true, "context", Map.of("tid", TENANT, "oid", claims.get("oid"),
                "azp", claims.get("azp"), "scp", "LinkedInIntegration.Manage", "wids", GLOBAL_ADMIN)), answer);
        assertEquals("", logged(), "nothing is logged for a token that passes");
    }

    @Test
    void handler_readsTheHeaderName_andTheScheme_withoutCase() throws Exception {
        String event = event("bEaReR " + sign(key, appOnly(TENANT, "Directory.Sync"))).replace("\"authorization\"",
                "\"Authorization\"");

        Map<String, Object> answer = call(handler(verifier), event);

        assertEquals(true, answer.get("isAuthorized"));
        assertEquals("Directory.Sync", ((Map<?, ?>) answer.get("context")).get("roles"));
    }

    @Test
    void handler_takesTheFirstIdentitySource_whenTheHeadersHaveNoAuthorization() throws Exception {
        String token = sign(key, claims(TENANT));
        String event = "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":\"arn:aws:execute-api:eu-west-1:123456789012:abc/$default/GET/x\","
                + "\"identitySource\":[\"Bearer " + token + "\"],\"headers\":{\"host\":\"api.example.com\"}}";

        assertEquals(true, call(handler(verifier), event).get("isAuthorized"));
    }

    @Test
    void handler_refuses_aBasicAuthorization() throws Exception {
        assertRefused("NOT_BEARER", event("Basic dXNlcjpwYXNzd29yZA=="));
    }

    @Test
    void handler_refuses_anEventWithoutAuthorization() throws Exception {
        String event = event("unused").replace("\"authorization\":\"unused\",", "").replace("\"identitySource\":[\"unused\"],", "");

        assertRefused("NO_TOKEN", event);
    }

    @Test
    void handler_refuses_aBearerWithoutToken() throws Exception {
        assertRefused("NO_TOKEN", event("Bearer "));
    }

    @Test
    void handler_refuses_anExpiredToken_withOneLogLineThatNamesTheCauseAndTheRequest_butNoTokenOrClaim() throws Exception {
        Map<String, Object> claims = claims(TENANT);
        claims.put("exp", java.time.Instant.now().minusSeconds(3600).getEpochSecond());
        String token = sign(key, claims);

        assertRefused("EXPIRED", event("Bearer " + token));

        String line = logged().strip();
        assertEquals(1, line.lines().count(), line);
        Map<String, Object> json = JSONObjectUtils.parse(line);
        assertEquals("EXPIRED", json.get("cause"));
        assertEquals("request-42", json.get("requestId"));
        assertFalse(line.contains(token.substring(0, 20)) || line.contains(TENANT) || line.contains((String) claims.get("oid")),
                "no token or claim in the log: " + line);
    }

    @Test
    void handler_refuses_anEventThatIsNotJson_withoutThrowing() throws Exception {
        assertRefused("MALFORMED_EVENT", "not json at all");
    }

    @Test
    void handler_refuses_anEmptyEvent_withoutThrowing() throws Exception {
        assertRefused("MALFORMED_EVENT", "");
    }

    @Test
    void handler_refuses_theEventNull_asMalformed_notAsItsOwnFault() throws Exception {
        assertRefused("MALFORMED_EVENT", "null");
    }

    @Test
    void handler_refuses_anEventWithHeadersOfTheWrongShape() throws Exception {
        assertRefused("NO_TOKEN", "{\"headers\":[\"authorization\"],\"identitySource\":\"Bearer x\"}");
    }

    @Test
    void handler_refusesEverything_withoutThrowing_whenTheKeySetIsUnreachable() throws Exception {
        EntraTokenVerifier unreachable = new EntraTokenVerifier(VerifierSettings.of(KeySetServer.unreachable(), Set.of(AUDIENCE)));

        Map<String, Object> answer = call(handler(unreachable), event("Bearer " + sign(key, claims(TENANT))));

        assertEquals(Map.of("isAuthorized", false), answer);
        assertEquals("KEY_SET_UNAVAILABLE", JSONObjectUtils.parse(logged().strip()).get("cause"));
    }

    @Test
    void handler_refusesEverything_whenTheKeySetAnswers500_orNoJson() throws Exception {
        try (KeySetServer failing = new KeySetServer(key)) {
            for (KeySetServer.Answer answer : List.of(KeySetServer.Answer.ERROR_500, KeySetServer.Answer.NOT_JSON)) {
                failing.answer(answer);
                EntraTokenVerifier broken = new EntraTokenVerifier(VerifierSettings.of(failing.uri(), Set.of(AUDIENCE)));

                assertEquals(Map.of("isAuthorized", false), call(handler(broken), event("Bearer " + sign(key, claims(TENANT)))),
                        answer.name());
            }
        }
    }

    @Test
    void handler_refusesEverything_whenItsSettingsAreUnusable() throws Exception {
        assertEquals(Map.of("isAuthorized", false), call(handler(null), event("Bearer " + sign(key, claims(TENANT)))));
        assertEquals("NOT_CONFIGURED", JSONObjectUtils.parse(logged().strip()).get("cause"));
    }

    @Test
    void handler_builtByLambda_readsItsSettingsFromTheEnvironment_andStillStartsWithABadOne() throws Exception {
        String token = sign(key, claims(TENANT));
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
            System.setProperty("linkedin.identity.jwks-uri", keySet.uri().toString());
            System.setProperty("linkedin.identity.audiences", "api://other," + AUDIENCE);
            assertEquals(true, call(new AuthorizerHandler(), event("Bearer " + token)).get("isAuthorized"));

            System.setProperty("linkedin.identity.clock-skew", "five minutes");
            AuthorizerHandler misconfigured = new AuthorizerHandler();
            assertTrue(logged().contains("linkedin.identity.clock-skew"), "the bad setting is named: " + logged());
            assertEquals(Map.of("isAuthorized", false), call(misconfigured, event("Bearer " + token)));
        } finally {
            System.setOut(out);
            System.clearProperty("linkedin.identity.jwks-uri");
            System.clearProperty("linkedin.identity.audiences");
            System.clearProperty("linkedin.identity.clock-skew");
        }
    }

    @Test
    void handler_builtByLambda_withoutAudiences_refusesEverything() throws Exception {
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
            System.setProperty("linkedin.identity.jwks-uri", keySet.uri().toString());

            assertEquals(Map.of("isAuthorized", false), call(new AuthorizerHandler(), event("Bearer " + sign(key, claims(TENANT)))));
            assertTrue(logged().contains("NOT_CONFIGURED"), logged());
        } finally {
            System.setOut(out);
            System.clearProperty("linkedin.identity.jwks-uri");
        }
    }

    @Test
    void handler_neverThrows_evenWhenTheInputFails() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        handler(verifier).handleRequest(failing, output, context());

        assertEquals("{\"isAuthorized\":false}", output.toString(StandardCharsets.UTF_8));
        assertTrue(logged().contains("INTERNAL"), logged());
    }

    @Test
    void handler_neverThrows_evenWhenTheOutputFails() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("closed");
            }
        };

        handler(verifier).handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), failing, null);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private AuthorizerHandler handler(EntraTokenVerifier with) {
        return new AuthorizerHandler(with, new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    private String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    private void assertRefused(String cause, String event) throws Exception {
        assertEquals(Map.of("isAuthorized", false), call(handler(verifier), event));
        String line = logged().strip();
        assertEquals(1, line.lines().count(), "one line per refusal: " + line);
        assertEquals(cause, JSONObjectUtils.parse(line).get("cause"));
    }

    private static Map<String, Object> call(AuthorizerHandler handler, String event) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, context());
        return JSONObjectUtils.parse(output.toString(StandardCharsets.UTF_8));
    }

    private static Context context() {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] { Context.class },
                (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? "request-42" : null);
    }

    /** An HTTP API Lambda authorizer event, payload 2.0, as API Gateway sends it for identity source Authorization. */
    static String event(String authorization) {
        String quoted = authorization.replace("\\", "\\\\").replace("\"", "\\\"");
        URI route = URI.create("arn:aws:execute-api:eu-west-1:123456789012:abcdef123/$default/GET/tenants/x");
        return """
                {"version":"2.0","type":"REQUEST","routeArn":"%s",
                 "identitySource":["%s"],
                 "routeKey":"GET /tenants/{tenantId}/linkedin-integration",
                 "rawPath":"/tenants/%s/linkedin-integration","rawQueryString":"",
                 "headers":{"accept":"application/json","authorization":"%s","host":"abcdef123.execute-api.eu-west-1.amazonaws.com",
                            "user-agent":"curl/8.5.0","x-forwarded-for":"192.0.2.10","x-forwarded-proto":"https"},
                 "requestContext":{"accountId":"123456789012","apiId":"abcdef123","domainName":"abcdef123.execute-api.eu-west-1.amazonaws.com",
                   "domainPrefix":"abcdef123","http":{"method":"GET","path":"/tenants/%s/linkedin-integration","protocol":"HTTP/1.1",
                   "sourceIp":"192.0.2.10","userAgent":"curl/8.5.0"},"requestId":"JKJaXmPLvHcESHA=","routeKey":"GET /tenants/{tenantId}/linkedin-integration",
                   "stage":"$default","time":"30/Nov/2026:12:00:00 +0000","timeEpoch":1795953600000},
                 "pathParameters":{"tenantId":"%s"}}
                """.formatted(route, quoted, TENANT, quoted, TENANT, TENANT);
    }
}
