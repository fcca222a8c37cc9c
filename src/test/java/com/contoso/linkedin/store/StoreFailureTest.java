package com.contoso.linkedin.store;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.store.LinkedInStore.AuditQuery;
import com.contoso.linkedin.store.dynamodb.DynamoDbLinkedInStore;
import com.contoso.linkedin.support.TestConfig;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A store that does not answer is unavailable: the adapter says so, it never answers from nothing. */
class StoreFailureTest {

    private DynamoDbLinkedInStore unreachable() {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofMillis(200)).build())
                // No retries: each would only wait for the same refusal again.
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(2))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        return new DynamoDbLinkedInStore(client, TestConfig.defaults());
    }

    @Test
    void everyRead_ofAnUnreachableStore_isStoreUnavailable() {
        DynamoDbLinkedInStore store = unreachable();
        String id = "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";

        assertThrows(StoreUnavailableException.class, () -> store.findTenant(id));
        assertThrows(StoreUnavailableException.class, () -> store.findUser(id, id));
        assertThrows(StoreUnavailableException.class, () -> store.findUsers(id, List.of(id, id)));
        assertThrows(StoreUnavailableException.class, () -> store.listAudit(id, AuditQuery.newest(10)));
        assertThrows(StoreUnavailableException.class, () -> store.findTenantWithCounts(id));
        assertThrows(StoreUnavailableException.class, () -> store.listSelectedUsers(id, 10, Optional.empty()));
        assertThrows(StoreUnavailableException.class, () -> store.findOffboarding(id));
    }

    @Test
    void everyWrite_toAnUnreachableStore_isStoreUnavailable() {
        DynamoDbLinkedInStore store = unreachable();
        String id = "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";

        assertThrows(StoreUnavailableException.class, () -> store.disconnect(id, id));
        assertThrows(StoreUnavailableException.class, () -> store.setProfileVisibility(id, id, false));
        TenantProfile us = new TenantProfile(Cloud.PUBLIC, "US", true, true);
        AuditEntry.Stamp stamp = new AuditEntry.Stamp("admin", Instant.now(), null);
        assertThrows(StoreUnavailableException.class, () -> store.saveProfile(id, us, Optional.empty(), false, false,
                stamp.entry(new AuditEntry.TenantRecordChanged(Optional.empty(), us))));
        assertThrows(StoreUnavailableException.class, () -> store.saveSetting(id, 0,
                new TenantSetting(IntegrationMode.DISABLED, null, 1, Instant.now(), "admin"), true,
                AuditEntry.setting(1, "admin", Instant.now(), new SettingState(IntegrationMode.ENABLED, null),
                        new SettingState(IntegrationMode.DISABLED, null), null, null)));
        assertThrows(StoreUnavailableException.class, () -> store.updateGroupMembers(id, id, Set.of(id), Set.of(), stamp));
        assertThrows(StoreUnavailableException.class, () -> store.setSelectedOneByOne(id, id, true, stamp));
        assertThrows(StoreUnavailableException.class, () -> store.setOfficeOption(id, id, false));
        assertThrows(StoreUnavailableException.class, () -> store.connect(id, id, Consent.BOTH_WAYS, 0, Instant.now()));
        assertThrows(StoreUnavailableException.class, () -> store.eraseUser(id, id, stamp));
        assertThrows(StoreUnavailableException.class, () -> store.offboardPage(id, 10, Instant.now()));
    }
}
