package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.checker;
import static com.contoso.linkedin.support.Identities.newId;
import static com.contoso.linkedin.support.Identities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.support.Dispatch;
import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The check, batch and profile card that {@code lambda.FunctionHandler} answers without the HTTP
 * layer give, event for event, the answer the HTTP layer gives (status, headers, body), and every
 * event they cannot answer exactly so is declined, which the HTTP layer then answers.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class HotRoutesTest {

    private static LambdaEvents check(String tenant, String userId) {
        return LambdaEvents.get("/tenants/" + tenant + "/users/" + userId + "/linkedin-eligibility");
    }

    /** The direct route answers the event, and with the HTTP layer's answer to the same event. */
    private static Reply answeredAlike(Object event) {
        Optional<Reply> direct = Dispatch.hotRoutes(event);
        Reply http = Dispatch.httpLayer(event);
        assertTrue(direct.isPresent(), () -> "the direct route declined an event the HTTP layer answers " + http);
        Dispatch.assertSameAnswer(http, direct.get());
        return direct.get();
    }

    private static Reply answeredAlike(LambdaEvents event) {
        return answeredAlike(event.event());
    }

    @Test
    void connectedUser_askedByTheProfileCardService() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        UserEndpoints.connect(tenant, userId, "BOTH_WAYS");

        Reply reply = answeredAlike(check(tenant, userId).as(checker()));

        assertEquals(200, reply.status());
        assertTrue(reply.json().getBoolean("eligible"));
        assertTrue(reply.json().getBoolean("connected"));
        assertEquals("no-store", reply.header("Cache-Control"));
    }

    @Test
    void aUserAskingForThemselves_notConnected() {
        String tenant = Tenants.provisioned();
        String userId = newId();

        Reply reply = answeredAlike(check(tenant, userId).as(user(tenant, userId)));

        assertFalse(reply.json().getBoolean("connected"));
    }

    @Test
    void tenantsThatDecideAlone_unknownNotRolledOutDisabled() {
        String notRolledOut = Tenants.provisioned("PUBLIC", "US", false);
        String disabled = Tenants.provisioned();
        assertEquals(200, Tenants.setMode(disabled, "{\"mode\":\"DISABLED\"}").status());

        for (String tenant : List.of(newId(), notRolledOut, disabled)) {
            Reply reply = answeredAlike(check(tenant, newId()).as(checker()));
            assertFalse(reply.json().getBoolean("eligible"), reply::toString);
        }
    }

    @Test
    void officeDesktopClient_upperCaseIds_andAcceptHeadersThatChooseJson() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        UserEndpoints.connect(tenant, userId, "BOTH_WAYS");

        assertEquals("OFFICE_DESKTOP",
                answeredAlike(check(tenant, userId).query("client=OFFICE_DESKTOP").as(checker())).json().getString("client"));
        assertEquals("PROFILE_CARD",
                answeredAlike(check(tenant, userId).query("client=PROFILE_CARD").as(checker())).json().getString("client"));
        assertEquals(tenant, answeredAlike(check(tenant.toUpperCase(Locale.ROOT), userId.toUpperCase(Locale.ROOT))
                .as(checker())).json().getString("tenantId"));
        for (String accept : List.of("application/json", "*/*", "text/html, application/json", "application/*")) {
            answeredAlike(check(tenant, userId).header("accept", accept).as(checker()));
        }
    }

    @Test
    void claimsAsJsonArrays_areReadAsTheHttpLayerReadsThem() {
        String tenant = Tenants.provisioned();
        Map<String, Object> event = check(tenant, newId()).as(checker()).event();
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) event.get("requestContext");
        context.put("authorizer", Map.of("jwt", Map.of("claims",
                Map.of("tid", Identities.OPERATOR_TENANT, "oid", newId(), "azp", Identities.OTHER_TRUSTED_CLIENT,
                        "roles", List.of("Other.Role", "LinkedInEligibility.Check")))));

        assertEquals(200, answeredAlike(event).status());
    }

    @Test
    void aDisconnect_countsOnTheNextDirectCheck() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        UserEndpoints.connect(tenant, userId, "BOTH_WAYS");
        assertTrue(Dispatch.hotRoutes(check(tenant, userId).as(checker())).orElseThrow().json().getBoolean("connected"));

        assertEquals(204, UserEndpoints.disconnect(tenant, userId).status());

        Reply after = Dispatch.hotRoutes(check(tenant, userId).as(checker())).orElseThrow();
        assertFalse(after.json().getBoolean("connected"));
        assertFalse(after.json().getBoolean("showConnectedLinkedInInfo"));
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static LambdaEvents batch(String tenant, String json) {
        return LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch").json(json);
    }

    private static LambdaEvents cards(String tenant, String json) {
        return LambdaEvents.post("/tenants/" + tenant + "/profile-cards/linkedin").json(json);
    }

    @Test
    void batch_inOrder_withDuplicates_bothClients() {
        String tenant = Tenants.provisioned();
        String connected = newId();
        UserEndpoints.connect(tenant, connected, "BOTH_WAYS");
        String users = ids(List.of(connected, newId(), connected.toUpperCase(Locale.ROOT)));

        Reply reply = answeredAlike(batch(tenant, "{\"userIds\":" + users + "}").as(checker()));
        answeredAlike(batch(tenant, "{\"client\":\"OFFICE_DESKTOP\",\"userIds\":" + users + "}").as(checker()));
        answeredAlike(batch(newId(), "{\"userIds\":" + users + "}").as(checker()));

        assertEquals(3, reply.json().getList("decisions").size());
        assertTrue(reply.json().getBoolean("decisions[0].connected"));
    }

    @Test
    void profileCards_ofOneAndOfAHundredSubjects_askedByTheServiceOrTheViewer() {
        String tenant = Tenants.provisioned();
        String viewer = newId();
        String hidden = newId();
        UserEndpoints.connect(tenant, viewer, "BOTH_WAYS");
        assertEquals(200, UserEndpoints.setVisibility(tenant, hidden, false).status());
        List<String> hundred = new java.util.ArrayList<>(List.of(hidden, viewer));
        while (hundred.size() < 100) {
            hundred.add(newId());
        }

        Reply one = answeredAlike(cards(tenant, "{\"viewerId\":\"" + viewer + "\",\"subjectIds\":" + ids(List.of(hidden))
                + "}").as(checker()));
        Reply many = answeredAlike(cards(tenant, "{\"viewerId\":\"" + viewer + "\",\"subjectIds\":" + ids(hundred)
                + "}").as(user(tenant, viewer)));
        answeredAlike(cards(newId(), "{\"viewerId\":\"" + viewer + "\",\"subjectIds\":" + ids(hundred) + "}")
                .as(checker()));

        assertFalse(one.json().getBoolean("cards[0].show"));
        assertEquals(100, many.json().getList("cards").size());
    }

    @Test
    void batchesAndCardsItCannotAnswerExactly_areDeclined() {
        String tenant = Tenants.provisioned();
        String viewer = newId();
        String users = "{\"userIds\":" + ids(List.of(newId())) + "}";
        String card = "{\"viewerId\":\"" + viewer + "\",\"subjectIds\":" + ids(List.of(newId())) + "}";
        Map<String, LambdaEvents> declined = new java.util.LinkedHashMap<>();
        declined.put("batch by a user", batch(tenant, users).as(user(tenant, newId())));
        declined.put("batch without identity", batch(tenant, users));
        declined.put("batch, tenant no GUID", batch("contoso", users).as(checker()));
        declined.put("batch with a query", batch(tenant, users).query("client=PROFILE_CARD").as(checker()));
        declined.put("batch, unknown field", batch(tenant, "{\"userIds\":[],\"extra\":1}").as(checker()));
        declined.put("batch, not JSON", batch(tenant, "{userIds:").as(checker()));
        declined.put("batch, empty", batch(tenant, "").as(checker()));
        declined.put("batch, too many users", batch(tenant, "{\"userIds\":"
                + ids(java.util.stream.IntStream.range(0, 101).mapToObj(i -> newId()).toList()) + "}").as(checker()));
        declined.put("batch, text/plain", LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch")
                .header("content-type", "text/plain").rawBody(users).as(checker()));
        declined.put("batch, over 64 KiB", batch(tenant, "{\"userIds\":[\"" + "x".repeat(70_000) + "\"]}").as(checker()));
        declined.put("card for another viewer", cards(tenant, card).as(user(tenant, newId())));
        declined.put("card, viewer no GUID", cards(tenant, "{\"viewerId\":\"me\",\"subjectIds\":[]}").as(checker()));
        declined.put("card, subjects missing", cards(tenant, "{\"viewerId\":\"" + viewer + "\"}").as(checker()));
        declined.put("card, Accept without JSON", cards(tenant, card).header("accept", "text/plain").as(checker()));
        declined.put("card by GET", LambdaEvents.get("/tenants/" + tenant + "/profile-cards/linkedin").as(checker()));

        for (var event : declined.entrySet()) {
            assertTrue(Dispatch.hotRoutes(event.getValue()).isEmpty(), event.getKey() + ": not declined");
            Reply http = event.getValue().send();
            assertTrue(http.status() >= 400 && http.status() < 500, () -> event.getKey() + ": " + http);
        }
    }

    @Test
    void base64Bodies_areLeftToTheHttpLayer() {
        String tenant = Tenants.provisioned();
        Map<String, Object> event = batch(tenant, "{\"userIds\":" + ids(List.of(newId())) + "}").as(checker()).event();
        event.put("body", java.util.Base64.getEncoder().encodeToString(((String) event.get("body")).getBytes(StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);

        assertTrue(Dispatch.hotRoutes(event).isEmpty());
        assertEquals(200, LambdaEvents.sendRaw(event).status());
    }

    @Test
    void everythingElse_isDeclined_andTheHttpLayerAnswersIt() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        String otherTenant = newId();
        Map<String, LambdaEvents> declined = new java.util.LinkedHashMap<>();
        declined.put("no identity", check(tenant, userId));
        declined.put("tenant id no GUID", check("contoso", userId).as(checker()));
        declined.put("user id no GUID", check(tenant, "me").as(checker()));
        declined.put("a user asking about someone else", check(tenant, userId).as(user(tenant, newId())));
        declined.put("a user of another tenant", check(tenant, userId).as(user(otherTenant, userId)));
        declined.put("an unknown query parameter", check(tenant, userId).query("foo=1").as(checker()));
        declined.put("an unknown client", check(tenant, userId).query("client=WATCH").as(checker()));
        declined.put("client twice", check(tenant, userId).query("client=PROFILE_CARD&client=OFFICE_DESKTOP").as(checker()));
        declined.put("Accept without JSON", check(tenant, userId).header("accept", "text/plain").as(checker()));
        declined.put("Accept with parameters", check(tenant, userId).header("accept", "application/json;q=0").as(checker()));
        declined.put("another method", LambdaEvents.request("DELETE",
                "/tenants/" + tenant + "/users/" + userId + "/linkedin-eligibility").as(checker()));
        declined.put("a body", check(tenant, userId).json("{}").as(checker()));
        declined.put("a trailing slash", LambdaEvents.get("/tenants/" + tenant + "/users/" + userId
                + "/linkedin-eligibility/").as(checker()));
        declined.put("another route", LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(checker()));

        for (var event : declined.entrySet()) {
            assertTrue(Dispatch.hotRoutes(event.getValue()).isEmpty(), event.getKey() + ": not declined");
            Reply http = event.getValue().send();
            assertFalse(http.status() >= 500, () -> event.getKey() + ": " + http);
        }
    }

    @Test
    void malformedEvents_areDeclined() {
        for (Object event : List.of("not json".getBytes(StandardCharsets.UTF_8), "[]".getBytes(StandardCharsets.UTF_8),
                new byte[0], Map.of("rawPath", "/tenants/" + newId() + "/users/" + newId() + "/linkedin-eligibility"),
                Map.of("version", "2.0", "requestContext", "not an object"))) {
            assertTrue(Dispatch.hotRoutes(event).isEmpty(), () -> "not declined: " + event);
        }
    }
}
