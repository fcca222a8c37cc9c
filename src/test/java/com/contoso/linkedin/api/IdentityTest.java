package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.OPERATOR_TENANT;
import static com.contoso.linkedin.support.Identities.TRUSTED_CLIENT;
import static com.contoso.linkedin.support.Identities.appOnly;
import static com.contoso.linkedin.support.Identities.delegated;
import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.identity.Grant.Roles;
import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Authorizer;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/** SPEC section 5: the caller comes from the authorizer's context or claims in the event. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class IdentityTest {

    @ParameterizedTest
    @ValueSource(strings = { "[%s]", "[%s b0f54661-2d74-4c50-afa3-1ec803f12efe]",
            "[b0f54661-2d74-4c50-afa3-1ec803f12efe %s]", "%s", "[\"%s\",\"b0f54661-2d74-4c50-afa3-1ec803f12efe\"]" })
    void widsClaim_isReadInEveryShapeTheHttpApiSends(String shape) {
        String tenant = Tenants.provisioned();

        var reply = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                .as(delegated(tenant, newId(), shape.formatted(Roles.GLOBAL_READER)), Authorizer.JWT).send();

        assertEquals(200, reply.status(), reply::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = { "%s", "%s b0f54661-2d74-4c50-afa3-1ec803f12efe", "b0f54661-2d74-4c50-afa3-1ec803f12efe %s" })
    void widsInTheLambdaAuthorizersContext_areOneSpaceSeparatedString(String shape) {
        String tenant = Tenants.provisioned();
        Map<String, Object> context = Map.of("tid", tenant, "oid", newId(), "scp", "access_as_user",
                "wids", shape.formatted(Roles.GLOBAL_READER));

        var reply = LambdaEvents.sendRaw(withLambdaContext(
                LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").event(), context));

        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void lambdaAuthorizersContext_winsOverJwtClaims() {
        String tenant = Tenants.provisioned();
        Map<String, Object> event = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                .as(delegated(tenant, newId(), "[" + Roles.GLOBAL_READER + "]"), Authorizer.JWT).event();
        Map<String, Object> nobody = Map.of("tid", newId(), "oid", newId(), "scp", "access_as_user");

        var reply = LambdaEvents.sendRaw(withLambdaContext(event, nobody));

        assertEquals(403, reply.status(), reply::toString);
    }

    @Test
    void anEmptyLambdaAuthorizerContext_is401() {
        var reply = LambdaEvents.sendRaw(withLambdaContext(
                LambdaEvents.get("/tenants/" + newId() + "/linkedin-integration").event(), Map.of()));

        assertEquals(401, reply.status(), reply::toString);
    }

    @Test
    void appRolesOnAUsersToken_grantNothing_evenForTheSettingWrite() {
        String tenant = Tenants.provisioned();
        Map<String, String> user = delegated(tenant, newId(), null);
        user.put("roles", "[" + Roles.INTEGRATION_READ_WRITE + "]");

        var reply = Tenants.setModeAs(tenant, user, "{\"mode\":\"DISABLED\"}");

        assertEquals(403, reply.status(), reply::toString);
        assertEquals("ENABLED", LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                .as(Identities.globalReader(tenant)).send().json().getString("mode"));
    }

    @Test
    void anyTenantRoles_countOnlyForTrustedAppsOfTheOperatorTenant() {
        String tenant = newId();
        String body = "{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":true}";

        var fromAnotherTenant = LambdaEvents.put("/tenants/" + tenant)
                .as(appOnly(newId(), TRUSTED_CLIENT, "[" + Roles.OPERATE_TENANTS + "]")).json(body).send();
        var fromAnUntrustedApp = LambdaEvents.put("/tenants/" + tenant)
                .as(appOnly(OPERATOR_TENANT, newId(), "[" + Roles.OPERATE_TENANTS + "]")).json(body).send();
        var fromTheOperator = LambdaEvents.put("/tenants/" + tenant)
                .as(appOnly(OPERATOR_TENANT, TRUSTED_CLIENT, "[" + Roles.OPERATE_TENANTS + "]")).json(body).send();

        assertEquals(403, fromAnotherTenant.status(), fromAnotherTenant::toString);
        assertEquals(403, fromAnUntrustedApp.status(), fromAnUntrustedApp::toString);
        assertEquals(201, fromTheOperator.status(), fromTheOperator::toString);
    }

    @Test
    void theClientAppId_isReadFromAppid_whenTheTokenHasNoAzp() {
        Map<String, String> claims = appOnly(OPERATOR_TENANT, TRUSTED_CLIENT, "[" + Roles.OPERATE_TENANTS + "]");
        claims.put("appid", claims.remove("azp"));

        var reply = LambdaEvents.put("/tenants/" + newId()).as(claims, Authorizer.JWT)
                .json("{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":true}").send();

        assertEquals(201, reply.status(), reply::toString);
    }

    private static Map<String, Object> withLambdaContext(Map<String, Object> event, Map<String, Object> context) {
        @SuppressWarnings("unchecked")
        Map<String, Object> requestContext = (Map<String, Object>) event.get("requestContext");
        Map<String, Object> authorizer = new java.util.LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> existing = (Map<String, Object>) requestContext.get("authorizer");
        if (existing != null) {
            authorizer.putAll(existing);
        }
        authorizer.put("lambda", context);
        requestContext.put("authorizer", authorizer);
        return event;
    }

    @Test
    void rolesClaim_flattened_grantsTheCheckRole() {
        String tenant = Tenants.provisioned();

        var reply = LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch")
                .as(appOnly(OPERATOR_TENANT, TRUSTED_CLIENT, "[Other.Role " + Roles.ELIGIBILITY_CHECK + "]"),
                        Authorizer.JWT)
                .json("{\"userIds\":[\"" + newId() + "\"]}").send();

        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void idsInClaims_matchPathIdsWhateverTheirCase() {
        String tenant = Tenants.provisioned();

        var reply = LambdaEvents.get("/tenants/" + tenant.toUpperCase() + "/linkedin-integration")
                .as(delegated(tenant.toUpperCase(), newId(), "[" + Roles.GLOBAL_ADMINISTRATOR.toUpperCase() + "]"))
                .send();

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(tenant, reply.json().getString("tenantId"));
    }

    @Test
    void anEventWithoutClaims_is401_problemJson() {
        var reply = LambdaEvents.get("/tenants/" + newId() + "/linkedin-integration").send();

        assertEquals(401, reply.status());
        assertEquals("application/problem+json", reply.header("content-type"));
    }

    @Test
    void claimsThatGrantNothing_are403_andNameNothingOfTheTenant() {
        String tenant = Tenants.provisioned();

        var reply = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                .as(delegated(newId(), newId(), "[" + Roles.GLOBAL_ADMINISTRATOR + "]")).send();

        assertEquals(403, reply.status());
        assertFalse(reply.body().contains(tenant));
        assertFalse(reply.body().contains("ENABLED"));
    }

    @Test
    void testProfile_acceptsTheUnverifiedBearerShortcut_forPlainEvents() {
        String tenant = Tenants.provisioned();
        String payload = "{\"tid\":\"" + tenant + "\",\"oid\":\"" + newId() + "\",\"scp\":\"access_as_user\","
                + "\"wids\":[\"" + Roles.GLOBAL_READER + "\"]}";
        String token = unsigned(payload);

        var withToken = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                .header("Authorization", "Bearer " + token).send();
        var withGarbage = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                .header("Authorization", "Bearer not-a-jwt").send();

        assertEquals(200, withToken.status(), withToken::toString);
        assertEquals(401, withGarbage.status());
        assertFalse(withGarbage.body().contains("not-a-jwt"));
    }

    @Test
    void testProfilesBearerShortcut_readsANullClaimAsAbsent() {
        String tenant = Tenants.provisioned();
        // scp null: no delegated token, so the admin's directory role counts for nothing, as in an event.
        String payload = "{\"tid\":\"" + tenant + "\",\"oid\":\"" + newId() + "\",\"scp\":null,"
                + "\"wids\":[\"" + Roles.GLOBAL_ADMINISTRATOR + "\"]}";
        String token = unsigned(payload);

        var write = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration")
                .header("Authorization", "Bearer " + token).json("{\"mode\":\"DISABLED\"}").send();

        assertEquals(403, write.status(), write::toString);
    }

    /** A JWT of these claims without a signature: what the test profile's Bearer shortcut reads. */
    private static String unsigned(String payload) {
        return b64("{\"alg\":\"none\"}") + "." + b64(payload) + ".";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
