package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.checker;
import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.contoso.linkedin.support.FaultyDynamoDb;
import com.contoso.linkedin.support.FaultyDynamoDb.Fault;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A slow or throttling DynamoDB, with the production client settings (application.properties):
 * reads and checks answer 503 with Retry-After within the client's bound, never an answer; writes
 * answer 503 and leave no setting without its audit entry, or the reverse.
 */
@QuarkusTest
@TestProfile(StoreFaultTest.BehindFaultyProxy.class)
class StoreFaultTest {

    public static class BehindFaultyProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // No tenant cache: every check reaches the store, faults included.
            return Map.of("quarkus.dynamodb.endpoint-override", FaultyDynamoDb.get().endpoint(),
                    "linkedin.tenant-cache.max-staleness", "PT0S");
        }
    }

    @ConfigProperty(name = "quarkus.dynamodb.endpoint-override")
    String store;

    @AfterEach
    void heal() {
        FaultyDynamoDb.heal(store);
    }

    private static Reply check(String tenant) {
        return LambdaEvents.get("/tenants/" + tenant + "/users/" + newId() + "/linkedin-eligibility").as(checker()).send();
    }

    private static void assertUnavailable(Reply reply) {
        assertEquals(503, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("content-type"));
        assertNotNull(reply.header("Retry-After"));
        assertFalse(reply.body().contains("\"eligible\""));
    }

    @Test
    void aThrottlingStore_makesChecks503_neverAnAnswer() {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.THROTTLE, "GetItem", 0);

        assertUnavailable(check(tenant));
        assertUnavailable(LambdaEvents.post("/tenants/" + tenant + "/profile-cards/linkedin").as(checker())
                .json("{\"viewerId\":\"" + newId() + "\",\"subjectIds\":[\"" + newId() + "\"]}").send());
    }

    @Test
    void aThrottledBatchRead_makesTheBatch503() {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.THROTTLE, "BatchGetItem", 0);

        assertUnavailable(LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch").as(checker())
                .json("{\"userIds\":[\"" + newId() + "\",\"" + newId() + "\"]}").send());
    }

    @Test
    void aSlowStore_makesChecks503_withinTheClientsBound_notTheLambdasTimeout() {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.SLOW, "GetItem", 10_000);

        Instant start = Instant.now();
        Reply reply = check(tenant);
        Duration took = Duration.between(start, Instant.now());

        assertUnavailable(reply);
        assertTrue(took.compareTo(Duration.ofSeconds(9)) < 0, "answered after " + took);
    }

    @Test
    void aFailedSettingWrite_leavesNoSettingWithoutItsAuditEntry() {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.THROTTLE, "TransactWriteItems", 0);

        assertUnavailable(Tenants.setMode(tenant, "{\"mode\":\"DISABLED\"}"));

        FaultyDynamoDb.heal(store);
        var setting = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant)).send();
        var audit = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration/audit").as(globalAdmin(tenant)).send();
        assertEquals(0, setting.json().getLong("version"));
        assertEquals("ENABLED", setting.json().getString("mode"));
        assertEquals(0, audit.json().getList("entries").size());
    }

    @Test
    void aSlowSettingWrite_thatLandsLate_landsWhole() throws Exception {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.SLOW, "TransactWriteItems", 7_000);

        assertUnavailable(Tenants.setMode(tenant, "{\"mode\":\"DISABLED\"}"));
        Thread.sleep(8_000); // the proxy forwards the write after its delay: it may still land

        FaultyDynamoDb.heal(store);
        long version = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .send().json().getLong("version");
        int entries = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration/audit").as(globalAdmin(tenant))
                .send().json().getList("entries").size();
        assertEquals(version, entries, "the setting and its audit entry land together or not at all");
    }
}
