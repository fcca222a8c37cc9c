package com.contoso.linkedin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Any event API Gateway could hand on, however odd, is answered by the application with a
 * problem+json 4xx that has a detail and echoes nothing of the input: never Quarkus' generic 500
 * or 400. HTTP APIs decode the path, so a client's %20, %3F, %23 or %25 arrives as a space,
 * {@code ?}, {@code #} or {@code %}. Generated from a fixed seed (each case names its number), sent
 * through the production dispatch.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class OddEventsTest {
    private static final long SEED = 20261130L;
    private static final int CASES = 320;
    private static final String GUID = "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b";

    /** Ids no GUID check may accept: decoded escapes, separators, control and non-ASCII characters. */
    private static final List<String> ODD_IDS = List.of(" ", "'; DROP TABLE", " " + GUID, GUID + " ", GUID + ";x=1",
            GUID + "%20", "%", "%zz", "%25", "%2F", "a?b", "a#b", "?", "#", "\t", "\u0000", "\r\n", "<script>",
            "é", "\uD83D\uDE00", "..", "a b", "\\", "\"", "{x}", "|", "^", "`", "\u202Egnp", "\u00A0",
            GUID.toUpperCase() + "\u0301", "x".repeat(10_000), GUID.replace('-', ' '), "%00", "\u007F", "[]");
    private static final List<String> ODD_QUERIES = List.of("", "client=%zz", "client=a b", "a=1#frag", "%", "x=\u00FF",
            "client=OFFICE_DESKTOP&client=PROFILE_CARD", "=", "&&", "client", "limit=-1", "cursor=%%%", "q=\r\n",
            "client=OFFICE_DESKTOP;x=1");
    private static final List<String> ROUTES = List.of(
            "GET /tenants/{t}", "PUT /tenants/{t}", "GET /tenants/{t}/linkedin-integration",
            "PUT /tenants/{t}/linkedin-integration", "GET /tenants/{t}/linkedin-integration/audit",
            "PUT /tenants/{t}/linkedin-integration/selected-users/{u}",
            "DELETE /tenants/{t}/linkedin-integration/selected-users/{u}",
            "POST /tenants/{t}/groups/{u}/members", "PUT /tenants/{t}/users/{u}/office-policy",
            "PUT /tenants/{t}/users/{u}/office-option", "PUT /tenants/{t}/users/{u}/linkedin-profile-visibility",
            "PUT /tenants/{t}/users/{u}/linkedin-connection", "DELETE /tenants/{t}/users/{u}/linkedin-connection",
            "GET /tenants/{t}/users/{u}/linkedin-eligibility", "POST /tenants/{t}/linkedin-eligibility/batch",
            "POST /tenants/{t}/profile-cards/linkedin", "POST /ofrep/v1/evaluate/flags/{u}", "GET /{t}", "PATCH /tenants/{t}",
            "POST /tenants/{t}/linkedin-integration/preview", "GET /tenants/{t}/linkedin-integration/selected-users",
            "DELETE /tenants/{t}/users/{u}", "DELETE /tenants/{t}");

    static Stream<Arguments> oddEvents() {
        Random random = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        for (int n = 0; n < CASES; n++) {
            String[] route = ROUTES.get(random.nextInt(ROUTES.size())).split(" ", 2);
            String odd = pick(random, ODD_IDS);
            // A route without {t} (OFREP's) takes its odd id in {u}: its path must hold one.
            boolean coin = random.nextBoolean();
            boolean oddTenant = route[1].contains("{t}") && (coin || !route[1].contains("{u}"));
            String path = route[1].replace("{t}", oddTenant ? odd : GUID).replace("{u}", oddTenant ? GUID : odd);
            LambdaEvents event = LambdaEvents.request(route[0], path).query(pick(random, ODD_QUERIES));
            switch (random.nextInt(4)) {
                case 0 -> { } // no caller at all
                case 1 -> event.as(Identities.checker());
                case 2 -> event.as(Identities.globalAdmin(GUID));
                default -> event.as(Identities.user(GUID, GUID));
            }
            Map<String, Object> raw = event.event();
            oddHeaders(random, raw);
            oddBody(random, raw);
            cases.add(Arguments.of(n, odd.length() > 40 ? odd.substring(0, 40) + "…" : odd, raw));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{0}] id {1}")
    @MethodSource("oddEvents")
    void everyOddEvent_isAnsweredByTheApplication_asAProblemWithADetail(int n, String oddId, Map<String, Object> event) {
        Reply reply = LambdaEvents.sendRaw(event);

        assertTrue(reply.status() >= 400 && reply.status() < 500, () -> "case " + n + ": " + reply);
        assertEquals("application/problem+json", reply.header("content-type"), () -> "case " + n + ": " + reply);
        assertEquals(reply.status(), reply.json().getInt("status"), () -> "case " + n + ": " + reply);
        assertNotNull(reply.json().getString("type"), () -> "case " + n + ": " + reply);
        assertFalse(reply.json().getString("detail").isBlank(), () -> "case " + n + ": " + reply);
        String path = (String) event.get("rawPath");
        for (String segment : path.split("/")) {
            if (segment.length() >= 3 && !segment.matches("[a-z-]+") && !segment.equals(GUID)) {
                assertFalse(reply.body().contains(segment), () -> "case " + n + " echoes its input: " + reply);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void oddHeaders(Random random, Map<String, Object> event) {
        Map<String, String> headers = new LinkedHashMap<>((Map<String, String>) event.get("headers"));
        switch (random.nextInt(6)) {
            case 0 -> headers.put("bad header", "x");
            case 1 -> headers.put("x-odd", "a\r\nInjected: yes");
            case 2 -> headers.put("x-odd", "\u0000\u00FF\uD83D\uDE00");
            case 3 -> headers.put("content-type", "application/json; charset=\u0001");
            case 4 -> headers.put("accept", "*/*;q=\u0002");
            default -> { }
        }
        event.put("headers", headers);
    }

    @SuppressWarnings("unchecked")
    private static void oddBody(Random random, Map<String, Object> event) {
        switch (random.nextInt(5)) {
            case 0 -> {
                event.put("body", "not base64 at all %%%");
                event.put("isBase64Encoded", true);
            }
            case 1 -> {
                event.put("body", Base64.getEncoder().encodeToString(new byte[] { (byte) 0xC3, 0x28, 0x00, (byte) 0xFF }));
                event.put("isBase64Encoded", true);
            }
            case 2 -> {
                ((Map<String, String>) event.get("headers")).put("content-type", "application/json");
                event.put("body", "{\"mode\":\"" + "\u0000".repeat(3) + "\",\"userIds\":[\"" + GUID + " \"]}");
            }
            case 3 -> event.put("body", "\uD800 lone surrogate");
            default -> { }
        }
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
