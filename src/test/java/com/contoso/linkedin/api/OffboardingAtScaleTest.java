package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.newId;
import static com.contoso.linkedin.support.Identities.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.lambda.SyntheticContext;
import com.contoso.linkedin.support.Dispatch;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.SharedDynamoDbLocal;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Offboarding a tenant of 10,000 users on DynamoDB Local, through the production dispatch, each
 * call with a Lambda deadline: DELETE until 204. Every call answers within its deadline, every
 * answer about the tenant is TENANT_NOT_PROVISIONED from the first call on, and afterwards nothing
 * of the tenant is left but its audit entries, each with its expiry. (A store too slow for a page
 * within a call's deadline: StoreFaultTest.)
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class OffboardingAtScaleTest {
    private static final int USERS = 10_000;
    /** What Lambda gives each call: the function's timeout, as the operator's function would have it. */
    private static final Duration DEADLINE = Duration.ofSeconds(8);

    @Inject
    LinkedInConfig config;

    @Test
    void offboardingTenThousandUsers_pageByPage_leavesNothingButTheExpiringAudit() throws Exception {
        String tenant = Tenants.provisioned();
        String selected = newId();
        assertEquals(200, LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration/selected-users/" + selected)
                .as(globalAdmin(tenant)).send().status());
        List<String> users = new ArrayList<>(IntStream.range(0, USERS - 1).mapToObj(i -> newId()).toList());
        users.add(selected);
        try (DynamoDbClient dynamo = SharedDynamoDbLocal.client()) {
            writeUsers(dynamo, tenant, users.subList(0, USERS - 1));

            // With the production page size: every page a call, and a last call that finds nothing left.
            int pages = (USERS + config.offboarding().pageSize() - 1) / config.offboarding().pageSize();
            List<Integer> statuses = new ArrayList<>();
            List<Long> erased = new ArrayList<>();
            while (statuses.isEmpty() || statuses.get(statuses.size() - 1) == 202) {
                long started = System.nanoTime();
                Reply reply = Dispatch.send(LambdaEvents.delete("/tenants/" + tenant).as(operator()),
                        SyntheticContext.withRemaining("offboarding", DEADLINE));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(took.compareTo(DEADLINE) < 0, () -> "call " + statuses.size() + " took " + took);
                assertTrue(reply.status() == 202 || reply.status() == 204, reply::toString);
                statuses.add(reply.status());
                if (reply.status() == 202) {
                    erased.add(reply.json().getLong("erasedUsers"));
                }
                if (statuses.size() == 1) {
                    assertEverythingSaysNotProvisioned(tenant, selected);
                }
                assertTrue(statuses.size() <= pages + 2, () -> "offboarding never ends: " + statuses);
            }

            assertTrue(statuses.size() >= pages, () -> "pages of at most the page size: " + statuses);
            for (int i = 1; i < erased.size(); i++) {
                assertTrue(erased.get(i) > erased.get(i - 1), () -> "progress: " + erased);
            }
            assertEquals(List.of(), dynamo.query(b -> b.tableName(config.tableName()).indexName("users-by-tenant")
                    .keyConditionExpression("tenantKey = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("TENANT#" + tenant)))).items());
            for (String partition : List.of("TENANT#", "COUNTS#")) {
                assertEquals(List.of(), dynamo.query(b -> b.tableName(config.tableName()).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition + tenant)))).items(),
                        partition);
            }
            assertEquals(0, countUserItems(dynamo, tenant, users));
            List<Map<String, AttributeValue>> audit = dynamo.query(b -> b.tableName(config.tableName()).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("AUDIT#" + tenant)))).items();
            assertEquals(3, audit.size(), "the record's creation, the selection and the offboarding");
            assertTrue(audit.stream().allMatch(item -> item.containsKey("expiresAt")), "every entry expires");
        }
        assertEquals(404, LambdaEvents.delete("/tenants/" + tenant).as(operator()).send().status());
    }

    private static void assertEverythingSaysNotProvisioned(String tenant, String user) {
        assertEquals("TENANT_NOT_PROVISIONED", Checks.reason(tenant, user));
        for (LambdaEvents request : List.of(LambdaEvents.get("/tenants/" + tenant).as(operator()),
                LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant)),
                LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration/selected-users").as(globalAdmin(tenant)),
                LambdaEvents.delete("/tenants/" + tenant + "/users/" + user).as(globalAdmin(tenant)))) {
            Reply reply = request.send();
            assertEquals(404, reply.status(), reply::toString);
            assertEquals("TENANT_NOT_PROVISIONED", reply.json().getString("reason"));
        }
        Reply again = LambdaEvents.put("/tenants/" + tenant).as(operator())
                .json("{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":true}").send();
        assertEquals(409, again.status(), again::toString);
        assertEquals("OFFBOARDING_IN_PROGRESS", again.json().getString("reason"));
    }

    /** The users' items as the functions write them (index attributes included), 25 per request, four at a time. */
    private void writeUsers(DynamoDbClient dynamo, String tenant, List<String> users) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < users.size(); from += 25) {
                List<WriteRequest> puts = users.subList(from, Math.min(users.size(), from + 25)).stream().map(user -> {
                    Map<String, AttributeValue> item = new HashMap<>(Map.of(
                            "pk", AttributeValue.fromS("USER#" + tenant + "#" + user), "sk", AttributeValue.fromS("USER"),
                            "tenantKey", AttributeValue.fromS("TENANT#" + tenant),
                            "userKey", AttributeValue.fromS("U#" + user), "rev", AttributeValue.fromN("1"),
                            "groups", AttributeValue.fromSs(List.of("3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d"))));
                    return WriteRequest.builder().putRequest(p -> p.item(item)).build();
                }).toList();
                done.add(writers.submit(() -> {
                    Map<String, List<WriteRequest>> pending = Map.of(config.tableName(), puts);
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> request = pending;
                        BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                        pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                    }
                    return null;
                }));
            }
            for (Future<?> batch : done) {
                batch.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    /** User items of the tenant still there, read by key: 100 per BatchGetItem. */
    private int countUserItems(DynamoDbClient dynamo, String tenant, List<String> users) {
        int found = 0;
        for (int from = 0; from < users.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = users.subList(from, Math.min(users.size(), from + 100)).stream()
                    .map(user -> Map.of("pk", AttributeValue.fromS("USER#" + tenant + "#" + user),
                            "sk", AttributeValue.fromS("USER")))
                    .toList();
            Map<String, KeysAndAttributes> request = Map.of(config.tableName(), KeysAndAttributes.builder().keys(keys).build());
            found += dynamo.batchGetItem(b -> b.requestItems(request)).responses().getOrDefault(config.tableName(), List.of())
                    .size();
        }
        return found;
    }
}
