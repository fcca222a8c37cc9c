package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.globalReader;
import static com.contoso.linkedin.support.Identities.newId;
import static com.contoso.linkedin.support.Identities.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class TenantRecordApiTest {

    private static final String RECORD = """
            {"cloud":"PUBLIC","countryCode":"US","rolledOut":true}""";

    @Test
    void putTenant_creates201_thenReplaces200() {
        String tenant = newId();

        var created = LambdaEvents.put("/tenants/" + tenant).as(operator()).json(RECORD)
                .header("x-forwarded-proto", "https").send();
        var replaced = LambdaEvents.put("/tenants/" + tenant).as(operator()).json("""
                {"cloud":"PUBLIC","countryCode":"FR","rolledOut":false,"usersCanConsentToApps":false}""").send();

        assertEquals(201, created.status(), created::toString);
        assertEquals("/tenants/" + tenant, created.header("location"), "the path, whatever scheme and host reached it");
        assertEquals(true, created.json().getBoolean("usersCanConsentToApps"), "defaults to true");
        assertEquals(200, replaced.status(), replaced::toString);
        var read = LambdaEvents.get("/tenants/" + tenant).as(operator()).send();
        assertEquals("FR", read.json().getString("countryCode"));
        assertFalse(read.json().getBoolean("rolledOut"));
        assertFalse(read.json().getBoolean("usersCanConsentToApps"));
    }

    @Test
    void getTenant_isAllowedToOperatorAndTheTenantsAdminsAndReaders() {
        String tenant = Tenants.provisioned();

        for (var caller : java.util.List.of(operator(), globalAdmin(tenant), globalReader(tenant))) {
            var reply = LambdaEvents.get("/tenants/" + tenant).as(caller).send();
            assertEquals(200, reply.status(), reply::toString);
            assertEquals(tenant, reply.json().getString("tenantId"));
            assertEquals("PUBLIC", reply.json().getString("cloud"));
        }
    }

    @Test
    void putTenant_isRefusedToEveryoneButTheOperator() {
        String tenant = Tenants.provisioned();

        for (var caller : java.util.List.of(globalAdmin(tenant), Identities.iacWriter(tenant),
                Identities.user(tenant, newId()), Identities.checker())) {
            var reply = LambdaEvents.put("/tenants/" + tenant).as(caller).json(RECORD).send();
            assertEquals(403, reply.status(), reply::toString);
        }
    }

    @Test
    void getTenant_isRefusedToAdminsOfAnotherTenant_withoutLeakingIt() {
        String tenant = Tenants.provisioned();

        var reply = LambdaEvents.get("/tenants/" + tenant).as(globalAdmin(newId())).send();

        assertEquals(403, reply.status());
        assertEquals("application/problem+json", reply.header("content-type"));
        assertFalse(reply.body().contains(tenant), "a 403 names nothing of the tenant asked about");
    }

    @Test
    void getTenant_isNotFound_whenNotProvisioned() {
        var reply = LambdaEvents.get("/tenants/" + newId()).as(operator()).send();

        assertEquals(404, reply.status());
        assertEquals("TENANT_NOT_PROVISIONED", reply.json().getString("reason"));
    }

    @Test
    void putTenant_refusesBadRecords_andChangesNothing() {
        String tenant = newId();
        for (String bad : new String[] {
                "{\"cloud\":\"public\",\"countryCode\":\"US\",\"rolledOut\":true}",
                "{\"cloud\":\"PUBLIC\",\"countryCode\":\"USA\",\"rolledOut\":true}",
                "{\"cloud\":\"PUBLIC\",\"countryCode\":\"XX\",\"rolledOut\":true}", // not assigned
                "{\"cloud\":\"PUBLIC\",\"countryCode\":\"UK\",\"rolledOut\":true}", // reserved: GB is
                "{\"cloud\":\"PUBLIC\",\"countryCode\":\"EU\",\"rolledOut\":true}",
                "{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\"}",
                "{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":\"yes\"}",
                "{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":true,\"extra\":1}",
                "{\"cloud\":\"PUBLIC\",",
                "[]" }) {
            var reply = LambdaEvents.put("/tenants/" + tenant).as(operator()).json(bad).send();
            assertEquals(400, reply.status(), () -> bad + " -> " + reply);
            assertEquals("application/problem+json", reply.header("content-type"));
            assertFalse(reply.json().getString("detail").isBlank());
        }
        assertEquals(404, LambdaEvents.get("/tenants/" + tenant).as(operator()).send().status());
    }

    @Test
    void putTenant_takesEveryAssignedCountry_andKosovo() {
        for (String country : new String[] { "GB", "AQ", "SS", "XK" }) {
            String tenant = newId();
            var reply = LambdaEvents.put("/tenants/" + tenant).as(operator())
                    .json("{\"cloud\":\"PUBLIC\",\"countryCode\":\"" + country + "\",\"rolledOut\":true}").send();

            assertEquals(201, reply.status(), () -> country + " -> " + reply);
            assertEquals(country, LambdaEvents.get("/tenants/" + tenant).as(operator()).send().json().getString("countryCode"));
        }
    }

    @Test
    void tenantIds_mustBeGuids() {
        var reply = LambdaEvents.get("/tenants/not-a-guid").as(operator()).send();

        assertEquals(400, reply.status());
        assertEquals("application/problem+json", reply.header("content-type"));
    }
}
