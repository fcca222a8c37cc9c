package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.checker;
import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.support.Dispatch;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.StoreCalls;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What a check costs in store round trips (SPEC section 6), counted by an SDK interceptor on the
 * application's own DynamoDB client: one user read per check, one BatchGetItem per 100 users, and
 * the tenant read at most once per {@code linkedin.tenant-cache.max-staleness} per instance.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class StoreRoundTripTest {

    private String tenant;

    @BeforeEach
    void tenantIsCached() {
        tenant = Tenants.provisioned();
        assertEquals(200, Checks.eligibility(tenant, newId()).status());
        StoreCalls.reset();
    }

    private static List<String> users(int count) {
        return IntStream.range(0, count).mapToObj(i -> newId()).toList();
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private Reply batch(List<String> userIds) {
        return LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch").as(checker())
                .json("{\"userIds\":" + ids(userIds) + "}").send();
    }

    private Reply profileCards(String viewer, List<String> subjects) {
        return LambdaEvents.post("/tenants/" + tenant + "/profile-cards/linkedin").as(checker())
                .json("{\"viewerId\":\"" + viewer + "\",\"subjectIds\":" + ids(subjects) + "}").send();
    }

    @Test
    void check_costsOneUserGetItem_andNoTenantRead_whenTheTenantIsCached() {
        Reply reply = Checks.eligibility(tenant, newId());

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, StoreCalls.of("GetItem:USER"), StoreCalls::summary);
        assertEquals(0, StoreCalls.of("GetItem:TENANT"), StoreCalls::summary);
        assertEquals(1, StoreCalls.total(), StoreCalls::summary);
    }

    @Test
    void directRouteCheck_costsOneUserGetItem_too() {
        Reply reply = Dispatch.hotRoutes(LambdaEvents.get("/tenants/" + tenant + "/users/" + newId()
                + "/linkedin-eligibility").as(checker())).orElseThrow();

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, StoreCalls.of("GetItem:USER"), StoreCalls::summary);
        assertEquals(1, StoreCalls.total(), StoreCalls::summary);
    }

    @Test
    void directRouteBatchAndCard_costWhatTheHttpLayerCosts() {
        List<String> users = users(100);
        Reply batch = Dispatch.hotRoutes(LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch")
                .as(checker()).json("{\"userIds\":" + ids(users) + "}")).orElseThrow();
        assertEquals(200, batch.status(), batch::toString);
        assertEquals(1, StoreCalls.of("BatchGetItem"), StoreCalls::summary);
        assertEquals(1, StoreCalls.total(), StoreCalls::summary);

        StoreCalls.reset();
        Reply card = Dispatch.hotRoutes(LambdaEvents.post("/tenants/" + tenant + "/profile-cards/linkedin").as(checker())
                .json("{\"viewerId\":\"" + newId() + "\",\"subjectIds\":" + ids(users) + "}")).orElseThrow();
        assertEquals(200, card.status(), card::toString);
        assertEquals(2, StoreCalls.of("BatchGetItem"), StoreCalls::summary);
        assertEquals(101, StoreCalls.of("BatchGetItem.keys"), StoreCalls::summary);
        assertEquals(2, StoreCalls.total(), StoreCalls::summary);
    }

    @Test
    void officeDesktopCheck_costsOneUserGetItem_too() {
        Reply reply = Checks.eligibility(tenant, newId(), "OFFICE_DESKTOP");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1, StoreCalls.total(), StoreCalls::summary);
        assertEquals(1, StoreCalls.of("GetItem:USER"), StoreCalls::summary);
    }

    @Test
    void batchOf100DistinctUsers_costsOneBatchGetItem() {
        Reply reply = batch(users(100));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(100, reply.json().getList("decisions").size());
        assertEquals(1, StoreCalls.of("BatchGetItem"), StoreCalls::summary);
        assertEquals(100, StoreCalls.of("BatchGetItem.keys"), StoreCalls::summary);
        assertEquals(1, StoreCalls.total(), StoreCalls::summary);
    }

    @Test
    void batchWithRepeatedUsers_asksForEachUserOnce() {
        String same = newId();
        Reply reply = batch(List.of(same, newId(), same));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(3, reply.json().getList("decisions").size());
        assertEquals(1, StoreCalls.total(), StoreCalls::summary);
        assertEquals(2, StoreCalls.of("BatchGetItem.keys"), StoreCalls::summary);
    }

    @Test
    void profileCardWith99Subjects_costsOneBatchGetItem_viewerIncluded() {
        Reply reply = profileCards(newId(), users(99));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(99, reply.json().getList("cards").size());
        assertEquals(1, StoreCalls.of("BatchGetItem"), StoreCalls::summary);
        assertEquals(100, StoreCalls.of("BatchGetItem.keys"), StoreCalls::summary);
        assertEquals(1, StoreCalls.total(), StoreCalls::summary);
    }

    @Test
    void profileCardWith100Subjects_costsTwoBatchGetItems_becauseDynamoDbTakes100KeysAtMost() {
        // Viewer plus 100 subjects are 101 keys: the adapter sends both chunks at once, so the
        // card waits for one round trip of latency, not two (DynamoDbLinkedInStore.findUsers).
        Reply reply = profileCards(newId(), users(100));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(100, reply.json().getList("cards").size());
        assertEquals(2, StoreCalls.of("BatchGetItem"), StoreCalls::summary);
        assertEquals(101, StoreCalls.of("BatchGetItem.keys"), StoreCalls::summary);
        assertEquals(2, StoreCalls.total(), StoreCalls::summary);
    }

    @Test
    void tenantRecordAndSetting_areReadOnce_withinTheBound() {
        String fresh = Tenants.provisioned();
        StoreCalls.reset();

        for (int i = 0; i < 5; i++) {
            assertEquals(200, Checks.eligibility(fresh, newId()).status());
        }
        assertEquals(200, batch(users(3)).status());

        assertEquals(1, StoreCalls.of("GetItem:TENANT"), StoreCalls::summary);
        assertEquals(5, StoreCalls.of("GetItem:USER"), StoreCalls::summary);
    }

    @Test
    void unknownTenant_isAskedAboutOnceWithinTheBound_andNoUserIsRead() {
        String unknown = newId();

        for (int i = 0; i < 3; i++) {
            assertEquals("TENANT_NOT_PROVISIONED", Checks.reason(unknown, newId()));
        }

        assertEquals(1, StoreCalls.of("GetItem:TENANT"), StoreCalls::summary);
        assertEquals(1, StoreCalls.total(), StoreCalls::summary);
    }

    @Test
    void tenantThatDecidesAlone_costsNoUserRead() {
        String notRolledOut = Tenants.provisioned("PUBLIC", "US", false);
        assertEquals("NOT_ROLLED_OUT", Checks.reason(notRolledOut, newId()));
        StoreCalls.reset();

        assertEquals("NOT_ROLLED_OUT", Checks.reason(notRolledOut, newId()));

        assertEquals(0, StoreCalls.total(), StoreCalls::summary);
    }
}
