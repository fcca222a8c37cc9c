package com.contoso.linkedin.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.contoso.linkedin.support.SharedDynamoDbLocal;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * On a store an endpoint override names (here the shared DynamoDB Local), start-up creates the
 * table of the application's layout when it is missing; with no endpoint named, as in AWS, it
 * calls nothing at all, not even for a client.
 */
class LocalEndpointTableTest {
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect() {
        dynamo = SharedDynamoDbLocal.client();
    }

    @AfterAll
    static void disconnect() {
        dynamo.close();
    }

    @Test
    void aNamedEndpoint_getsTheTableCreated_withItsIndex_once() {
        String table = "created-at-start-" + UUID.randomUUID();
        Optional<URI> endpoint = Optional.of(URI.create(SharedDynamoDbLocal.endpoint()));

        LocalEndpointTable.createIfMissing(endpoint, () -> dynamo, table, LocalEndpointTable.RETRY_EVERY);
        LocalEndpointTable.createIfMissing(endpoint, () -> dynamo, table, LocalEndpointTable.RETRY_EVERY);

        TableDescription created = dynamo.describeTable(b -> b.tableName(table)).table();
        assertEquals(List.of(TableLayout.USERS_BY_TENANT),
                created.globalSecondaryIndexes().stream().map(index -> index.indexName()).toList());
    }

    @Test
    void aStoreNotYetReachable_getsItsTable_onceItAnswers() throws InterruptedException {
        String table = "created-later-" + UUID.randomUUID();
        AtomicInteger tries = new AtomicInteger();
        Supplier<DynamoDbClient> comesUpOnTheThirdTry = () -> {
            if (tries.incrementAndGet() < 3) {
                throw SdkClientException.create("Unable to execute HTTP request: Connection refused",
                        new ConnectException("Connection refused"));
            }
            return dynamo;
        };

        LocalEndpointTable.createIfMissing(Optional.of(URI.create(SharedDynamoDbLocal.endpoint())), comesUpOnTheThirdTry,
                table, Duration.ofMillis(500));

        assertThrows(ResourceNotFoundException.class, () -> dynamo.describeTable(b -> b.tableName(table)),
                "start-up does not wait for the store");
        for (int waited = 0; waited < 100 && !exists(table); waited++) {
            Thread.sleep(100);
        }
        assertTrue(exists(table), "the table is created once the store answers");
        assertEquals(3, tries.get(), "and then it is not tried again");
    }

    private static boolean exists(String table) {
        try {
            dynamo.describeTable(b -> b.tableName(table));
            return true;
        } catch (ResourceNotFoundException missing) {
            return false;
        }
    }

    @Test
    void aTableTheStoreRefuses_isNotTriedAgain() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        Supplier<DynamoDbClient> counted = () -> {
            tries.incrementAndGet();
            return dynamo;
        };

        LocalEndpointTable.createIfMissing(Optional.of(URI.create(SharedDynamoDbLocal.endpoint())), counted, "bad name!",
                Duration.ofMillis(50));
        Thread.sleep(300);

        assertEquals(1, tries.get(), "an invalid name is refused the same every time: once is enough");
    }

    @Test
    void noEndpoint_callsNothing() {
        String table = "never-created-" + UUID.randomUUID();

        LocalEndpointTable.createIfMissing(Optional.empty(), () -> {
            throw new AssertionError("no client is made where no endpoint is named");
        }, table, LocalEndpointTable.RETRY_EVERY);

        assertThrows(ResourceNotFoundException.class, () -> dynamo.describeTable(b -> b.tableName(table)));
    }
}
