package com.contoso.linkedin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.dynamodb.DynamoDbLinkedInStore;
import com.contoso.linkedin.store.dynamodb.TableLayout;
import com.contoso.linkedin.support.SharedDynamoDbLocal;
import com.contoso.linkedin.support.TestConfig;

import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * DynamoDB may answer a BatchGetItem with only part of the items and the rest as UnprocessedKeys
 * (throttling, response size). The adapter must ask again and never drop a user. DynamoDB Local
 * never does this by itself, so an SDK interceptor turns part of its real answer into unprocessed
 * keys: the store is real, only its partial answer is staged.
 */
class BatchReadRetryTest {
    private static final TestConfig CONFIG = TestConfig.defaults().withTable("batch-read-retry");

    private static DynamoDbClient dynamo;
    /** Writes the users the partial answers then read. */
    private static LinkedInStore store;

    @BeforeAll
    static void connect() {
        dynamo = SharedDynamoDbLocal.client();
        TableLayout.createIfMissing(dynamo, CONFIG.tableName());
        store = new DynamoDbLinkedInStore(dynamo, CONFIG);
    }

    @AfterAll
    static void disconnect() {
        dynamo.close();
    }

    /** Leaves half of the items of the next {@code partialAnswers} batch answers unprocessed. */
    static final class PartialAnswers implements ExecutionInterceptor {
        final AtomicInteger partialAnswers;
        final AtomicInteger batchCalls = new AtomicInteger();

        PartialAnswers(int partialAnswers) {
            this.partialAnswers = new AtomicInteger(partialAnswers);
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            if (!(context.response() instanceof BatchGetItemResponse response)) {
                return context.response();
            }
            batchCalls.incrementAndGet();
            if (partialAnswers.getAndDecrement() <= 0) {
                return response;
            }
            Map<String, List<Map<String, AttributeValue>>> kept = new HashMap<>();
            Map<String, KeysAndAttributes> unprocessed = new HashMap<>();
            response.responses().forEach((table, items) -> {
                List<Map<String, AttributeValue>> keep = new ArrayList<>(items.subList(0, items.size() / 2));
                List<Map<String, AttributeValue>> later = items.subList(items.size() / 2, items.size()).stream()
                        .map(item -> Map.of("pk", item.get("pk"), "sk", item.get("sk"))).toList();
                kept.put(table, keep);
                if (!later.isEmpty()) {
                    unprocessed.put(table, KeysAndAttributes.builder().keys(later).consistentRead(true).build());
                }
            });
            return response.toBuilder().responses(kept).unprocessedKeys(unprocessed).build();
        }
    }

    private DynamoDbLinkedInStore storeWith(PartialAnswers interceptor) {
        DynamoDbClient client = SharedDynamoDbLocal.clientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)).build();
        return new DynamoDbLinkedInStore(client, CONFIG);
    }

    private List<String> usersWhoAllHidTheirProfile(String tenantId, int count) {
        List<String> users = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
        users.forEach(user -> store.setProfileVisibility(tenantId, user, false));
        return users;
    }

    private String tenant() {
        String tenantId = UUID.randomUUID().toString();
        TenantProfile profile = new TenantProfile(Cloud.PUBLIC, "US", true, true);
        store.saveProfile(tenantId, profile, Optional.empty(), false, false, new AuditEntry("operator", Instant.now(),
                null, null, new AuditEntry.TenantRecordChanged(Optional.empty(), profile)));
        return tenantId;
    }

    @Test
    void findUsers_asksAgainForUnprocessedKeys_andReturnsEveryUserInOrder() {
        String tenantId = tenant();
        List<String> users = usersWhoAllHidTheirProfile(tenantId, 40);
        PartialAnswers partial = new PartialAnswers(2);

        List<UserFacts> facts = storeWith(partial).findUsers(tenantId, users);

        assertEquals(40, facts.size());
        assertTrue(facts.stream().noneMatch(UserFacts::profileVisibleInMicrosoftApps),
                "a dropped user would read as the default (visible)");
        assertEquals(3, partial.batchCalls.get(), "one call and two retries");
    }

    @Test
    void findUsers_failsRatherThanAnswerForFewerUsers_whenKeysStayUnprocessed() {
        String tenantId = tenant();
        List<String> users = usersWhoAllHidTheirProfile(tenantId, 10);
        PartialAnswers neverComplete = new PartialAnswers(Integer.MAX_VALUE);

        assertThrows(StoreUnavailableException.class, () -> storeWith(neverComplete).findUsers(tenantId, users));
        assertEquals(CONFIG.batchAttempts(), neverComplete.batchCalls.get());
    }
}
