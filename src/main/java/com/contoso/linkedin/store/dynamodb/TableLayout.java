package com.contoso.linkedin.store.dynamodb;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The single table's key design. Each user is an item of its own partition
 * ({@code USER#tenant#user}), so users spread over partitions and a check reads one item. A
 * tenant's partition {@code TENANT#tenant} holds its record and setting (the only hot tenant item,
 * and cached) and, while it is offboarded, the offboarding marker. Its counts
 * ({@code COUNTS#tenant}) and its audit history ({@code AUDIT#tenant}, ordered by time) are
 * partitions of their own, so that IAM, which tells partitions apart by their key only
 * ({@code dynamodb:LeadingKeys}), can let a function count users and audit a change without
 * letting it write the tenant's record or setting.
 *
 * <p>One global secondary index, {@link #USERS_BY_TENANT}, finds a tenant's users without a scan:
 * every user write sets {@link #TENANT_KEY} (the tenant's partition key) and {@link #USER_KEY}
 * ({@code S#user} while selected one by one, {@code U#user} otherwise), keys only. Audit entries
 * of an offboarded tenant expire by DynamoDB's time to live, {@link #EXPIRES_AT}.
 */
public final class TableLayout {
    public static final String PK = "pk";
    public static final String SK = "sk";
    /** The index of user items by tenant, and its key attributes. */
    public static final String USERS_BY_TENANT = "users-by-tenant";
    public static final String TENANT_KEY = "tenantKey";
    public static final String USER_KEY = "userKey";
    /** Epoch seconds after which DynamoDB deletes the item (audit entries of an offboarded tenant). */
    public static final String EXPIRES_AT = "expiresAt";

    static final String SELECTED_PREFIX = "S#";
    static final String UNSELECTED_PREFIX = "U#";

    private static final String TENANT_SK = "TENANT";
    private static final String COUNTS_SK = "COUNTS";
    private static final String OFFBOARDING_SK = "OFFBOARDING";
    private static final String USER_SK = "USER";
    /**
     * Audit sort keys: {@code T#<epoch millis, 13 digits>#<8 hex>}, newest last. The suffix is
     * this instance's next sequence number (from a random start), so that entries one instance
     * writes in the same millisecond keep their order and entries of two instances do not collide.
     * (Audit items used to be keyed by setting version, {@code TENANT#tenant#AUDIT} / {@code V#...};
     * none was ever deployed, so no item of that form needs reading or migrating.)
     */
    static final String AUDIT_SK_PREFIX = "T#";
    private static final AtomicInteger AUDIT_SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 30));

    private TableLayout() {
    }

    static String tenantPk(String tenantId) {
        return "TENANT#" + tenantId;
    }

    static String auditPk(String tenantId) {
        return "AUDIT#" + tenantId;
    }

    static String countsPk(String tenantId) {
        return "COUNTS#" + tenantId;
    }

    /** A new audit sort key for an entry written at {@code when}. */
    static String newAuditSk(Instant when) {
        return auditSk(when.toEpochMilli(), AUDIT_SEQUENCE.getAndIncrement());
    }

    static String auditSk(long epochMillis, int sequence) {
        return AUDIT_SK_PREFIX + String.format(Locale.ROOT, "%013d#%08x", Math.max(0, epochMillis), sequence);
    }

    /** The lowest audit sort key of {@code epochMillis} and the highest: what a time range reads between. */
    static String auditSkFrom(long epochMillis) {
        return AUDIT_SK_PREFIX + String.format(Locale.ROOT, "%013d#", Math.max(0, epochMillis));
    }

    static String auditSkTo(long epochMillis) {
        return AUDIT_SK_PREFIX + String.format(Locale.ROOT, "%013d#~", Math.max(0, epochMillis));
    }

    static String userPk(String tenantId, String userId) {
        return "USER#" + tenantId + "#" + userId;
    }

    static String userKeyOf(String userId, boolean selectedOneByOne) {
        return (selectedOneByOne ? SELECTED_PREFIX : UNSELECTED_PREFIX) + userId;
    }

    static Map<String, AttributeValue> tenantKey(String tenantId) {
        return key(tenantPk(tenantId), TENANT_SK);
    }

    static Map<String, AttributeValue> countsKey(String tenantId) {
        return key(countsPk(tenantId), COUNTS_SK);
    }

    static Map<String, AttributeValue> offboardingKey(String tenantId) {
        return key(tenantPk(tenantId), OFFBOARDING_SK);
    }

    static Map<String, AttributeValue> userKey(String tenantId, String userId) {
        return key(userPk(tenantId, userId), USER_SK);
    }

    static Map<String, AttributeValue> auditKey(String tenantId, String sk) {
        return key(auditPk(tenantId), sk);
    }

    /** The user's key in the index, for a query to start after: the table's key and the index's. */
    static Map<String, AttributeValue> indexKey(String tenantId, String userId, boolean selectedOneByOne) {
        return Map.of(PK, AttributeValues.s(userPk(tenantId, userId)), SK, AttributeValues.s(USER_SK),
                TENANT_KEY, AttributeValues.s(tenantPk(tenantId)), USER_KEY,
                AttributeValues.s(userKeyOf(userId, selectedOneByOne)));
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
     * Creates the table where it is missing, with the index and the time to live: on a store an
     * endpoint override names ({@link LocalEndpointTable}); in AWS the table is infra/'s. (DynamoDB
     * Local accepts and reports the time-to-live setting.)
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
                    .attributeDefinitions(stringAttribute(PK), stringAttribute(SK), stringAttribute(TENANT_KEY),
                            stringAttribute(USER_KEY))
                    .keySchema(hash(PK), range(SK))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(USERS_BY_TENANT)
                            .keySchema(hash(TENANT_KEY), range(USER_KEY))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                    .build());
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
            dynamo.updateTimeToLive(b -> b.tableName(tableName)
                    .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName(EXPIRES_AT)));
        } catch (ResourceInUseException createdMeanwhile) {
            // another process created it first: fine
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
