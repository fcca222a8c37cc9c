package com.contoso.linkedin.store.dynamodb;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The single table's key design. Each user is an item of its own partition
 * ({@code USER#tenant#user}), so users spread over partitions and a check reads one item. A
 * tenant has two partitions: one item holding its record and setting (the only hot tenant item,
 * and cached), and its audit history ordered by version.
 */
public final class TableLayout {
    public static final String PK = "pk";
    public static final String SK = "sk";

    private static final String TENANT_SK = "TENANT";
    private static final String USER_SK = "USER";
    private static final String AUDIT_SK_PREFIX = "V#";

    private TableLayout() {
    }

    static String tenantPk(String tenantId) {
        return "TENANT#" + tenantId;
    }

    static String auditPk(String tenantId) {
        return "TENANT#" + tenantId + "#AUDIT";
    }

    /** Zero-padded so that the sort key orders versions numerically. */
    static String auditSk(long version) {
        return AUDIT_SK_PREFIX + String.format(Locale.ROOT, "%019d", version);
    }

    static String userPk(String tenantId, String userId) {
        return "USER#" + tenantId + "#" + userId;
    }

    static Map<String, AttributeValue> tenantKey(String tenantId) {
        return key(tenantPk(tenantId), TENANT_SK);
    }

    static Map<String, AttributeValue> userKey(String tenantId, String userId) {
        return key(userPk(tenantId, userId), USER_SK);
    }

    static Map<String, AttributeValue> auditKey(String tenantId, long version) {
        return key(auditPk(tenantId), auditSk(version));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValues.s(pk), SK, AttributeValues.s(sk));
    }

    /** What a key of this table names, read back from the key design above (stream records carry only keys). */
    enum Kind { TENANT, USER, OTHER }

    /** A tenant item's or a user item's ids; {@code userId} is null for a tenant item. */
    record ItemKey(Kind kind, String tenantId, String userId) {
        static final ItemKey OTHER = new ItemKey(Kind.OTHER, null, null);
    }

    /**
     * The item kind and ids of a key. A key counts only if building it again from the ids gives
     * the same key, so an odd id cannot make an audit or unknown item look like a tenant or a user.
     */
    static ItemKey itemKey(String pk, String sk) {
        if (pk == null || sk == null) {
            return ItemKey.OTHER;
        }
        String[] parts = pk.split("#", -1);
        if (Arrays.stream(parts).anyMatch(String::isEmpty)) {
            return ItemKey.OTHER;
        }
        if (parts.length == 2 && tenantKey(parts[1]).equals(key(pk, sk))) {
            return new ItemKey(Kind.TENANT, parts[1], null);
        }
        if (parts.length == 3 && userKey(parts[1], parts[2]).equals(key(pk, sk))) {
            return new ItemKey(Kind.USER, parts[1], parts[2]);
        }
        return ItemKey.OTHER;
    }

    /**
     * Creates the table where it is missing: for the local run and the tests only; in AWS the
     * table is infra/'s.
     */
    public static void createIfMissing(DynamoDbClient dynamo, String tableName) {
        try {
            dynamo.describeTable(b -> b.tableName(tableName));
            return;
        } catch (ResourceNotFoundException missing) {
            // create it below
        }
        try {
            dynamo.createTable(CreateTableRequest.builder()
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(PK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(SK).attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build())
                    .build());
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        } catch (ResourceInUseException createdMeanwhile) {
            // another process created it first: fine
        }
    }
}
