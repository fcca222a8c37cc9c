package com.contoso.linkedin.store;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.store.dynamodb.DynamoDbLinkedInStore;

import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A store that does not answer is unavailable: the adapter says so, it never answers from nothing. */
@QuarkusTest
class StoreFailureTest {

    @Inject
    LinkedInConfig config;

    private DynamoDbLinkedInStore unreachable() {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofMillis(200)).build())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(2)))
                .build();
        return new DynamoDbLinkedInStore(client, config);
    }

    @Test
    void everyRead_ofAnUnreachableStore_isStoreUnavailable() {
        DynamoDbLinkedInStore store = unreachable();
        String id = "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";

        assertThrows(StoreUnavailableException.class, () -> store.findTenant(id));
        assertThrows(StoreUnavailableException.class, () -> store.findUser(id, id));
        assertThrows(StoreUnavailableException.class, () -> store.findUsers(id, java.util.List.of(id, id)));
    }

    @Test
    void everyWrite_toAnUnreachableStore_isStoreUnavailable() {
        DynamoDbLinkedInStore store = unreachable();
        String id = "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";

        assertThrows(StoreUnavailableException.class, () -> store.disconnect(id, id));
        assertThrows(StoreUnavailableException.class, () -> store.setProfileVisibility(id, id, false));
    }
}
