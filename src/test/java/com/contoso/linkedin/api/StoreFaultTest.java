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
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.lambda.SyntheticContext;
import com.contoso.linkedin.store.LinkedInStore;
import com.contoso.linkedin.support.Dispatch;
import com.contoso.linkedin.support.FaultyDynamoDb;
import com.contoso.linkedin.support.FaultyDynamoDb.Fault;
import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A DynamoDB that misbehaves, with the production client settings (application.properties),
 * through the production dispatch: what a retry may fix (throttling, 5xx, slowness) is a 503 with
 * Retry-After, within the request's deadline, never an answer; what it cannot (access denied, no
 * table, an invalid request) is a 503 too (SPEC 3), of its own type, with the longest Retry-After
 * and tried once; writes leave no
 * setting without its audit entry, or the reverse, and a write whose answer is lost is reported
 * as the success it was.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
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
    void aThrottlingStore_makesChecks503_neverAnAnswer_andIsAskedOnlyAsOftenAsTheSdkTries() {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.THROTTLE, "GetItem", 0);

        assertUnavailable(check(tenant));
        // No retry loop multiplies another: the tenant read fails after the SDK's 3 attempts, and
        // the user is never read.
        assertEquals(3, FaultyDynamoDb.seen(store, "GetItem"));
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
    void theCacheBoundIsTheConfiguredOne_PT0S_reportedAsZero() {
        // SPEC 6: linkedin.tenant-cache.max-staleness is the bound; this profile turns the cache off.
        Reply reply = check(Tenants.provisioned());

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(0, reply.json().getLong("maxStalenessSeconds"));
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
    void aStoreServerError_is503_withRetryAfter() {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.SERVER_ERROR, "GetItem", 0);

        assertUnavailable(check(tenant));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "ACCESS_DENIED", "NO_TABLE", "INVALID" })
    void aStoreRefusalNoRetryCanFix_is503_toldApart_withTheLongestRetryAfter_andIsTriedOnce(Fault refusal) {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, refusal, "GetItem", 0);

        Reply reply = check(tenant);

        assertEquals(503, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("content-type"));
        assertEquals("urn:linkedin-integration:problem:store-failed", reply.json().getString("type"));
        assertTrue(Integer.parseInt(reply.header("Retry-After")) >= 32, reply::toString);
        assertFalse(reply.body().contains("\"eligible\""));
        assertEquals(1, FaultyDynamoDb.seen(store, "GetItem"), "never retried");
    }

    @Test
    void aStoreRefusal_throughTheHttpLayer_isThe503StoreFailedToo() {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.ACCESS_DENIED, "GetItem", 0);

        Reply reply = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant)).send();

        assertEquals(503, reply.status(), reply::toString);
        assertEquals("urn:linkedin-integration:problem:store-failed", reply.json().getString("type"));
        assertTrue(Integer.parseInt(reply.header("Retry-After")) >= 32, reply::toString);
    }

    @Test
    void aSlowStore_isCutOffByTheRequestsDeadline_beforeLambdaCutsTheFunction() {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.SLOW, "GetItem", 10_000);

        Instant start = Instant.now();
        Reply reply = Dispatch.send(LambdaEvents.get("/tenants/" + tenant + "/users/" + newId()
                + "/linkedin-eligibility").as(checker()), SyntheticContext.withRemaining("short", Duration.ofMillis(1500)));
        Duration took = Duration.between(start, Instant.now());

        assertUnavailable(reply);
        assertTrue(took.compareTo(Duration.ofMillis(1500)) < 0, "answered after " + took);
    }

    @Test
    void aSlowStore_isCutOffByTheDeadline_onTheHttpLayersPathToo() {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.SLOW, "GetItem", 10_000);

        Instant start = Instant.now();
        Reply reply = Dispatch.send(LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                .as(globalAdmin(tenant)), SyntheticContext.withRemaining("short", Duration.ofMillis(1500)));
        Duration took = Duration.between(start, Instant.now());

        assertUnavailable(reply);
        assertTrue(took.compareTo(Duration.ofMillis(1500)) < 0, "answered after " + took);
    }

    @Test
    void aCommittedSettingWriteWhoseAnswerIsLost_isReportedAsItsSuccess_oneVersionOneAuditEntry() {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.LOSE_ANSWER, "TransactWriteItems", 0, 0, 1);

        Reply reply = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .header("If-Match", "\"0\"").json("{\"mode\":\"DISABLED\"}").send();

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("DISABLED", reply.json().getString("mode"));
        assertEquals(1, reply.json().getLong("version"));
        FaultyDynamoDb.heal(store);
        assertEquals(1, LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration/audit").query("kind=SETTING")
                .as(globalAdmin(tenant))
                .send().json().getList("entries").size());
    }

    @Test
    void aCommittedGroupSyncWhoseAnswerIsLost_countsTheChangesItMade() {
        String tenant = Tenants.provisioned();
        String group = newId();
        FaultyDynamoDb.inject(store, Fault.LOSE_ANSWER, "TransactWriteItems", 0, 0, 1);

        Reply reply = LambdaEvents.post("/tenants/" + tenant + "/groups/" + group + "/members").as(globalAdmin(tenant))
                .json("{\"add\":[\"" + newId() + "\",\"" + newId() + "\"]}").send();

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(2, reply.json().getInt("added"), "the SDK's retry finds its own commit, not a lost race");
    }

    @Test
    void aPutReplayedWithItsIfMatchAfterItSucceeded_is200_notPreconditionFailed() {
        String tenant = Tenants.provisioned();
        LambdaEvents put = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .header("If-Match", "\"0\"").json("{\"mode\":\"DISABLED\"}");

        Reply first = put.send();
        Reply replay = put.send();

        assertEquals(200, first.status(), first::toString);
        assertEquals(200, replay.status(), replay::toString);
        assertEquals(1, replay.json().getLong("version"));
        assertEquals("\"1\"", replay.header("ETag"));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "SERVER_ERROR", "ACCESS_DENIED" })
    void aGroupSyncStoppedPartWay_saysExactlyWhichChangesItApplied_andAReplayCompletesIt(Fault stop) {
        String tenant = Tenants.provisioned();
        String group = newId();
        List<String> users = java.util.stream.IntStream.range(0, 150).mapToObj(i -> newId()).toList();
        LambdaEvents sync = LambdaEvents.post("/tenants/" + tenant + "/groups/" + group + "/members")
                .as(globalAdmin(tenant)).json("{\"add\":" + users.stream().map(u -> "\"" + u + "\"")
                        .collect(java.util.stream.Collectors.joining(",", "[", "]")) + "}");
        // The first transaction of 97 passes; the second fails every time it is tried.
        FaultyDynamoDb.inject(store, stop, "TransactWriteItems", 0, 1, Integer.MAX_VALUE);

        Reply partial = sync.send();

        assertUnavailable(partial);
        assertEquals("urn:linkedin-integration:problem:group-sync-incomplete", partial.json().getString("type"));
        if (stop == Fault.ACCESS_DENIED) {
            assertTrue(partial.json().getString("detail").contains("fault of the deployment"), partial::toString);
            assertTrue(Integer.parseInt(partial.header("Retry-After")) >= 32, partial::toString);
        }
        List<String> applied = partial.json().getList("applied.added", String.class);
        assertEquals(LinkedInStore.GROUP_SYNC_CHUNK, applied.size(), partial::toString);
        assertEquals(0, partial.json().getList("applied.removed").size());
        assertTrue(users.containsAll(applied));
        FaultyDynamoDb.heal(store);
        assertEquals(200, sync.send().status());
        Tenants.setMode(tenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}");
        for (List<String> some : List.of(users.subList(0, 100), users.subList(100, 150))) {
            Reply batch = LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch").as(checker())
                    .json("{\"userIds\":" + some.stream().map(u -> "\"" + u + "\"")
                            .collect(java.util.stream.Collectors.joining(",", "[", "]")) + "}").send();
            assertEquals(List.of(true), batch.json().getList("decisions.eligible").stream().distinct().toList(),
                    "every member added once the sync is replayed");
        }
    }

    @Test
    void aFailedSettingWrite_leavesNoSettingWithoutItsAuditEntry() {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.THROTTLE, "TransactWriteItems", 0);

        assertUnavailable(Tenants.setMode(tenant, "{\"mode\":\"DISABLED\"}"));

        FaultyDynamoDb.heal(store);
        var setting = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant)).send();
        var audit = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration/audit").query("kind=SETTING")
                .as(globalAdmin(tenant)).send();
        assertEquals(0, setting.json().getLong("version"));
        assertEquals("ENABLED", setting.json().getString("mode"));
        assertEquals(0, audit.json().getList("entries").size());
    }

    @Test
    void aSettingWrite_meetingOtherTransactionsOnTheTenant_waitsForThem_andLandsOnce() {
        // A user's connect or a group sync checks the tenant item in its own transaction: DynamoDB
        // cancels a write to that item meanwhile (TransactionConflict), which no re-read resolves.
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.CONFLICT, "TransactWriteItems", 0, 0, 4);

        var written = Tenants.setMode(tenant, "{\"mode\":\"DISABLED\"}");

        assertEquals(200, written.status(), written::toString);
        assertEquals(1, written.json().getLong("version"));
        assertEquals(5, FaultyDynamoDb.seen(store, "TransactWriteItems"), "four conflicts, then the write");
    }

    @Test
    void aSlowSettingWrite_thatLandsLate_landsWhole() throws Exception {
        String tenant = Tenants.provisioned();
        FaultyDynamoDb.inject(store, Fault.SLOW, "TransactWriteItems", 2_000);

        assertUnavailable(Dispatch.send(LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration")
                .as(globalAdmin(tenant)).json("{\"mode\":\"DISABLED\"}"),
                SyntheticContext.withRemaining("short", Duration.ofMillis(1000))));
        Thread.sleep(2_500); // the proxy forwards the write after its delay: it may still land

        FaultyDynamoDb.heal(store);
        long version = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .send().json().getLong("version");
        int entries = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration/audit").query("kind=SETTING")
                .as(globalAdmin(tenant))
                .send().json().getList("entries").size();
        assertEquals(version, entries, "the setting and its audit entry land together or not at all");
    }

    /**
     * Offboarding on a store too slow for a page in the time a call has: each call erases what its
     * deadline allows and says how far it came; none outlasts it (a store call the deadline cuts off
     * is a 503, and a call again), and the calls get to the end.
     */
    @Test
    void offboardingOnASlowStore_cutsPagesShort_neverTheAnswer() {
        String tenant = Tenants.provisioned();
        List<String> users = java.util.stream.IntStream.range(0, 200).mapToObj(i -> newId()).toList();
        assertEquals(200, LambdaEvents.post("/tenants/" + tenant + "/groups/" + newId() + "/members").as(globalAdmin(tenant))
                .json("{\"add\":" + users.stream().map(u -> "\"" + u + "\"")
                        .collect(java.util.stream.Collectors.joining(",", "[", "]")) + "}").send().status());
        FaultyDynamoDb.inject(store, Fault.SLOW, "BatchWriteItem", 60);
        Duration deadline = Duration.ofMillis(900);

        List<Long> erased = new java.util.ArrayList<>();
        List<Integer> statuses = new java.util.ArrayList<>();
        // Until 204; or 404 right after a 503: the call that finished had its answer cut off.
        while (statuses.isEmpty() || statuses.get(statuses.size() - 1) != 204
                && !(statuses.get(statuses.size() - 1) == 404 && statuses.get(statuses.size() - 2) == 503)) {
            assertTrue(statuses.size() < 40, () -> "offboarding never ends: " + statuses + " " + erased);
            Instant start = Instant.now();
            Reply reply = Dispatch.send(LambdaEvents.delete("/tenants/" + tenant).as(Identities.operator()),
                    SyntheticContext.withRemaining("short", deadline));
            Duration took = Duration.between(start, Instant.now());
            assertTrue(took.compareTo(deadline) < 0, "a call took " + took);
            assertTrue(List.of(202, 204, 503).contains(reply.status()) || statuses.contains(503) && reply.status() == 404,
                    () -> statuses + " then " + reply);
            statuses.add(reply.status());
            if (reply.status() == 202) {
                erased.add(reply.json().getLong("erasedUsers"));
            }
        }

        assertTrue(erased.size() >= 2 && erased.get(0) < 500, () -> "pages cut short by the deadline: " + erased);
        FaultyDynamoDb.heal(store);
        for (String user : users.subList(0, 5)) {
            assertEquals("TENANT_NOT_PROVISIONED", Checks.reason(tenant, user));
        }
    }
}
