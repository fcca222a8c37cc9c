package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.identity.Grant.Roles;
import com.contoso.linkedin.support.Dispatch;
import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/** Events API Gateway would not send still get a 4xx problem, never a 500 or a trace. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class MalformedEventTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contextOf(Map<String, Object> event) {
        return (Map<String, Object>) event.get("requestContext");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> headersOf(Map<String, Object> event) {
        return (Map<String, Object>) event.get("headers");
    }

    private static void assertProblem(int status, Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("content-type"));
        assertFalse(reply.body().contains("Exception"), reply::toString);
    }

    @Test
    void anEventWithoutRequestContext_is400() {
        Map<String, Object> event = LambdaEvents.get("/tenants/" + newId() + "/linkedin-integration").event();
        event.remove("requestContext");

        assertProblem(400, LambdaEvents.sendRaw(event));
    }

    @Test
    void anEventWithoutMethodOrPath_is400() {
        Map<String, Object> noMethod = LambdaEvents.get("/tenants/" + newId() + "/linkedin-integration").event();
        contextOf(noMethod).put("http", Map.of("path", "/x"));
        Map<String, Object> noPath = LambdaEvents.get("/tenants/" + newId() + "/linkedin-integration").event();
        noPath.remove("rawPath");

        assertProblem(400, LambdaEvents.sendRaw(noMethod));
        assertProblem(400, LambdaEvents.sendRaw(noPath));
        assertProblem(400, LambdaEvents.sendRaw(Map.of("version", "2.0")));
        assertProblem(400, LambdaEvents.sendRaw(List.of(1, 2)));
    }

    @Test
    void anEventWithAMemberOfTheWrongJsonType_is400() {
        Map<String, Consumer<Map<String, Object>>> spoilers = new LinkedHashMap<>();
        spoilers.put("requestContext a string", event -> event.put("requestContext", "x"));
        spoilers.put("timeEpoch a word", event -> contextOf(event).put("timeEpoch", "x"));
        spoilers.put("rawPath a list", event -> event.put("rawPath", List.of("/a")));
        spoilers.put("headers a list", event -> event.put("headers", List.of("a")));
        spoilers.put("cookies a string", event -> event.put("cookies", "a=b"));
        spoilers.put("isBase64Encoded a word", event -> event.put("isBase64Encoded", "yes"));
        spoilers.put("body an object", event -> event.put("body", Map.of("mode", "ENABLED")));
        spoilers.put("body a list", event -> event.put("body", List.of(1)));
        String tenant = Tenants.provisioned();
        spoilers.forEach((what, spoil) -> {
            Map<String, Object> event = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration")
                    .json("{\"mode\":\"DISABLED\"}").as(Identities.globalAdmin(tenant))
                    .event();
            spoil.accept(event);

            Reply reply = LambdaEvents.sendRaw(event);

            assertProblem(400, reply);
            assertEquals("ENABLED", LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                    .as(Identities.globalAdmin(tenant)).send().json().getString("mode"), what + " changed nothing");
        });
    }

    @Test
    void anEventThatIsNoJsonObject_orNothing_is400() {
        for (String event : List.of("null", "", "not json", "{\"rawPath\":", "{\"version\":\"2.0\",\"rawPath\":\"/ten",
                "{\"rawPath\":\"/x\"} trailing", "42")) {
            byte[] input = event.getBytes(StandardCharsets.UTF_8);

            assertProblem(400, LambdaEvents.sendRaw(input));
            assertProblem(400, Dispatch.httpLayer(input)); // as Quarkus' poll loop reads it: the local run
        }
    }

    /**
     * A check the caller may make, spoilt past what Jackson reads: each would fail the read itself,
     * an invocation error (a 500 behind API Gateway) where it is not caught before the reader.
     */
    @Test
    void anEventPastJsonReadLimits_orNotUtf8_orWithMoreAfterIt_is400() {
        String tenant = Tenants.provisioned();
        String user = newId();
        String check = new String(Dispatch.bytes(LambdaEvents.get("/tenants/" + tenant + "/users/" + user
                + "/linkedin-eligibility").as(Identities.user(tenant, user))), StandardCharsets.UTF_8);
        assertEquals(200, LambdaEvents.sendRaw(check.getBytes(StandardCharsets.UTF_8)).status(), "the check unspoilt");
        String open = check.substring(0, check.length() - 1) + ",\"x\":";
        Map<String, byte[]> spoilt = new LinkedHashMap<>();
        spoilt.put("nested 1001 deep", (open + "[".repeat(1001) + "]".repeat(1001) + "}").getBytes(StandardCharsets.UTF_8));
        spoilt.put("a number of 1001 digits", (open + "1".repeat(1001) + "}").getBytes(StandardCharsets.UTF_8));
        spoilt.put("an event after the event", (check + check).getBytes(StandardCharsets.UTF_8));
        byte[] notUtf8 = (open + "\"..\"}").getBytes(StandardCharsets.UTF_8);
        notUtf8[notUtf8.length - 3] = (byte) 0xff;
        spoilt.put("bytes that are no UTF-8", notUtf8);

        spoilt.forEach((what, input) -> {
            assertProblem(400, LambdaEvents.sendRaw(input));
            assertProblem(400, Dispatch.httpLayer(input));
        });
    }

    /**
     * Members API Gateway sets itself, in shapes it never sends: the application still answers the
     * request (Vert.x refused a length that is no number or not the body's, and a host that is no
     * authority, with a 500 or a 400 or 413 of its own, and a time past a long failed the read).
     */
    @Test
    void framingHostAndTimeOfAnyShape_leaveTheRequestToTheApplication() {
        String tenant = Tenants.provisioned();
        String setting = "/tenants/" + tenant + "/linkedin-integration";
        Map<String, Consumer<Map<String, Object>>> spoilers = new LinkedHashMap<>();
        for (String length : List.of("abc", "1e3", " 5", "-1", "99999999999999", "0", "100000")) {
            spoilers.put("content-length " + length, event -> headersOf(event).put("content-length", length));
        }
        for (String host : List.of(" ", "a b", "h:99999", "\uffff", "[::1", "h:")) {
            spoilers.put("host " + host, event -> headersOf(event).put("host", host));
        }
        spoilers.put("host twice, once unreadable", event -> headersOf(event).put("Host", "a b"));
        spoilers.put("content-length twice", event -> {
            headersOf(event).put("Content-Length", "abc");
            headersOf(event).put("content-length", "7");
        });
        spoilers.put("time past a long", event -> contextOf(event).put("timeEpoch", new java.math.BigInteger("9223372036854775808")));
        spoilers.forEach((what, spoil) -> {
            Map<String, Object> read = LambdaEvents.get(setting).as(Identities.globalAdmin(tenant)).event();
            spoil.accept(read);
            Map<String, Object> write = LambdaEvents.put(setting).json("{\"mode\":\"DISABLED\"}")
                    .as(Identities.globalAdmin(tenant)).event();
            spoil.accept(write);
            Map<String, Object> check = LambdaEvents.get("/tenants/" + tenant + "/users/" + newId() + "/linkedin-eligibility")
                    .as(Identities.checker()).event();
            spoil.accept(check);

            if (what.startsWith("time")) {
                assertProblem(400, LambdaEvents.sendRaw(read)); // the event itself cannot be read
                assertProblem(400, LambdaEvents.sendRaw(check));
            } else {
                assertEquals(200, LambdaEvents.sendRaw(read).status(), what);
                assertEquals(200, LambdaEvents.sendRaw(write).status(), what);
                assertEquals(200, LambdaEvents.sendRaw(check).status(), what);
                assertEquals(200, Dispatch.httpLayer(check).status(), what);
            }
        });
        assertEquals("DISABLED", LambdaEvents.get(setting).as(Identities.globalAdmin(tenant)).send().json().getString("mode"));
    }

    /** A context of another shape, or one naming no tenant, is no caller, as none is: 401. */
    @Test
    void anAuthorizerOfAnotherShape_isNoCaller() {
        String tenant = Tenants.provisioned();
        for (Object authorizer : List.of("x", 1, List.of(), Map.of("lambda", "x"), Map.of("lambda", List.of()),
                Map.of("jwt", "x"), Map.of("jwt", Map.of("claims", "x")), Map.of("jwt", Map.of("claims", List.of(1))),
                // claims that name no tenant: no identity either
                Map.of("lambda", Map.of("foo", "bar")), Map.of("lambda", Map.of("tid", " ", "oid", newId())),
                Map.of("jwt", Map.of("claims", Map.of("oid", newId(), "scp", "x"))))) {
            Map<String, Object> event = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").event();
            contextOf(event).put("authorizer", authorizer);

            assertProblem(401, LambdaEvents.sendRaw(event));
        }
        Map<String, Object> nullContext = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").event();
        Map<String, Object> noContext = new HashMap<>();
        noContext.put("lambda", null);
        contextOf(nullContext).put("authorizer", noContext);
        assertProblem(401, LambdaEvents.sendRaw(nullContext));
    }

    @Test
    void claimsSentAsRealJsonArrays_areReadLikeFlattenedOnes() {
        String tenant = Tenants.provisioned();
        Map<String, Object> event = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").event();
        Map<String, Object> claims = new HashMap<>();
        claims.put("tid", tenant);
        claims.put("oid", newId());
        claims.put("scp", "access_as_user");
        claims.put("wids", List.of(Roles.GLOBAL_READER, newId()));
        contextOf(event).put("authorizer", Map.of("jwt", Map.of("claims", claims)));

        assertEquals(200, LambdaEvents.sendRaw(event).status());
    }

    @Test
    void claimsOfTheWrongType_grantNothing() {
        String tenant = Tenants.provisioned();
        Map<String, Object> event = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").event();
        contextOf(event).put("authorizer", Map.of("jwt", Map.of("claims",
                Map.of("tid", Map.of("id", tenant), "oid", 42, "wids", true, "roles", Map.of("r", 1)))));

        assertProblem(403, LambdaEvents.sendRaw(event));
    }

    @Test
    void anAuthorizerWithoutClaims_is401() {
        Map<String, Object> event = LambdaEvents.get("/tenants/" + newId() + "/linkedin-integration").event();
        contextOf(event).put("authorizer", Map.of("jwt", Map.of("scopes", List.of())));

        assertProblem(401, LambdaEvents.sendRaw(event));
    }
}
