package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.identity.Grant.Roles;
import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every endpoint with every kind of bad input: each gets a 4xx problem+json with a useful detail,
 * never a 500, a stack trace or an echo of a token, and the store holds exactly what it held.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class BadInputTest {

    private static final String TOKEN_LOOKALIKE = "eyJhbGciOiJub25lIn0.eyJzZWNyZXQiOnRydWV9.c2ln";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LinkedInConfig config;

    /** An endpoint with a caller that may call it, a valid body, and bodies that are wrong for it. */
    record Endpoint(String method, String template, Function<Ids, Map<String, String>> caller, String validBody,
            List<String> wrongBodies) {
        @Override
        public String toString() {
            return method + " " + template;
        }

        String path(Ids ids) {
            return template.replace("{t}", ids.tenant).replace("{u}", ids.user).replace("{g}", ids.group);
        }
    }

    record Ids(String tenant, String user, String group) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("PUT", "/tenants/{t}", ids -> Identities.operator(),
                    "{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":true}", List.of(
                            "{\"cloud\":\"public\",\"countryCode\":\"US\",\"rolledOut\":true}",
                            "{\"cloud\":\"PUBLIC\",\"countryCode\":\"us\",\"rolledOut\":true}",
                            "{\"cloud\":\"PUBLIC\",\"countryCode\":7,\"rolledOut\":true}",
                            "{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":1}",
                            "{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":null}",
                            "{\"countryCode\":\"US\",\"rolledOut\":true}")),
            new Endpoint("GET", "/tenants/{t}", ids -> Identities.operator(), null, List.of()),
            new Endpoint("GET", "/tenants/{t}/linkedin-integration", ids -> Identities.globalAdmin(ids.tenant), null,
                    List.of()),
            new Endpoint("PUT", "/tenants/{t}/linkedin-integration", ids -> Identities.globalAdmin(ids.tenant),
                    "{\"mode\":\"ENABLED\"}", List.of(
                            "{\"mode\":\"Enabled\"}", "{\"mode\":0}", "{\"mode\":null}", "{}",
                            "{\"mode\":\"SELECTED\"}", "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"../x\"}",
                            "{\"mode\":\"ENABLED\",\"changeReason\":5}",
                            "{\"mode\":\"ENABLED\",\"changeReason\":\"" + "r".repeat(501) + "\"}")),
            new Endpoint("GET", "/tenants/{t}/linkedin-integration/audit", ids -> Identities.globalAdmin(ids.tenant),
                    null, List.of()),
            new Endpoint("PUT", "/tenants/{t}/linkedin-integration/selected-users/{u}",
                    ids -> Identities.globalAdmin(ids.tenant), null, List.of()),
            new Endpoint("DELETE", "/tenants/{t}/linkedin-integration/selected-users/{u}",
                    ids -> Identities.globalAdmin(ids.tenant), null, List.of()),
            new Endpoint("POST", "/tenants/{t}/groups/{g}/members", ids -> Identities.globalAdmin(ids.tenant),
                    "{\"add\":[\"" + newId() + "\"]}", List.of(
                            "{\"add\":\"" + newId() + "\"}", "{\"add\":[1]}", "{\"add\":[null]}",
                            "{\"add\":[\"" + newId() + "x\"]}", "{\"remove\":{}}")),
            new Endpoint("PUT", "/tenants/{t}/users/{u}/office-policy", ids -> Identities.globalAdmin(ids.tenant),
                    "{\"policy\":\"DISABLED\"}", List.of("{\"policy\":\"disabled\"}", "{\"policy\":true}", "{}")),
            new Endpoint("PUT", "/tenants/{t}/users/{u}/office-option", ids -> Identities.user(ids.tenant, ids.user),
                    "{\"showLinkedInFeatures\":false}", List.of("{\"showLinkedInFeatures\":\"false\"}",
                            "{\"showLinkedInFeatures\":0}", "{}")),
            new Endpoint("PUT", "/tenants/{t}/users/{u}/linkedin-profile-visibility",
                    ids -> Identities.user(ids.tenant, ids.user), "{\"visibleInMicrosoftApps\":false}",
                    List.of("{\"visibleInMicrosoftApps\":\"no\"}", "{\"visibleInMicrosoftApps\":null}")),
            new Endpoint("PUT", "/tenants/{t}/users/{u}/linkedin-connection", ids -> Identities.user(ids.tenant, ids.user),
                    "{\"consent\":\"BOTH_WAYS\"}",
                    List.of("{\"consent\":\"both_ways\"}", "{\"consent\":\"BOTH_WAYS\\u0000\"}", "{\"consent\":1}", "{}")),
            new Endpoint("DELETE", "/tenants/{t}/users/{u}/linkedin-connection",
                    ids -> Identities.user(ids.tenant, ids.user), null, List.of()),
            new Endpoint("GET", "/tenants/{t}/users/{u}/linkedin-eligibility",
                    ids -> Identities.checker(), null, List.of()),
            new Endpoint("POST", "/tenants/{t}/linkedin-eligibility/batch",
                    ids -> Identities.checker(), "{\"userIds\":[\"" + newId() + "\"]}",
                    List.of("{\"userIds\":[]}", "{\"userIds\":\"" + newId() + "\"}", "{\"client\":\"office_desktop\","
                            + "\"userIds\":[\"" + newId() + "\"]}", "{\"client\":\"\\u0000OFFICE_DESKTOP\","
                            + "\"userIds\":[\"" + newId() + "\"]}", "{\"userIds\":[" + "\"" + newId() + "\",".repeat(101)
                                    .replaceAll(",$", "") + "]}")),
            new Endpoint("POST", "/tenants/{t}/profile-cards/linkedin",
                    ids -> Identities.checker(),
                    "{\"viewerId\":\"" + newId() + "\",\"subjectIds\":[\"" + newId() + "\"]}",
                    List.of("{\"subjectIds\":[\"" + newId() + "\"]}", "{\"viewerId\":\"v\",\"subjectIds\":[]}",
                            "{\"viewerId\":\"" + newId() + "\",\"subjectIds\":[]}")));

    /** Bodies that are wrong for every endpoint that takes one. */
    static final List<String> WRONG_FOR_ALL = List.of(
            "{\"mode\":", "{\"unknownField\":1}", "not json", "{'single':'quotes'}", "[]", "42", "\"text\"", "null",
            "{\"a\":1,\"a\":1}", "{} {}", " ", "{\"token\":\"" + TOKEN_LOOKALIKE + "\"}");

    static Stream<Endpoint> endpoints() {
        return ENDPOINTS.stream();
    }

    static Stream<Endpoint> endpointsWithBodies() {
        return ENDPOINTS.stream().filter(e -> e.validBody() != null);
    }

    private static Reply send(Endpoint endpoint, Ids ids, String path, String contentType, String body,
            String query) {
        LambdaEvents event = LambdaEvents.request(endpoint.method(), path).as(endpoint.caller().apply(ids));
        if (contentType != null) {
            event.header("content-type", contentType);
        }
        if (body != null) {
            event.rawBody(body);
        }
        if (query != null) {
            event.query(query);
        }
        return event.send();
    }

    private static void assertUsefulProblem(Reply reply, String what) {
        assertTrue(reply.status() >= 400 && reply.status() < 500, () -> what + " -> " + reply);
        assertEquals("application/problem+json", reply.header("content-type"), what);
        String detail = reply.json().getString("detail");
        assertTrue(detail != null && detail.length() > 5, () -> what + " has no useful detail: " + reply);
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), () -> what + ": " + reply);
        assertFalse(reply.body().contains(TOKEN_LOOKALIKE), () -> what + " echoes a token");
    }

    /** Everything the table holds, so that "nothing changed" can be asserted exactly. */
    private Map<String, Map<String, AttributeValue>> snapshot() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        dynamo.scanPaginator(b -> b.tableName(config.tableName()).consistentRead(true)).items()
                .forEach(item -> items.put(item.get("pk").s() + "|" + item.get("sk").s(), new HashMap<>(item)));
        return items;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithBodies")
    void wrongBodies_are4xxProblems_andChangeNothing(Endpoint endpoint) {
        Ids ids = new Ids(Tenants.provisioned(), newId(), newId());
        var before = snapshot();
        List<String> bodies = new ArrayList<>(WRONG_FOR_ALL);
        bodies.addAll(endpoint.wrongBodies());
        String path = endpoint.path(ids);

        for (String body : bodies) {
            assertUsefulProblem(send(endpoint, ids, path, "application/json", body, null), endpoint + " " + body);
        }
        assertEquals(413, send(endpoint, ids, path, "application/json",
                "{\"pad\":\"" + "x".repeat(70_000) + "\"}", null).status());
        assertEquals(415, send(endpoint, ids, path, "text/plain", endpoint.validBody(), null).status());
        assertEquals(415, send(endpoint, ids, path, null, endpoint.validBody(), null).status());
        assertEquals(400, send(endpoint, ids, path, "application/json", null, null).status());

        assertEquals(before, snapshot(), "the store changed after bad input to " + endpoint);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void badIdsAndQueryParameters_are4xxProblems_andChangeNothing(Endpoint endpoint) {
        Ids valid = new Ids(Tenants.provisioned(), newId(), newId());
        var before = snapshot();
        List<String> badIds = List.of("not-a-guid", "..", "%2E%2E", "a%2Fb", "%2F", valid.tenant + "x",
                "0".repeat(300), "ｔｅｎａｎｔ", "%F0%9F%98%80", valid.tenant.replace('-', '_'), "%00");

        for (String bad : badIds) {
            for (Ids ids : List.of(new Ids(bad, valid.user, valid.group), new Ids(valid.tenant, bad, valid.group),
                    new Ids(valid.tenant, valid.user, bad))) {
                String path = endpoint.path(ids);
                if (path.equals(endpoint.path(valid))) {
                    continue; // this endpoint has no such id
                }
                var reply = send(endpoint, ids, path, endpoint.validBody() == null ? null : "application/json",
                        endpoint.validBody(), null);
                assertUsefulProblem(reply, endpoint + " with id " + bad);
            }
        }
        String path = endpoint.path(valid);
        String body = endpoint.validBody();
        String type = body == null ? null : "application/json";
        assertUsefulProblem(send(endpoint, valid, path, type, body, "unknown=1"), endpoint + " ?unknown");
        if (endpoint.template().endsWith("linkedin-eligibility")) {
            assertUsefulProblem(send(endpoint, valid, path, type, body, "client=PROFILE_CARD&client=PROFILE_CARD"),
                    endpoint + " repeated client");
        }

        assertEquals(before, snapshot(), "the store changed after bad ids to " + endpoint);
    }
}
