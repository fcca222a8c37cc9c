package com.contoso.linkedin.api;

import static com.contoso.linkedin.api.AuthorizationMatrixTest.Caller.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.identity.Grant.Roles;
import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Authorizer;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every endpoint of SPEC section 4 as every kind of caller of SPEC section 5, with the caller
 * handed on by the Lambda authorizer and by a JWT authorizer, against one declared table: the
 * callers each endpoint admits and the status they get; everyone else gets 403, or 401 without
 * claims, and those answers name nothing of the tenant or user asked about.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class AuthorizationMatrixTest {

    /**
     * The kinds of caller, relative to the tenant T and user U of the request: SPEC section 5's
     * roles, and the tokens that must not pass for them (an app role on a user's token, a
     * directory role or a user's ids on an app's token, any-tenant roles outside the operator
     * tenant's trusted apps, a token that claims to be both kinds).
     */
    enum Caller {
        NO_CLAIMS, THE_USER, OTHER_USER_OF_T, USER_U_OF_OTHER_TENANT,
        GLOBAL_ADMIN, GLOBAL_READER, GLOBAL_ADMIN_OF_OTHER, GLOBAL_READER_OF_OTHER,
        IAC_WRITER, IAC_WRITER_OF_OTHER, DIRECTORY_SYNC, DIRECTORY_SYNC_OF_OTHER,
        CHECKER, OPERATOR, CHECKER_APP_OF_T, OPERATOR_APP_OF_T, CHECKER_UNTRUSTED_CLIENT, OPERATOR_UNTRUSTED_CLIENT,
        USER_OF_T_WITH_EVERY_APP_ROLE, OPERATOR_TENANT_USER_WITH_ANY_TENANT_ROLES, APP_OF_T_WITH_ADMIN_WIDS,
        APP_OF_T_WITH_THE_USERS_IDS, BOTH_KINDS_AT_ONCE;

        Map<String, String> claims(String tenant, String user) {
            String other = Identities.newId();
            String everyAppRole = "[" + String.join(" ", Roles.INTEGRATION_READ_WRITE, Roles.DIRECTORY_SYNC,
                    Roles.ELIGIBILITY_CHECK, Roles.OPERATE_TENANTS) + "]";
            String adminWids = "[" + Roles.GLOBAL_ADMINISTRATOR + " " + Roles.GLOBAL_READER + "]";
            return switch (this) {
                case NO_CLAIMS -> null;
                case THE_USER -> Identities.user(tenant, user);
                case OTHER_USER_OF_T -> Identities.user(tenant, Identities.newId());
                case USER_U_OF_OTHER_TENANT -> Identities.user(other, user);
                case GLOBAL_ADMIN -> Identities.globalAdmin(tenant);
                case GLOBAL_READER -> Identities.globalReader(tenant);
                case GLOBAL_ADMIN_OF_OTHER -> Identities.globalAdmin(other);
                case GLOBAL_READER_OF_OTHER -> Identities.globalReader(other);
                case IAC_WRITER -> Identities.app(tenant, Roles.INTEGRATION_READ_WRITE);
                case IAC_WRITER_OF_OTHER -> Identities.app(other, Roles.INTEGRATION_READ_WRITE);
                case DIRECTORY_SYNC -> Identities.app(tenant, Roles.DIRECTORY_SYNC);
                case DIRECTORY_SYNC_OF_OTHER -> Identities.app(other, Roles.DIRECTORY_SYNC);
                case CHECKER -> Identities.checker();
                case OPERATOR -> Identities.operator();
                case CHECKER_APP_OF_T -> Identities.app(tenant, Roles.ELIGIBILITY_CHECK);
                case OPERATOR_APP_OF_T -> Identities.app(tenant, Roles.OPERATE_TENANTS);
                case CHECKER_UNTRUSTED_CLIENT -> Identities.appOnly(Identities.OPERATOR_TENANT, Identities.newId(),
                        "[" + Roles.ELIGIBILITY_CHECK + "]");
                case OPERATOR_UNTRUSTED_CLIENT -> Identities.appOnly(Identities.OPERATOR_TENANT, Identities.newId(),
                        "[" + Roles.OPERATE_TENANTS + "]");
                case USER_OF_T_WITH_EVERY_APP_ROLE -> withRoles(Identities.user(tenant, Identities.newId()), everyAppRole);
                case OPERATOR_TENANT_USER_WITH_ANY_TENANT_ROLES -> {
                    Map<String, String> claims = withRoles(Identities.user(Identities.OPERATOR_TENANT, user), everyAppRole);
                    claims.put("azp", Identities.TRUSTED_CLIENT);
                    yield claims;
                }
                case APP_OF_T_WITH_ADMIN_WIDS -> Identities.claims(tenant, Identities.newId(), adminWids, null);
                case APP_OF_T_WITH_THE_USERS_IDS -> Identities.claims(tenant, user, null, null);
                case BOTH_KINDS_AT_ONCE -> {
                    Map<String, String> claims = withRoles(Identities.delegated(Identities.OPERATOR_TENANT, user,
                            adminWids), everyAppRole);
                    claims.put("idtyp", "app");
                    claims.put("azp", Identities.TRUSTED_CLIENT);
                    yield claims;
                }
            };
        }

        private static Map<String, String> withRoles(Map<String, String> claims, String roles) {
            claims.put("roles", roles);
            return claims;
        }
    }

    /**
     * One endpoint: how to call it for tenant T and user U, who it admits, and what they get; an
     * endpoint that ends its tenant (offboarding) gets a tenant of its own per cell.
     */
    record Endpoint(String name, BiFunction<String, String, LambdaEvents> request, Set<Caller> admitted,
            int success, boolean tenantPerCell) {
        Endpoint(String name, BiFunction<String, String, LambdaEvents> request, Set<Caller> admitted, int success) {
            this(name, request, admitted, success, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String GROUP = "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d";

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("PUT tenant", (t, u) -> LambdaEvents.put("/tenants/" + t)
                    .json("{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":true}"),
                    EnumSet.of(OPERATOR), 200),
            new Endpoint("GET tenant", (t, u) -> LambdaEvents.get("/tenants/" + t),
                    EnumSet.of(OPERATOR, GLOBAL_ADMIN, GLOBAL_READER), 200),
            new Endpoint("GET setting", (t, u) -> LambdaEvents.get("/tenants/" + t + "/linkedin-integration"),
                    EnumSet.of(GLOBAL_ADMIN, GLOBAL_READER, IAC_WRITER), 200),
            new Endpoint("PUT setting", (t, u) -> LambdaEvents.put("/tenants/" + t + "/linkedin-integration")
                    .json("{\"mode\":\"ENABLED\"}"),
                    EnumSet.of(GLOBAL_ADMIN, IAC_WRITER), 200),
            new Endpoint("GET audit", (t, u) -> LambdaEvents.get("/tenants/" + t + "/linkedin-integration/audit"),
                    EnumSet.of(GLOBAL_ADMIN, GLOBAL_READER), 200),
            new Endpoint("POST preview", (t, u) -> LambdaEvents.post("/tenants/" + t + "/linkedin-integration/preview")
                    .json("{\"mode\":\"DISABLED\"}"),
                    EnumSet.of(GLOBAL_ADMIN, GLOBAL_READER, IAC_WRITER), 200),
            new Endpoint("GET selected users", (t, u) -> LambdaEvents.get(
                    "/tenants/" + t + "/linkedin-integration/selected-users"),
                    EnumSet.of(GLOBAL_ADMIN, GLOBAL_READER), 200),
            new Endpoint("DELETE user", (t, u) -> LambdaEvents.delete("/tenants/" + t + "/users/" + u),
                    EnumSet.of(GLOBAL_ADMIN, DIRECTORY_SYNC), 204),
            new Endpoint("DELETE tenant", (t, u) -> LambdaEvents.delete("/tenants/" + t),
                    EnumSet.of(OPERATOR), 204, true),
            new Endpoint("PUT selected user", (t, u) -> LambdaEvents.put(
                    "/tenants/" + t + "/linkedin-integration/selected-users/" + u),
                    EnumSet.of(GLOBAL_ADMIN), 200),
            new Endpoint("DELETE selected user", (t, u) -> LambdaEvents.delete(
                    "/tenants/" + t + "/linkedin-integration/selected-users/" + u),
                    EnumSet.of(GLOBAL_ADMIN), 204),
            new Endpoint("POST group members", (t, u) -> LambdaEvents.post(
                    "/tenants/" + t + "/groups/" + GROUP + "/members").json("{\"add\":[\"" + u + "\"]}"),
                    EnumSet.of(GLOBAL_ADMIN, DIRECTORY_SYNC), 200),
            new Endpoint("PUT office policy", (t, u) -> LambdaEvents.put("/tenants/" + t + "/users/" + u
                    + "/office-policy").json("{\"policy\":\"NOT_CONFIGURED\"}"),
                    EnumSet.of(GLOBAL_ADMIN, DIRECTORY_SYNC), 200),
            new Endpoint("PUT office option", (t, u) -> LambdaEvents.put("/tenants/" + t + "/users/" + u
                    + "/office-option").json("{\"showLinkedInFeatures\":true}"),
                    EnumSet.of(THE_USER), 200),
            new Endpoint("PUT profile visibility", (t, u) -> LambdaEvents.put("/tenants/" + t + "/users/" + u
                    + "/linkedin-profile-visibility").json("{\"visibleInMicrosoftApps\":true}"),
                    EnumSet.of(THE_USER), 200),
            new Endpoint("PUT connection", (t, u) -> LambdaEvents.put("/tenants/" + t + "/users/" + u
                    + "/linkedin-connection").json("{\"consent\":\"LINKEDIN_TO_MICROSOFT\"}"),
                    EnumSet.of(THE_USER), 200),
            new Endpoint("DELETE connection", (t, u) -> LambdaEvents.delete("/tenants/" + t + "/users/" + u
                    + "/linkedin-connection"),
                    EnumSet.of(THE_USER), 204),
            new Endpoint("GET eligibility", (t, u) -> LambdaEvents.get("/tenants/" + t + "/users/" + u
                    + "/linkedin-eligibility"),
                    EnumSet.of(THE_USER, CHECKER), 200),
            new Endpoint("POST batch", (t, u) -> LambdaEvents.post("/tenants/" + t + "/linkedin-eligibility/batch")
                    .json("{\"userIds\":[\"" + u + "\"]}"),
                    EnumSet.of(CHECKER), 200),
            new Endpoint("POST profile cards", (t, u) -> LambdaEvents.post("/tenants/" + t + "/profile-cards/linkedin")
                    .json("{\"viewerId\":\"" + u + "\",\"subjectIds\":[\"" + GROUP + "\"]}"),
                    EnumSet.of(THE_USER, CHECKER), 200),
            new Endpoint("POST OFREP flag", (t, u) -> LambdaEvents.post("/ofrep/v1/evaluate/flags/linkedin-integration")
                    .json("{\"context\":{\"targetingKey\":\"" + u + "\",\"tenantId\":\"" + t + "\"}}"),
                    EnumSet.of(THE_USER, CHECKER), 200),
            new Endpoint("POST OFREP bulk", (t, u) -> LambdaEvents.post("/ofrep/v1/evaluate/flags")
                    .json("{\"context\":{\"targetingKey\":\"" + u + "\",\"tenantId\":\"" + t + "\"}}"),
                    EnumSet.of(THE_USER, CHECKER), 200));

    /**
     * One provisioned tenant per endpoint, shared by its cells: every cell asks about a user of
     * its own, and no endpoint's success depends on what another caller did to the tenant.
     */
    private static final Map<String, String> TENANTS = new java.util.concurrent.ConcurrentHashMap<>();

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                int expected = caller == NO_CLAIMS ? 401 : endpoint.admitted().contains(caller) ? endpoint.success() : 403;
                for (Authorizer authorizer : Authorizer.values()) {
                    cells.add(Arguments.of(endpoint, caller, authorizer, expected));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} ({2} authorizer) -> {3}")
    @MethodSource("cells")
    void eachCallerGetsExactlyTheStatusTheTableDeclares(Endpoint endpoint, Caller caller, Authorizer authorizer,
            int expected) {
        String tenant = endpoint.tenantPerCell() ? Tenants.provisioned()
                : TENANTS.computeIfAbsent(endpoint.name(), name -> Tenants.provisioned());
        String user = Identities.newId();

        LambdaEvents request = endpoint.request().apply(tenant, user);
        Map<String, String> claims = caller.claims(tenant, user);
        if (claims != null) {
            request.as(claims, authorizer);
        }
        var reply = request.send();

        assertEquals(expected, reply.status(), () -> endpoint + " as " + caller + ": " + reply);
        if (expected == 401 || expected == 403) {
            assertEquals("application/problem+json", reply.header("content-type"));
            assertFalse(reply.body().contains(tenant) || reply.body().contains(user),
                    "a refusal names nothing of the tenant or user asked about");
        }
    }
}
