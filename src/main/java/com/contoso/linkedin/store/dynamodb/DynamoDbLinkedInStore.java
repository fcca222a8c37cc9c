package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.TableLayout.PK;
import static com.contoso.linkedin.store.dynamodb.TableLayout.SK;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Connection;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.RefusedException;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.ConcurrentChangeException;
import com.contoso.linkedin.store.LinkedInStore;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The one DynamoDB adapter: key layout ({@link TableLayout}), attribute names and the mapping
 * between items and domain records live here and nowhere else.
 */
@ApplicationScoped
public class DynamoDbLinkedInStore implements LinkedInStore {

    /** DynamoDB's limit of keys in one BatchGetItem. */
    static final int BATCH_GET_LIMIT = 100;
    /** DynamoDB's limit of actions in one TransactWriteItems. */
    static final int TRANSACTION_LIMIT = 100;

    // Tenant item attributes
    private static final String CLOUD = "cloud";
    private static final String COUNTRY = "countryCode";
    private static final String ROLLED_OUT = "rolledOut";
    private static final String USERS_CAN_CONSENT = "usersCanConsentToApps";
    private static final String CREATED_AT = "createdAt";
    private static final String PROFILE_UPDATED_AT = "profileUpdatedAt";
    private static final String MODE = "mode";
    private static final String SELECTED_GROUP = "selectedGroupId";
    private static final String SETTING_VERSION = "settingVersion";
    private static final String UPDATED_AT = "updatedAt";
    private static final String UPDATED_BY = "updatedBy";
    private static final String CONSENT_EPOCH = "consentEpoch";
    // Audit item attributes
    private static final String VERSION = "version";
    private static final String WHO = "who";
    private static final String WHEN = "when";
    private static final String BEFORE_MODE = "beforeMode";
    private static final String BEFORE_GROUP = "beforeGroupId";
    private static final String AFTER_MODE = "afterMode";
    private static final String AFTER_GROUP = "afterGroupId";
    private static final String CHANGE_REASON = "changeReason";
    private static final String REQUEST_ID = "requestId";
    // User item attributes
    private static final String GROUPS = "groups";
    private static final String SELECTED_ONE_BY_ONE = "selectedOneByOne";
    private static final String CONSENT = "consent";
    private static final String CONNECTED_EPOCH = "connectedEpoch";
    private static final String CONNECTED_AT = "connectedAt";
    private static final String PROFILE_VISIBLE = "profileVisible";
    private static final String OFFICE_POLICY = "officePolicy";
    private static final String OFFICE_OPTION = "officeOption";

    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("#(\\w+)");

    private final DynamoDbClient dynamo;
    private final String table;
    private final int batchAttempts;
    private final Duration retryBaseDelay;
    /** Reads the second and later chunks of a batch read; threads exist only while in use. */
    private final ExecutorService batchReaders = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "store-batch-read");
        thread.setDaemon(true);
        return thread;
    });

    public DynamoDbLinkedInStore(DynamoDbClient dynamo, LinkedInConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
        this.batchAttempts = config.store().batchAttempts();
        this.retryBaseDelay = config.store().retryBaseDelay();
    }

    @PreDestroy
    void stopBatchReaders() {
        batchReaders.shutdownNow();
    }

    // ---- tenants -------------------------------------------------------------------------

    @Override
    public Optional<Tenant> findTenant(String tenantId) {
        Map<String, AttributeValue> item = call("read tenant", () -> dynamo.getItem(b -> b
                .tableName(table).key(key(TableLayout.tenantPk(tenantId), TableLayout.TENANT_SK)).consistentRead(true))
                .item());
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toTenant(tenantId, item));
    }

    @Override
    public void saveProfile(String tenantId, TenantProfile profile, Optional<Tenant> expected, boolean withdrawConsents,
            Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":cloud", s(profile.cloud().name()));
        values.put(":country", s(profile.countryCode()));
        values.put(":rolledOut", bool(profile.rolledOut()));
        values.put(":consent", bool(profile.usersCanConsentToApps()));
        values.put(":now", s(now.toString()));
        values.put(":zero", n(0));
        String update = "SET #" + CLOUD + " = :cloud, #" + COUNTRY + " = :country, #" + ROLLED_OUT + " = :rolledOut, "
                + "#" + USERS_CAN_CONSENT + " = :consent, #" + PROFILE_UPDATED_AT + " = :now, "
                + "#" + CREATED_AT + " = if_not_exists(#" + CREATED_AT + ", :now), "
                + "#" + SETTING_VERSION + " = if_not_exists(#" + SETTING_VERSION + ", :zero), ";
        if (withdrawConsents) {
            values.put(":one", n(1));
            update += "#" + CONSENT_EPOCH + " = if_not_exists(#" + CONSENT_EPOCH + ", :zero) + :one";
        } else {
            update += "#" + CONSENT_EPOCH + " = if_not_exists(#" + CONSENT_EPOCH + ", :zero)";
        }
        // The epoch decision was made on what was read: the write holds only if that is still so.
        String condition;
        if (expected.isEmpty()) {
            condition = "attribute_not_exists(" + PK + ")";
        } else {
            condition = "#" + COUNTRY + " = :oldCountry AND #" + SETTING_VERSION + " = :oldVersion";
            values.put(":oldCountry", s(expected.get().profile().countryCode()));
            values.put(":oldVersion", n(expected.get().setting().version()));
        }
        String expression = update;
        try {
            call("save tenant record", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(key(TableLayout.tenantPk(tenantId), TableLayout.TENANT_SK))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(names(expression, condition)).expressionAttributeValues(values)));
        } catch (ConditionalCheckFailedException lost) {
            throw new ConcurrentChangeException("The tenant changed while its record was being saved");
        }
    }

    @Override
    public void saveSetting(String tenantId, long expectedVersion, TenantSetting setting, boolean withdrawConsents,
            AuditEntry audit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":mode", s(setting.mode().name()));
        values.put(":version", n(setting.version()));
        values.put(":expected", n(expectedVersion));
        values.put(":at", s(setting.updatedAt().toString()));
        values.put(":by", s(setting.updatedBy()));
        StringBuilder update = new StringBuilder("SET #").append(MODE).append(" = :mode, #")
                .append(SETTING_VERSION).append(" = :version, #").append(UPDATED_AT).append(" = :at, #")
                .append(UPDATED_BY).append(" = :by");
        if (withdrawConsents) {
            values.put(":one", n(1));
            update.append(", #").append(CONSENT_EPOCH).append(" = #").append(CONSENT_EPOCH).append(" + :one");
        }
        if (setting.selectedGroupId() != null) {
            values.put(":group", s(setting.selectedGroupId()));
            update.append(", #").append(SELECTED_GROUP).append(" = :group");
        } else {
            update.append(" REMOVE #").append(SELECTED_GROUP);
        }
        String condition = "attribute_exists(" + PK + ") AND #" + SETTING_VERSION + " = :expected";
        if (setting.mode() != IntegrationMode.DISABLED) {
            // Never enable in a cloud without LinkedIn, even if the record changed since the read.
            values.put(":public", s(Cloud.PUBLIC.name()));
            condition += " AND #" + CLOUD + " = :public";
        }
        Update settingUpdate = Update.builder().tableName(table)
                .key(key(TableLayout.tenantPk(tenantId), TableLayout.TENANT_SK))
                .updateExpression(update.toString()).conditionExpression(condition)
                .expressionAttributeNames(names(update.toString(), condition))
                .expressionAttributeValues(values).build();
        Map<String, AttributeValue> auditItem = toAuditItem(tenantId, audit);
        try {
            call("save setting", () -> dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(settingUpdate).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(auditItem)
                            .conditionExpression("attribute_not_exists(" + PK + ")")).build())));
        } catch (TransactionCanceledException cancelled) {
            // A failed condition or a concurrent transaction on the same items: either way the
            // version the write was based on is no longer safe to assume.
            throw new ConcurrentChangeException("The setting changed while it was being saved");
        }
    }

    @Override
    public AuditPage listAudit(String tenantId, int limit, Optional<Long> beforeVersion) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(TableLayout.auditPk(tenantId)));
        String keyCondition = PK + " = :pk";
        if (beforeVersion.isPresent()) {
            values.put(":before", s(TableLayout.auditSk(beforeVersion.get())));
            keyCondition += " AND " + SK + " < :before";
        }
        String condition = keyCondition;
        // One more than asked tells whether another page exists without a second query.
        QueryResponse response = call("read audit", () -> dynamo.query(b -> b.tableName(table)
                .keyConditionExpression(condition).expressionAttributeValues(values)
                .scanIndexForward(false).limit(limit + 1).consistentRead(true)));
        List<AuditEntry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            if (entries.size() == limit) {
                break;
            }
            entries.add(toAuditEntry(item));
        }
        Optional<Long> next = response.items().size() > limit
                ? Optional.of(entries.get(entries.size() - 1).version())
                : Optional.empty();
        return new AuditPage(entries, next);
    }

    // ---- users ---------------------------------------------------------------------------

    @Override
    public UserFacts findUser(String tenantId, String userId) {
        Map<String, AttributeValue> item = call("read user", () -> dynamo.getItem(b -> b.tableName(table)
                .key(userKey(tenantId, userId)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? UserFacts.unknown() : toUserFacts(item);
    }

    @Override
    public List<UserFacts> findUsers(String tenantId, List<String> userIds) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(userIds));
        Map<String, Map<String, AttributeValue>> found = new ConcurrentHashMap<>();
        // One BatchGetItem per 100 distinct users (DynamoDB's limit), duplicates asked once.
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET_LIMIT)));
        }
        readConcurrently(tenantId, chunks, found);
        return userIds.stream().map(id -> {
            Map<String, AttributeValue> item = found.get(TableLayout.userPk(tenantId, id));
            return item == null ? UserFacts.unknown() : toUserFacts(item);
        }).toList();
    }

    /**
     * Reads every chunk, all but the first on {@link #batchReaders} while the calling thread reads
     * the first, so that a profile card's 101 keys (viewer plus 100 subjects, over DynamoDB's 100)
     * wait for one round trip of latency, not two. One chunk (the usual case) starts no thread.
     */
    private void readConcurrently(String tenantId, List<List<String>> chunks,
            Map<String, Map<String, AttributeValue>> found) {
        List<Future<?>> others = new ArrayList<>();
        for (List<String> chunk : chunks.subList(Math.min(1, chunks.size()), chunks.size())) {
            others.add(batchReaders.submit(() -> readBatch(tenantId, chunk, found)));
        }
        try {
            if (!chunks.isEmpty()) {
                readBatch(tenantId, chunks.get(0), found);
            }
            for (Future<?> other : others) {
                other.get();
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new StoreUnavailableException("DynamoDB failed to read users", failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while reading users", e);
        } finally {
            others.forEach(other -> other.cancel(true));
        }
    }

    /** Re-asks for the keys DynamoDB leaves unprocessed, with backoff; never drops one. */
    private void readBatch(String tenantId, List<String> userIds, Map<String, Map<String, AttributeValue>> found) {
        List<Map<String, AttributeValue>> keys = userIds.stream().map(id -> userKey(tenantId, id)).toList();
        Map<String, KeysAndAttributes> pending = Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > batchAttempts) {
                throw new StoreUnavailableException(
                        "DynamoDB left keys unprocessed after " + batchAttempts + " attempts", null);
            }
            if (attempt > 1) {
                backOff(attempt);
            }
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = call("read users", () -> dynamo.batchGetItem(b -> b.requestItems(request)));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                found.put(item.get(PK).s(), item);
            }
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
    }

    @Override
    public void setSelectedOneByOne(String tenantId, String userId, boolean selected) {
        if (selected) {
            updateUser(tenantId, userId, "SET #" + SELECTED_ONE_BY_ONE + " = :v", Map.of(":v", bool(true)));
        } else {
            updateUser(tenantId, userId, "REMOVE #" + SELECTED_ONE_BY_ONE, Map.of());
        }
    }

    @Override
    public void updateGroupMembers(String tenantId, String groupId, Set<String> add, Set<String> remove) {
        // ADD and DELETE on a string set are atomic on the item: no read-modify-write, so
        // concurrent syncs of different groups for one user cannot lose each other's changes.
        Map<String, AttributeValue> group = Map.of(":g", AttributeValue.builder().ss(groupId).build());
        List<TransactWriteItem> actions = new ArrayList<>();
        for (String userId : add) {
            actions.add(userUpdate(tenantId, userId, "ADD #" + GROUPS + " :g", group));
        }
        for (String userId : remove) {
            actions.add(userUpdate(tenantId, userId, "DELETE #" + GROUPS + " :g", group));
        }
        // Fewer round trips than one update per user; each chunk applies whole or not at all.
        for (int from = 0; from < actions.size(); from += TRANSACTION_LIMIT) {
            List<TransactWriteItem> chunk = actions.subList(from, Math.min(actions.size(), from + TRANSACTION_LIMIT));
            transactWithRetry("sync group members", chunk);
        }
    }

    @Override
    public void setOfficePolicy(String tenantId, String userId, OfficePolicy policy) {
        if (policy == OfficePolicy.NOT_CONFIGURED) {
            updateUser(tenantId, userId, "REMOVE #" + OFFICE_POLICY, Map.of());
        } else {
            updateUser(tenantId, userId, "SET #" + OFFICE_POLICY + " = :p", Map.of(":p", s(policy.name())));
        }
    }

    @Override
    public void setOfficeOption(String tenantId, String userId, boolean showLinkedInFeatures) {
        try {
            call("save office option", () -> dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                    .key(userKey(tenantId, userId))
                    .updateExpression("SET #" + OFFICE_OPTION + " = :v")
                    .conditionExpression("attribute_not_exists(#" + OFFICE_POLICY + ")")
                    .expressionAttributeNames(Map.of("#" + OFFICE_OPTION, OFFICE_OPTION, "#" + OFFICE_POLICY, OFFICE_POLICY))
                    .expressionAttributeValues(Map.of(":v", bool(showLinkedInFeatures))).build()));
        } catch (ConditionalCheckFailedException locked) {
            throw new RefusedException(Reason.OPTION_LOCKED_BY_POLICY,
                    "An Office policy is configured for this user and locks the option to its value");
        }
    }

    @Override
    public void setProfileVisibility(String tenantId, String userId, boolean visibleInMicrosoftApps) {
        updateUser(tenantId, userId, "SET #" + PROFILE_VISIBLE + " = :v", Map.of(":v", bool(visibleInMicrosoftApps)));
    }

    @Override
    public void connect(String tenantId, String userId, Consent consent, long consentEpoch, Instant connectedAt) {
        updateUser(tenantId, userId,
                "SET #" + CONSENT + " = :c, #" + CONNECTED_EPOCH + " = :e, #" + CONNECTED_AT + " = :t",
                Map.of(":c", s(consent.name()), ":e", n(consentEpoch), ":t", s(connectedAt.toString())));
    }

    @Override
    public void disconnect(String tenantId, String userId) {
        try {
            // Conditional, so that disconnecting a user who never connected creates no item.
            call("disconnect", () -> dynamo.updateItem(b -> b.tableName(table).key(userKey(tenantId, userId))
                    .updateExpression("REMOVE #" + CONSENT + ", #" + CONNECTED_EPOCH + ", #" + CONNECTED_AT)
                    .conditionExpression("attribute_exists(#" + CONSENT + ")")
                    .expressionAttributeNames(Map.of("#" + CONSENT, CONSENT, "#" + CONNECTED_EPOCH, CONNECTED_EPOCH,
                            "#" + CONNECTED_AT, CONNECTED_AT))));
        } catch (ConditionalCheckFailedException notConnected) {
            // already disconnected: disconnecting is idempotent
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    private void updateUser(String tenantId, String userId, String expression, Map<String, AttributeValue> values) {
        call("save user", () -> dynamo.updateItem(UpdateItemRequest.builder().tableName(table)
                .key(userKey(tenantId, userId)).updateExpression(expression).expressionAttributeNames(names(expression))
                .expressionAttributeValues(values.isEmpty() ? null : values).build()));
    }

    private TransactWriteItem userUpdate(String tenantId, String userId, String expression,
            Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(userKey(tenantId, userId))
                .updateExpression(expression).expressionAttributeNames(names(expression))
                .expressionAttributeValues(values).build()).build();
    }

    private void transactWithRetry(String what, List<TransactWriteItem> actions) {
        for (int attempt = 1;; attempt++) {
            try {
                call(what, () -> dynamo.transactWriteItems(b -> b.transactItems(actions)));
                return;
            } catch (TransactionCanceledException conflict) {
                // Another write touched one of these users at the same moment; the updates are
                // idempotent set operations, so trying again is safe.
                if (attempt >= batchAttempts) {
                    throw new StoreUnavailableException("DynamoDB kept cancelling the transaction: " + what, conflict);
                }
                backOff(attempt + 1);
            }
        }
    }

    private void backOff(int attempt) {
        long base = retryBaseDelay.toMillis() << Math.min(attempt - 2, 10);
        long jitter = (long) (Math.random() * base);
        try {
            Thread.sleep(base + jitter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while backing off", e);
        }
    }

    /**
     * Runs one store call. Outcomes a caller decides on (a failed condition, a cancelled
     * transaction) pass through; every other failure means the store is unavailable.
     */
    private <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ConditionalCheckFailedException | TransactionCanceledException decidedByCaller) {
            throw decidedByCaller;
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB failed to " + what, e);
        }
    }

    /**
     * The {@code #name} placeholders of the expressions, so that attribute names never clash with
     * DynamoDB's reserved words (mode, connection, ...).
     */
    private static Map<String, String> names(String... expressions) {
        Map<String, String> names = new HashMap<>();
        for (String expression : expressions) {
            Matcher placeholder = NAME_PLACEHOLDER.matcher(expression);
            while (placeholder.find()) {
                names.put(placeholder.group(), placeholder.group(1));
            }
        }
        return names;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    private static Map<String, AttributeValue> userKey(String tenantId, String userId) {
        return key(TableLayout.userPk(tenantId, userId), TableLayout.USER_SK);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    private static AttributeValue bool(boolean value) {
        return AttributeValue.builder().bool(value).build();
    }

    // ---- mapping -------------------------------------------------------------------------

    private static Tenant toTenant(String tenantId, Map<String, AttributeValue> item) {
        try {
            TenantProfile profile = new TenantProfile(
                    Cloud.valueOf(item.get(CLOUD).s()), item.get(COUNTRY).s(),
                    item.get(ROLLED_OUT).bool(), item.get(USERS_CAN_CONSENT).bool());
            long version = number(item, SETTING_VERSION);
            Optional<TenantSetting> written = version == 0 ? Optional.empty()
                    : Optional.of(new TenantSetting(IntegrationMode.valueOf(item.get(MODE).s()),
                            string(item, SELECTED_GROUP), version,
                            Instant.parse(item.get(UPDATED_AT).s()), string(item, UPDATED_BY)));
            return new Tenant(tenantId, profile, written, number(item, CONSENT_EPOCH));
        } catch (RuntimeException unreadable) {
            // Never guess from an item we cannot read.
            throw new StoreUnavailableException("Unreadable tenant item", unreadable);
        }
    }

    private static UserFacts toUserFacts(Map<String, AttributeValue> item) {
        try {
            Optional<Connection> connection = item.containsKey(CONSENT)
                    ? Optional.of(new Connection(Consent.valueOf(item.get(CONSENT).s()), number(item, CONNECTED_EPOCH),
                            Instant.parse(item.get(CONNECTED_AT).s())))
                    : Optional.empty();
            AttributeValue groups = item.get(GROUPS);
            return new UserFacts(
                    groups == null ? Set.of() : Set.copyOf(groups.ss()),
                    flag(item, SELECTED_ONE_BY_ONE, false),
                    connection,
                    flag(item, PROFILE_VISIBLE, true),
                    item.containsKey(OFFICE_POLICY) ? OfficePolicy.valueOf(item.get(OFFICE_POLICY).s())
                            : OfficePolicy.NOT_CONFIGURED,
                    flag(item, OFFICE_OPTION, true));
        } catch (RuntimeException unreadable) {
            throw new StoreUnavailableException("Unreadable user item", unreadable);
        }
    }

    private static Map<String, AttributeValue> toAuditItem(String tenantId, AuditEntry entry) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PK, s(TableLayout.auditPk(tenantId)));
        item.put(SK, s(TableLayout.auditSk(entry.version())));
        item.put(VERSION, n(entry.version()));
        item.put(WHO, s(entry.who()));
        item.put(WHEN, s(entry.when().toString()));
        item.put(BEFORE_MODE, s(entry.before().mode().name()));
        item.put(AFTER_MODE, s(entry.after().mode().name()));
        if (entry.before().selectedGroupId() != null) {
            item.put(BEFORE_GROUP, s(entry.before().selectedGroupId()));
        }
        if (entry.after().selectedGroupId() != null) {
            item.put(AFTER_GROUP, s(entry.after().selectedGroupId()));
        }
        if (entry.changeReason() != null) {
            item.put(CHANGE_REASON, s(entry.changeReason()));
        }
        if (entry.requestId() != null) {
            item.put(REQUEST_ID, s(entry.requestId()));
        }
        return item;
    }

    private static AuditEntry toAuditEntry(Map<String, AttributeValue> item) {
        try {
            return new AuditEntry(number(item, VERSION), string(item, WHO), Instant.parse(item.get(WHEN).s()),
                    new SettingState(IntegrationMode.valueOf(item.get(BEFORE_MODE).s()), string(item, BEFORE_GROUP)),
                    new SettingState(IntegrationMode.valueOf(item.get(AFTER_MODE).s()), string(item, AFTER_GROUP)),
                    string(item, CHANGE_REASON), string(item, REQUEST_ID));
        } catch (RuntimeException unreadable) {
            throw new StoreUnavailableException("Unreadable audit item", unreadable);
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private static boolean flag(Map<String, AttributeValue> item, String name, boolean absent) {
        AttributeValue value = item.get(name);
        return value == null ? absent : value.bool();
    }
}
