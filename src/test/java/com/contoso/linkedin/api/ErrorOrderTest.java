package com.contoso.linkedin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.api.AuthorizationMatrixTest.Endpoint;
import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Errors come in an order that tells a caller nothing of a request it may not make: without
 * identity every route is 401 whatever else is wrong (ids, query, body); then the request's own
 * form: ids that are no GUIDs, like an unknown query parameter, are 400 (SPEC 4), which says
 * nothing of any tenant; then a caller no grant of the route admits is 403 before its body is
 * read.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class ErrorOrderTest {
    private static final String BAD_ID = "not-a-guid;x=1";
    private static final String BAD_BODY = "{\"unknown\": \"" + BAD_ID + "\", truncated";

    static Stream<Arguments> everyRouteWithEverythingWrong() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : AuthorizationMatrixTest.ENDPOINTS) {
            // OpenFeature names tenant and user in the body, not the path: an app without the role
            // is refused before it is read, while any signed-in user may be the one asked about.
            boolean idsInBody = endpoint.name().contains("OFREP");
            cases.add(Arguments.of(endpoint, "no caller", 401));
            cases.add(Arguments.of(endpoint, "an app of another tenant without roles", idsInBody ? 403 : 400));
            cases.add(Arguments.of(endpoint, "a user of another tenant", 400));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("everyRouteWithEverythingWrong")
    void refusalsComeFirst_thenTheRequestsForm_evenWithABadBody(Endpoint endpoint, String caller, int expected) {
        LambdaEvents request = endpoint.request().apply(BAD_ID, BAD_ID).json(BAD_BODY);
        if (expected == 401) {
            request.query("unknown=1");
        }
        as(request, caller);

        var reply = request.send();

        assertEquals(expected, reply.status(), () -> endpoint + " as " + caller + ": " + reply);
        // OFREP's own error documents for its parse errors, problem+json everywhere else.
        assertEquals(expected == 400 && endpoint.name().contains("OFREP") ? "application/json" : "application/problem+json",
                reply.header("content-type"));
        assertFalse(reply.body().contains("not-a-guid"), reply::toString);
    }

    static Stream<Arguments> everyRouteWithAGoodFormAndABadBody() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : AuthorizationMatrixTest.ENDPOINTS) {
            cases.add(Arguments.of(endpoint, "an app of another tenant without roles", 403));
            if (!endpoint.name().contains("OFREP")) {
                cases.add(Arguments.of(endpoint, "a user of another tenant", 403));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("everyRouteWithAGoodFormAndABadBody")
    void aCallerNotGranted_isRefused_beforeItsBodyIsRead(Endpoint endpoint, String caller, int expected) {
        LambdaEvents request = endpoint.request().apply(Identities.newId(), Identities.newId()).json(BAD_BODY);
        as(request, caller);

        var reply = request.send();

        assertEquals(expected, reply.status(), () -> endpoint + " as " + caller + ": " + reply);
        assertEquals("application/problem+json", reply.header("content-type"));
    }

    /**
     * Every operation that takes no body, called by a caller it admits with one: 400 once the grants
     * pass (413 past 64 KiB), whatever the route; each has to throw the refusal Access keeps.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOperationWithoutABody")
    void aBodyWhereTheOperationTakesNone_isRefused_onEveryRoute(Endpoint endpoint) {
        String tenant = Tenants.provisioned();
        String user = Identities.newId();
        AuthorizationMatrixTest.Caller admitted = endpoint.admitted().iterator().next();

        var garbage = endpoint.request().apply(tenant, user).json("garbage").as(admitted.claims(tenant, user)).send();
        var tooLarge = endpoint.request().apply(tenant, user).json(" ".repeat(70_000) + "x")
                .as(admitted.claims(tenant, user)).send();

        assertEquals(400, garbage.status(), () -> endpoint + ": " + garbage);
        assertEquals(413, tooLarge.status(), () -> endpoint + ": " + tooLarge);
        assertEquals("application/problem+json", garbage.header("content-type"));
    }

    static Stream<Endpoint> everyOperationWithoutABody() {
        return AuthorizationMatrixTest.ENDPOINTS.stream()
                .filter(endpoint -> endpoint.request().apply(Identities.newId(), Identities.newId()).event().get("body") == null);
    }

    private static void as(LambdaEvents request, String caller) {
        switch (caller) {
            case "no caller" -> { }
            case "a user of another tenant" -> request.as(Identities.user(Identities.newId(), Identities.newId()));
            default -> request.as(Identities.app(Identities.newId(), "Some.Other.Role"));
        }
    }
}
