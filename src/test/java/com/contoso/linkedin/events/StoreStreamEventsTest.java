package com.contoso.linkedin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.SettingChange;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.events.ChangeEvent.ConsentGranted;
import com.contoso.linkedin.events.ChangeEvent.ConsentWithdrawn;
import com.contoso.linkedin.events.ChangeEvent.SettingChanged;
import com.contoso.linkedin.events.ChangeEvent.TenantOffboarded;
import com.contoso.linkedin.events.ChangeEvent.UserErased;
import com.contoso.linkedin.service.OffboardingService;
import com.contoso.linkedin.service.SelectionService;
import com.contoso.linkedin.service.SettingService;
import com.contoso.linkedin.service.TenantCache;
import com.contoso.linkedin.service.TenantService;
import com.contoso.linkedin.service.UserService;
import com.contoso.linkedin.service.VersionPrecondition;
import com.contoso.linkedin.store.dynamodb.DynamoDbLinkedInStore;
import com.contoso.linkedin.store.dynamodb.ItemChanges;
import com.contoso.linkedin.store.dynamodb.TableLayout;
import com.contoso.linkedin.support.SharedDynamoDbLocal;
import com.contoso.linkedin.support.TestConfig;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The events of what the store really writes: the services change a table whose stream has
 * NEW_AND_OLD_IMAGES on DynamoDB Local, and the stream's records, read back with the SDK, are
 * mapped as the stream function maps them. Keeps the mapping in step with the writers.
 */
class StoreStreamEventsTest {
    private static final String TABLE = "stream-events";
    private static final String ADMIN = "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a";

    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;
    private static String streamArn;
    private static TenantService tenants;
    private static SettingService settings;
    private static UserService users;
    private static SelectionService selection;
    private static OffboardingService offboarding;

    @BeforeAll
    static void tableWithAStream() {
        dynamo = SharedDynamoDbLocal.client();
        if (!dynamo.listTables().tableNames().contains(TABLE)) {
            // The application's own table layout (index included), with the stream infra/ declares.
            TableLayout.createIfMissing(dynamo, TABLE);
            dynamo.updateTable(b -> b.tableName(TABLE)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        }
        streamArn = dynamo.describeTable(b -> b.tableName(TABLE)).table().latestStreamArn();
        streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(SharedDynamoDbLocal.endpoint()))
                .region(SharedDynamoDbLocal.REGION).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(SharedDynamoDbLocal.ACCESS_KEY, SharedDynamoDbLocal.SECRET_KEY)))
                .build();
        TestConfig config = TestConfig.defaults().withTable(TABLE);
        DynamoDbLinkedInStore store = new DynamoDbLinkedInStore(dynamo, config);
        TenantCache cache = new TenantCache(store, config);
        tenants = new TenantService(store, cache, Clock.systemUTC(), config);
        settings = new SettingService(store, cache, Clock.systemUTC(), config);
        users = new UserService(store, Clock.systemUTC(), config);
        selection = new SelectionService(store, Clock.systemUTC());
        offboarding = new OffboardingService(store, cache, Clock.systemUTC(), config);
    }

    @AfterAll
    static void close() {
        streams.close();
        dynamo.close();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String newTenant(String country) {
        String tenantId = id();
        tenants.save(tenantId, new TenantProfile(Cloud.PUBLIC, country, true, true), ADMIN, "request-1");
        return tenantId;
    }

    private static void setMode(String tenantId, IntegrationMode mode) {
        settings.change(tenantId, new SettingChange(mode, null, null), VersionPrecondition.NONE, ADMIN, "request-1");
    }

    /** Every event the stream holds so far for this tenant, in stream order. */
    private static List<ChangeEvent> eventsOf(String tenantId) {
        List<ChangeEvent> events = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String from = iterator;
                var page = streams.getRecords(b -> b.shardIterator(from));
                for (Record record : page.records()) {
                    var change = record.dynamodb();
                    ItemChanges.of(change.keys(), change.hasOldImage() ? change.oldImage() : null,
                            change.hasNewImage() ? change.newImage() : null)
                            .filter(c -> c.tenantId().equals(tenantId))
                            .ifPresent(c -> events.addAll(ChangeEvents.of(c)));
                }
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return events;
    }

    @Test
    void connectDisconnectAndReconnect_grantWithdrawAndGrant() {
        String tenantId = newTenant("US");
        long first = tenants.require(tenantId).consentEpoch();
        String userId = id();

        users.connect(tenantId, userId, Consent.BOTH_WAYS);
        users.disconnect(tenantId, userId);
        users.disconnect(tenantId, userId);
        users.connect(tenantId, userId, Consent.BOTH_WAYS);
        users.connect(tenantId, userId, Consent.LINKEDIN_TO_MICROSOFT);

        assertEquals(List.of(new ConsentGranted(tenantId, userId, Consent.BOTH_WAYS, first),
                new ConsentWithdrawn(tenantId, userId, WithdrawalCause.USER_DISCONNECTED, null),
                new ConsentGranted(tenantId, userId, Consent.BOTH_WAYS, first),
                new ConsentGranted(tenantId, userId, Consent.LINKEDIN_TO_MICROSOFT, first)), eventsOf(tenantId));
    }

    @Test
    void switchToDisabledAndBack_changesTheSettingTwice_andWithdrawsOnce() {
        String tenantId = newTenant("US");
        long first = tenants.require(tenantId).consentEpoch();

        setMode(tenantId, IntegrationMode.DISABLED);
        setMode(tenantId, IntegrationMode.DISABLED);
        setMode(tenantId, IntegrationMode.ENABLED);

        assertEquals(List.of(new SettingChanged(tenantId, 1, IntegrationMode.DISABLED, null, false),
                new ConsentWithdrawn(tenantId, null, WithdrawalCause.TENANT_DISABLED, first + 1),
                new SettingChanged(tenantId, 2, IntegrationMode.ENABLED, null, false)), eventsOf(tenantId));
    }

    @Test
    void aNewCountry_changesTheDefault_andWithdrawsWhenItTurnsItOff() {
        String tenantId = newTenant("US");
        long first = tenants.require(tenantId).consentEpoch();

        tenants.save(tenantId, new TenantProfile(Cloud.PUBLIC, "FR", true, true), ADMIN, "request-1");
        tenants.save(tenantId, new TenantProfile(Cloud.PUBLIC, "DE", true, true), ADMIN, "request-1");
        tenants.save(tenantId, new TenantProfile(Cloud.PUBLIC, "US", true, true), ADMIN, "request-1");

        // A default is at version 0 (SPEC 3), and isDefault says no admin wrote it.
        assertEquals(List.of(new SettingChanged(tenantId, 0, IntegrationMode.DISABLED, null, true),
                new ConsentWithdrawn(tenantId, null, WithdrawalCause.COUNTRY_DEFAULT, first + 1),
                new SettingChanged(tenantId, 0, IntegrationMode.ENABLED, null, true)), eventsOf(tenantId));
    }

    @Test
    void optionsGroupsAndSelection_publishNothing() {
        String tenantId = newTenant("US");
        long first = tenants.require(tenantId).consentEpoch();
        String userId = id();
        users.connect(tenantId, userId, Consent.BOTH_WAYS);

        users.setProfileVisibility(tenantId, userId, false);
        users.setOfficePolicy(tenantId, userId, OfficePolicy.ENABLED);
        users.setOfficePolicy(tenantId, userId, OfficePolicy.NOT_CONFIGURED);
        users.setOfficeOption(tenantId, userId, false);
        selection.setSelectedOneByOne(tenantId, userId, true, ADMIN, "request-1");
        selection.updateGroupMembers(tenantId, id(), Set.of(userId, id()), Set.of(), ADMIN, "request-1");
        tenants.save(tenantId, new TenantProfile(Cloud.PUBLIC, "US", true, false), ADMIN, "request-1");

        assertEquals(List.of(new ConsentGranted(tenantId, userId, Consent.BOTH_WAYS, first)), eventsOf(tenantId));
    }

    @Test
    void deletedItems_eraseTheUser_andOffboardTheTenant() {
        String tenantId = newTenant("US");
        long first = tenants.require(tenantId).consentEpoch();
        String userId = id();
        users.connect(tenantId, userId, Consent.BOTH_WAYS);

        users.erase(tenantId, userId, ADMIN, "request-2");
        while (!offboarding.offboard(tenantId, ADMIN, "request-3").done()) {
            // one page a call, until nothing of the tenant is left
        }

        assertEquals(List.of(new ConsentGranted(tenantId, userId, Consent.BOTH_WAYS, first), new UserErased(tenantId, userId),
                new TenantOffboarded(tenantId)), eventsOf(tenantId));
    }
}
