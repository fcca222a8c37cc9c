package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.claims;
import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.contoso.linkedin.identity.Grant.Roles;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/** SPEC section 5: the caller comes from the JWT authorizer's claims in the event. */
@QuarkusTest
class IdentityTest {

    @ParameterizedTest
    @ValueSource(strings = { "[%s]", "[%s b0f54661-2d74-4c50-afa3-1ec803f12efe]",
            "[b0f54661-2d74-4c50-afa3-1ec803f12efe %s]", "%s", "[\"%s\",\"b0f54661-2d74-4c50-afa3-1ec803f12efe\"]" })
    void widsClaim_isReadInEveryShapeTheHttpApiSends(String shape) {
        String tenant = Tenants.provisioned();

        var reply = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                .as(claims(tenant, newId(), shape.formatted(Roles.GLOBAL_READER), null)).send();

        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void rolesClaim_flattened_grantsTheCheckRole() {
        String tenant = Tenants.provisioned();

        var reply = LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch")
                .as(claims(newId(), newId(), null, "[Other.Role " + Roles.ELIGIBILITY_CHECK + "]"))
                .json("{\"userIds\":[\"" + newId() + "\"]}").send();

        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void idsInClaims_matchPathIdsWhateverTheirCase() {
        String tenant = Tenants.provisioned();

        var reply = LambdaEvents.get("/tenants/" + tenant.toUpperCase() + "/linkedin-integration")
                .as(claims(tenant.toUpperCase(), newId(), "[" + Roles.GLOBAL_ADMINISTRATOR.toUpperCase() + "]", null))
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
                .as(claims(newId(), newId(), "[" + Roles.GLOBAL_ADMINISTRATOR + "]", "[Tenants.Operate.Not]")).send();

        assertEquals(403, reply.status());
        assertFalse(reply.body().contains(tenant));
        assertFalse(reply.body().contains("ENABLED"));
    }

    @Test
    void testProfile_acceptsTheUnverifiedBearerShortcut_forPlainEvents() {
        String tenant = Tenants.provisioned();
        String payload = "{\"tid\":\"" + tenant + "\",\"oid\":\"" + newId() + "\",\"wids\":[\""
                + Roles.GLOBAL_READER + "\"]}";
        String token = b64("{\"alg\":\"none\"}") + "." + b64(payload) + ".";

        var withToken = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                .header("Authorization", "Bearer " + token).send();
        var withGarbage = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                .header("Authorization", "Bearer not-a-jwt").send();

        assertEquals(200, withToken.status(), withToken::toString);
        assertEquals(401, withGarbage.status());
        assertFalse(withGarbage.body().contains("not-a-jwt"));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
