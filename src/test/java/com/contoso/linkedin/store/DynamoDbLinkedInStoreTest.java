package com.contoso.linkedin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.store.dynamodb.DynamoDbLinkedInStore;
import com.contoso.linkedin.store.dynamodb.TableLayout;
import com.contoso.linkedin.support.SharedDynamoDbLocal;
import com.contoso.linkedin.support.TestConfig;

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
        TableLayout.createIfMissing(dynamo, TABLE);
        store = new DynamoDbLinkedInStore(dynamo, TestConfig.defaults().withTable(TABLE));
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

    @Test
    void tenantItem_keepsItsKeyAndAttributeNames() {
        String tenantId = id();
        Instant at = Instant.parse("2026-11-27T19:00:00Z");
        store.saveProfile(tenantId, new TenantProfile(Cloud.PUBLIC, "US", true, false), Optional.empty(), false, at);
        store.saveSetting(tenantId, 0, new TenantSetting(IntegrationMode.SELECTED, "g", 1, at, "admin"), true,
                new AuditEntry(1, "admin", at, new SettingState(IntegrationMode.ENABLED, null),
                        new SettingState(IntegrationMode.SELECTED, "g"), "why", "req"));

        Map<String, AttributeValue> tenant = item("TENANT#" + tenantId, "TENANT");
        Map<String, AttributeValue> audit = item("TENANT#" + tenantId + "#AUDIT", "V#0000000000000000001");

        assertEquals(Map.ofEntries(Map.entry("pk", s("TENANT#" + tenantId)), Map.entry("sk", s("TENANT")),
                Map.entry("cloud", s("PUBLIC")), Map.entry("countryCode", s("US")),
                Map.entry("rolledOut", AttributeValue.fromBool(true)),
                Map.entry("usersCanConsentToApps", AttributeValue.fromBool(false)),
                Map.entry("createdAt", s(at.toString())), Map.entry("profileUpdatedAt", s(at.toString())),
                Map.entry("settingVersion", AttributeValue.fromN("1")), Map.entry("consentEpoch", AttributeValue.fromN("1")),
                Map.entry("mode", s("SELECTED")), Map.entry("selectedGroupId", s("g")),
                Map.entry("updatedAt", s(at.toString())), Map.entry("updatedBy", s("admin"))), tenant);
        assertEquals(Map.ofEntries(Map.entry("pk", s("TENANT#" + tenantId + "#AUDIT")),
                Map.entry("sk", s("V#0000000000000000001")), Map.entry("version", AttributeValue.fromN("1")),
                Map.entry("who", s("admin")), Map.entry("when", s(at.toString())),
                Map.entry("beforeMode", s("ENABLED")), Map.entry("afterMode", s("SELECTED")),
                Map.entry("afterGroupId", s("g")), Map.entry("changeReason", s("why")),
                Map.entry("requestId", s("req"))), audit);
    }

    @Test
    void userItem_keepsItsKeyAndAttributeNames() {
        String tenantId = id();
        String userId = id();
        Instant at = Instant.parse("2026-11-27T19:00:00Z");
        store.updateGroupMembers(tenantId, "g", Set.of(userId), Set.of());
        store.setSelectedOneByOne(tenantId, userId, true);
        store.setOfficeOption(tenantId, userId, false);
        store.setOfficePolicy(tenantId, userId, OfficePolicy.ENABLED);
        store.setProfileVisibility(tenantId, userId, false);
        store.connect(tenantId, userId, Consent.BOTH_WAYS, 3, at);

        assertEquals(Map.ofEntries(Map.entry("pk", s("USER#" + tenantId + "#" + userId)), Map.entry("sk", s("USER")),
                Map.entry("groups", AttributeValue.fromSs(java.util.List.of("g"))),
                Map.entry("selectedOneByOne", AttributeValue.fromBool(true)),
                Map.entry("officeOption", AttributeValue.fromBool(false)), Map.entry("officePolicy", s("ENABLED")),
                Map.entry("profileVisible", AttributeValue.fromBool(false)), Map.entry("consent", s("BOTH_WAYS")),
                Map.entry("connectedEpoch", AttributeValue.fromN("3")), Map.entry("connectedAt", s(at.toString()))),
                item("USER#" + tenantId + "#" + userId, "USER"));
    }

    @Test
    void unreadableItems_areStoreUnavailable_neverAGuess() {
        String tenantId = id();
        String userId = id();
        put(Map.of("pk", s("TENANT#" + tenantId), "sk", s("TENANT"), "cloud", s("MARS"), "countryCode", s("US"),
                "rolledOut", AttributeValue.fromBool(true), "usersCanConsentToApps", AttributeValue.fromBool(true)));
        put(Map.of("pk", s("USER#" + tenantId + "#" + userId), "sk", s("USER"), "consent", s("SOMETIMES"),
                "connectedEpoch", AttributeValue.fromN("0"), "connectedAt", s("2026-11-27T19:00:00Z")));
        put(Map.of("pk", s("TENANT#" + tenantId + "#AUDIT"), "sk", s("V#0000000000000000001"),
                "version", AttributeValue.fromN("1"), "who", s("admin"), "when", s("yesterday"),
                "beforeMode", s("ENABLED"), "afterMode", s("DISABLED")));

        assertThrows(StoreUnavailableException.class, () -> store.findTenant(tenantId));
        assertThrows(StoreUnavailableException.class, () -> store.findUser(tenantId, userId));
        assertThrows(StoreUnavailableException.class, () -> store.findUsers(tenantId, java.util.List.of(userId)));
        assertThrows(StoreUnavailableException.class, () -> store.listAudit(tenantId, 10, Optional.empty()));
    }
}
