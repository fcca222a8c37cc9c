package com.contoso.linkedin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.store.dynamodb.DynamoDbLinkedInStore;
import com.contoso.linkedin.store.dynamodb.TableLayout;
import com.contoso.linkedin.support.SharedDynamoDbLocal;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB adapter against DynamoDB Local, no mock of the SDK anywhere, built by its
 * constructor as CDI builds it: the store contract, plus what only the adapter has, the items as
 * stored. The item layout is pinned here because tables in production hold items written by
 * earlier versions: renaming an attribute would silently lose data.
 */
class DynamoDbLinkedInStoreTest extends LinkedInStoreContract {
    private static final String TABLE = "store-contract";

    private static DynamoDbClient dynamo;
    private static DynamoDbLinkedInStore store;

    @BeforeAll
    static void connect() {
        dynamo = SharedDynamoDbLocal.client();
        store = SharedDynamoDbLocal.store(dynamo, TABLE);
    }

    @AfterAll
    static void disconnect() {
        dynamo.close();
    }

    @Override
    protected LinkedInStore store() {
        return store;
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return dynamo.getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    private static void put(Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(TABLE).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Test
    void disconnect_ofAUserWhoNeverConnected_writesNoItem() {
        String tenantId = id();
        String userId = id();

        store.disconnect(tenantId, userId);

        assertTrue(item("USER#" + tenantId + "#" + userId, "USER").isEmpty());
    }

    /** The tenant's audit items, oldest first. */
    private static List<Map<String, AttributeValue>> auditItems(String tenantId) {
        return dynamo.query(b -> b.tableName(TABLE).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("AUDIT#" + tenantId)))).items();
    }

    private static AuditEntry.Stamp stamp(Instant at) {
        return new AuditEntry.Stamp("admin", at, "req");
    }

    /** The record of a tenant read before changed, one that changes what the setting shows. */
    private static void changeRecord(String tenantId, Tenant read, TenantProfile next, Instant at) {
        store.saveProfile(tenantId, next, Optional.of(read), false, true,
                new AuditEntry("operator", at, "req", null, new AuditEntry.TenantRecordChanged(Optional.of(read.profile()), next)));
    }

    /** A new tenant with this record, created at {@code at}. */
    private static void create(String tenantId, TenantProfile profile, Instant at) {
        store.saveProfile(tenantId, profile, Optional.empty(), false, false,
                new AuditEntry("operator", at, "req", null, new AuditEntry.TenantRecordChanged(Optional.empty(), profile)));
    }

    @Test
    void tenantItem_keepsItsKeyAndAttributeNames() {
        String tenantId = id();
        Instant at = Instant.parse("2026-11-27T19:00:00Z");
        create(tenantId, new TenantProfile(Cloud.PUBLIC, "US", false, false), at);
        changeRecord(tenantId, store.findTenant(tenantId).orElseThrow(), new TenantProfile(Cloud.PUBLIC, "US", true, false), at);
        store.saveSetting(tenantId, 1, new TenantSetting(IntegrationMode.SELECTED, "g", 1, at, "admin"), true,
                AuditEntry.setting(1, "admin", at, new SettingState(IntegrationMode.ENABLED, null),
                        new SettingState(IntegrationMode.SELECTED, "g"), "why", "req"));

        Map<String, AttributeValue> tenant = item("TENANT#" + tenantId, "TENANT");

        assertEquals(Map.ofEntries(Map.entry("pk", s("TENANT#" + tenantId)), Map.entry("sk", s("TENANT")),
                Map.entry("cloud", s("PUBLIC")), Map.entry("countryCode", s("US")),
                Map.entry("rolledOut", AttributeValue.fromBool(true)),
                Map.entry("usersCanConsentToApps", AttributeValue.fromBool(false)),
                Map.entry("createdAt", s(at.toString())), Map.entry("profileUpdatedAt", s(at.toString())),
                Map.entry("settingVersion", AttributeValue.fromN("2")), Map.entry("writtenVersion", AttributeValue.fromN("1")),
                Map.entry("consentEpoch", AttributeValue.fromN(Long.toString(Tenant.firstConsentEpoch(at) + 1))),
                Map.entry("mode", s("SELECTED")), Map.entry("selectedGroupId", s("g")),
                Map.entry("updatedAt", s(at.toString())), Map.entry("updatedBy", s("admin"))), tenant);
        assertEquals(Map.of("pk", s("COUNTS#" + tenantId), "sk", s("COUNTS"), "connected", AttributeValue.fromN("0")),
                item("COUNTS#" + tenantId, "COUNTS"), "the switch to DISABLED starts the connected count afresh");
    }

    @Test
    void aTenantItemWrittenBeforeTheSettingKeptItsOwnVersion_readsTheETagsNumberAsIt() {
        String tenantId = id();
        Instant at = Instant.parse("2026-11-27T19:00:00Z");
        create(tenantId, new TenantProfile(Cloud.PUBLIC, "US", true, true), at);
        // As such an item was: the written setting's version is the ETag's number, no writtenVersion.
        dynamo.updateItem(b -> b.tableName(TABLE).key(Map.of("pk", s("TENANT#" + tenantId), "sk", s("TENANT")))
                .updateExpression("SET #m = :m, settingVersion = :v, updatedAt = :t, updatedBy = :b")
                .expressionAttributeNames(Map.of("#m", "mode")).expressionAttributeValues(Map.of(":m", s("DISABLED"),
                        ":v", AttributeValue.fromN("3"), ":t", s(at.toString()), ":b", s("admin"))));

        Tenant read = store.findTenant(tenantId).orElseThrow();
        changeRecord(tenantId, read, new TenantProfile(Cloud.PUBLIC, "US", false, true), at);
        Tenant changed = store.findTenant(tenantId).orElseThrow();

        assertEquals(3, read.setting().version());
        assertEquals(3, read.etagVersion());
        assertEquals(3, changed.setting().version(), "a record change moves the ETag's number only");
        assertEquals(4, changed.etagVersion());
    }

    @Test
    void auditItems_areKeyedByTime_withTheirKindsFields() {
        String tenantId = id();
        Instant at = Instant.parse("2026-11-27T19:00:00.123Z");
        create(tenantId, new TenantProfile(Cloud.PUBLIC, "US", true, false), at);
        store.saveSetting(tenantId, 0, new TenantSetting(IntegrationMode.SELECTED, "g", 1, at, "admin"), false,
                AuditEntry.setting(1, "admin", at, new SettingState(IntegrationMode.ENABLED, null),
                        new SettingState(IntegrationMode.SELECTED, "g"), "why", "req"));

        List<Map<String, AttributeValue>> items = auditItems(tenantId);

        assertEquals(2, items.size());
        for (Map<String, AttributeValue> item : items) {
            assertTrue(item.get("sk").s().matches("T#" + at.toEpochMilli() + "#[0-9a-f]{8}"), item.get("sk").s());
        }
        Map<String, AttributeValue> setting = new java.util.HashMap<>(items.get(1));
        setting.remove("sk");
        assertEquals(Map.ofEntries(Map.entry("pk", s("AUDIT#" + tenantId)), Map.entry("kind", s("SETTING")),
                Map.entry("version", AttributeValue.fromN("1")),
                Map.entry("who", s("admin")), Map.entry("when", s(at.toString())),
                Map.entry("beforeMode", s("ENABLED")), Map.entry("afterMode", s("SELECTED")),
                Map.entry("afterGroupId", s("g")), Map.entry("changeReason", s("why")),
                Map.entry("requestId", s("req"))), setting);
        assertEquals(Map.of("cloud", s("PUBLIC"), "countryCode", s("US"), "rolledOut", AttributeValue.fromBool(true),
                "usersCanConsentToApps", AttributeValue.fromBool(false)), items.get(0).get("after").m());
        assertEquals(s("TENANT_RECORD"), items.get(0).get("kind"));
    }

    @Test
    void userItem_keepsItsKeyAndAttributeNames_andItsPlaceInTheIndex() {
        String tenantId = id();
        String userId = id();
        Instant at = Instant.parse("2026-11-27T19:00:00Z");
        TenantProfile profile = new TenantProfile(Cloud.PUBLIC, "US", true, true);
        store.saveProfile(tenantId, profile, Optional.empty(), false, false,
                new AuditEntry("operator", at, "req", null, new AuditEntry.TenantRecordChanged(Optional.empty(), profile)));
        store.updateGroupMembers(tenantId, "g", Set.of(userId), Set.of(), stamp(at));
        store.setSelectedOneByOne(tenantId, userId, true, stamp(at));
        store.setOfficeOption(tenantId, userId, false);
        store.setOfficePolicy(tenantId, userId, OfficePolicy.ENABLED);
        store.setProfileVisibility(tenantId, userId, false);
        store.connect(tenantId, userId, Consent.BOTH_WAYS, Tenant.firstConsentEpoch(at), at);

        assertEquals(Map.ofEntries(Map.entry("pk", s("USER#" + tenantId + "#" + userId)), Map.entry("sk", s("USER")),
                Map.entry("groups", AttributeValue.fromSs(java.util.List.of("g"))),
                Map.entry("selectedOneByOne", AttributeValue.fromBool(true)),
                Map.entry("officeOption", AttributeValue.fromBool(false)), Map.entry("officePolicy", s("ENABLED")),
                Map.entry("profileVisible", AttributeValue.fromBool(false)), Map.entry("consent", s("BOTH_WAYS")),
                Map.entry("connectedEpoch", AttributeValue.fromN(Long.toString(Tenant.firstConsentEpoch(at)))),
                Map.entry("connectedAt", s(at.toString())),
                Map.entry("rev", AttributeValue.fromN("3")), Map.entry("tenantKey", s("TENANT#" + tenantId)),
                Map.entry("userKey", s("S#" + userId))),
                item("USER#" + tenantId + "#" + userId, "USER"));
        assertEquals(Map.of("pk", s("COUNTS#" + tenantId), "sk", s("COUNTS"), "connected", AttributeValue.fromN("1"),
                "selectedOneByOne", AttributeValue.fromN("1"), "G#g", AttributeValue.fromN("1")),
                item("COUNTS#" + tenantId, "COUNTS"));
    }

    @Test
    void offboarding_letsTheAuditExpire_andLeavesNothingElseOfTheTenant() {
        String tenantId = id();
        Instant at = Instant.parse("2026-11-27T19:00:00Z");
        Instant expires = at.plus(java.time.Duration.ofDays(400));
        TenantProfile profile = new TenantProfile(Cloud.PUBLIC, "US", true, true);
        store.saveProfile(tenantId, profile, Optional.empty(), false, false,
                new AuditEntry("operator", at, "req", null, new AuditEntry.TenantRecordChanged(Optional.empty(), profile)));
        for (int i = 0; i < 7; i++) {
            store.setSelectedOneByOne(tenantId, id(), true, stamp(at));
        }
        store.startOffboarding(tenantId, store.findTenant(tenantId).orElseThrow(),
                new AuditEntry("operator", at, "req", null, new AuditEntry.TenantOffboarded()));

        int calls = 0;
        while (!store.offboardPage(tenantId, 3, expires).done()) {
            calls++;
            assertTrue(calls < 10, "offboarding never ends");
        }

        for (String partition : List.of("TENANT#", "COUNTS#")) {
            assertEquals(List.of(), dynamo.query(b -> b.tableName(TABLE).consistentRead(true)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(partition + tenantId))))
                    .items(), "no record, counts or marker");
        }
        assertEquals(List.of(), dynamo.query(b -> b.tableName(TABLE).indexName(TableLayout.USERS_BY_TENANT)
                .keyConditionExpression("tenantKey = :t").expressionAttributeValues(Map.of(":t", s("TENANT#" + tenantId))))
                .items(), "no user");
        List<Map<String, AttributeValue>> audit = auditItems(tenantId);
        assertEquals(9, audit.size(), "creation, 7 selections, offboarding");
        assertTrue(audit.stream().allMatch(i -> AttributeValue.fromN(Long.toString(expires.getEpochSecond()))
                .equals(i.get("expiresAt"))), "every entry expires");
    }

    @Test
    void theTable_hasTheIndexOfUsersByTenant_andItsTimeToLive() {
        var table = dynamo.describeTable(b -> b.tableName(TABLE)).table();
        var index = table.globalSecondaryIndexes().get(0);

        assertEquals(TableLayout.USERS_BY_TENANT, index.indexName());
        assertEquals(List.of("tenantKey", "userKey"), index.keySchema().stream().map(k -> k.attributeName()).toList());
        assertEquals("KEYS_ONLY", index.projection().projectionTypeAsString());
        assertEquals("expiresAt", dynamo.describeTimeToLive(b -> b.tableName(TABLE)).timeToLiveDescription()
                .attributeName());
    }

    @Test
    void unreadableItems_areStoreUnavailable_neverAGuess() {
        String tenantId = id();
        String userId = id();
        put(Map.of("pk", s("TENANT#" + tenantId), "sk", s("TENANT"), "cloud", s("MARS"), "countryCode", s("US"),
                "rolledOut", AttributeValue.fromBool(true), "usersCanConsentToApps", AttributeValue.fromBool(true)));
        put(Map.of("pk", s("USER#" + tenantId + "#" + userId), "sk", s("USER"), "consent", s("SOMETIMES"),
                "connectedEpoch", AttributeValue.fromN("0"), "connectedAt", s("2026-11-27T19:00:00Z")));
        put(Map.of("pk", s("AUDIT#" + tenantId), "sk", s("T#1795806000000#00000001"),
                "kind", s("SETTING"), "version", AttributeValue.fromN("1"), "who", s("admin"), "when", s("yesterday"),
                "beforeMode", s("ENABLED"), "afterMode", s("DISABLED")));

        assertThrows(StoreUnavailableException.class, () -> store.findTenant(tenantId));
        assertThrows(StoreUnavailableException.class, () -> store.findUser(tenantId, userId));
        assertThrows(StoreUnavailableException.class, () -> store.findUsers(tenantId, java.util.List.of(userId)));
        assertThrows(StoreUnavailableException.class, () -> store.listAudit(tenantId, LinkedInStore.AuditQuery.newest(10)));
    }
}
