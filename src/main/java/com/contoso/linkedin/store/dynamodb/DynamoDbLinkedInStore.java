package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.TableLayout.PK;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.RefusedException;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.metrics.Metrics;
import com.contoso.linkedin.store.ConcurrentChangeException;
import com.contoso.linkedin.store.Deadline;
import com.contoso.linkedin.store.GroupSyncIncompleteException;
import com.contoso.linkedin.store.LinkedInStore;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The one DynamoDB adapter. Keys are {@link TableLayout}'s; each item kind ({@link TenantItem},
 * {@link UserItem}, {@link AuditItem}) owns its attribute names, its mapping and its update
 * expressions; many users are read by {@link BatchReader}. What stays here is which requests
 * each store operation sends, bounded by the request's {@link Deadline}, and the one place that
 * turns SDK failures into the store's exceptions ({@link StoreErrors}).
 */
@ApplicationScoped
public class DynamoDbLinkedInStore implements LinkedInStore {

    /** DynamoDB's limit of actions in one TransactWriteItems. */
    static final int TRANSACTION_LIMIT = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;
    private final BatchReader batchReader;
    /** The client's own bounds of one call and one attempt: a deadline only ever shortens them. */
    private final Duration callTimeout;
    private final Duration attemptTimeout;

    public DynamoDbLinkedInStore(DynamoDbClient dynamo, LinkedInConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
        this.backoff = Backoff.of(config.store());
        var clientBounds = dynamo.serviceClientConfiguration().overrideConfiguration();
        this.callTimeout = clientBounds.apiCallTimeout().orElse(Duration.ofSeconds(30));
        this.attemptTimeout = clientBounds.apiCallAttemptTimeout().orElse(callTimeout);
        this.batchReader = new BatchReader(table, request -> call("read users",
                () -> dynamo.batchGetItem(b -> b.requestItems(request).overrideConfiguration(withinDeadline()))),
                backoff);
    }

    @PreDestroy
    void stopBatchReaders() {
        batchReader.close();
    }

    // ---- tenants -------------------------------------------------------------------------

    @Override
    public Optional<Tenant> findTenant(String tenantId) {
        Map<String, AttributeValue> item = call("read tenant", () -> dynamo.getItem(b -> b.tableName(table)
                .key(TableLayout.tenantKey(tenantId)).consistentRead(true).overrideConfiguration(withinDeadline()))
                .item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TenantItem.toTenant(tenantId, item));
    }

    @Override
    public void saveProfile(String tenantId, TenantProfile profile, Optional<Tenant> expected, boolean withdrawConsents,
            Instant now) {
        try {
            update("save tenant record", TableLayout.tenantKey(tenantId),
                    TenantItem.saveProfile(profile, expected, withdrawConsents, now));
        } catch (ConditionalCheckFailedException lost) {
            throw new ConcurrentChangeException("The tenant changed while its record was being saved");
        }
    }

    @Override
    public void saveSetting(String tenantId, long expectedVersion, TenantSetting setting, boolean withdrawConsents,
            AuditEntry audit) {
        Update settingUpdate = transactUpdate(TableLayout.tenantKey(tenantId),
                TenantItem.saveSetting(expectedVersion, setting, withdrawConsents));
        Expression onlyIfNew = AuditItem.onlyIfNew();
        Put auditPut = Put.builder().tableName(table).item(AuditItem.toItem(tenantId, audit))
                .conditionExpression(onlyIfNew.condition()).expressionAttributeNames(onlyIfNew.names()).build();
        // The same request's retry (the SDK's, after an answer lost on the way) carries the same
        // token, and DynamoDB then reports the commit that already happened instead of a failed
        // condition. A new attempt after a lost race differs in its time stamp, hence its token.
        String token = UUID.nameUUIDFromBytes((audit.requestId() + "|" + tenantId + "|" + expectedVersion + "|"
                + setting.updatedAt()).getBytes(StandardCharsets.UTF_8)).toString();
        try {
            // One transaction: a setting without its audit entry, or the reverse, cannot exist.
            call("save setting", () -> dynamo.transactWriteItems(b -> b.clientRequestToken(token).transactItems(
                    TransactWriteItem.builder().update(settingUpdate).build(),
                    TransactWriteItem.builder().put(auditPut).build()).overrideConfiguration(withinDeadline())));
        } catch (TransactionCanceledException cancelled) {
            throwIfPushback("save setting", cancelled);
            // A failed condition or a concurrent transaction on the same items: either way the
            // version the write was based on is no longer safe to assume.
            throw new ConcurrentChangeException("The setting changed while it was being saved");
        }
    }

    @Override
    public AuditPage listAudit(String tenantId, int limit, Optional<Long> beforeVersion) {
        Expression page = AuditItem.olderThan(tenantId, beforeVersion);
        // limit + 1: the one more tells whether another page exists (AuditItem.toPage).
        QueryResponse response = call("read audit", () -> dynamo.query(b -> b.tableName(table)
                .keyConditionExpression(page.condition()).expressionAttributeNames(page.names())
                .expressionAttributeValues(page.values())
                .scanIndexForward(false).limit(limit + 1).consistentRead(true).overrideConfiguration(withinDeadline())));
        return AuditItem.toPage(response.items(), limit);
    }

    // ---- users ---------------------------------------------------------------------------

    @Override
    public UserFacts findUser(String tenantId, String userId) {
        Map<String, AttributeValue> item = call("read user", () -> dynamo.getItem(b -> b.tableName(table)
                .key(TableLayout.userKey(tenantId, userId)).consistentRead(true).overrideConfiguration(withinDeadline()))
                .item());
        return item == null || item.isEmpty() ? UserFacts.unknown() : UserItem.toUserFacts(item);
    }

    @Override
    public List<UserFacts> findUsers(String tenantId, List<String> userIds) {
        List<Map<String, AttributeValue>> keys = userIds.stream().map(userId -> TableLayout.userKey(tenantId, userId))
                .toList();
        Map<String, Map<String, AttributeValue>> byPk = new HashMap<>();
        for (Map<String, AttributeValue> item : batchReader.read(keys)) {
            byPk.put(item.get(PK).s(), item);
        }
        // In the order asked, duplicates included; a user without an item has the defaults.
        return userIds.stream().map(userId -> {
            Map<String, AttributeValue> item = byPk.get(TableLayout.userPk(tenantId, userId));
            return item == null ? UserFacts.unknown() : UserItem.toUserFacts(item);
        }).toList();
    }

    @Override
    public void setSelectedOneByOne(String tenantId, String userId, boolean selected) {
        update("save user", TableLayout.userKey(tenantId, userId), UserItem.selectOneByOne(selected));
    }

    @Override
    public void updateGroupMembers(String tenantId, String groupId, Set<String> add, Set<String> remove) {
        List<Change> changes = new ArrayList<>();
        add.forEach(userId -> changes.add(new Change(userId, true, TransactWriteItem.builder()
                .update(transactUpdate(TableLayout.userKey(tenantId, userId), UserItem.joinGroup(groupId))).build())));
        remove.forEach(userId -> changes.add(new Change(userId, false, TransactWriteItem.builder()
                .update(transactUpdate(TableLayout.userKey(tenantId, userId), UserItem.leaveGroup(groupId))).build())));
        // Fewer round trips than one update per user; each chunk applies whole or not at all, and
        // a sync stopped part way says exactly which changes it applied.
        Set<String> added = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        for (int from = 0; from < changes.size(); from += TRANSACTION_LIMIT) {
            List<Change> chunk = changes.subList(from, Math.min(changes.size(), from + TRANSACTION_LIMIT));
            try {
                transactWithRetry("sync group members", chunk.stream().map(Change::action).toList());
            } catch (StoreUnavailableException stopped) {
                if (added.isEmpty() && removed.isEmpty()) {
                    throw stopped;
                }
                throw new GroupSyncIncompleteException(stopped, added, removed);
            }
            chunk.forEach(change -> (change.add() ? added : removed).add(change.userId()));
        }
    }

    /** One user's membership change in a group sync. */
    private record Change(String userId, boolean add, TransactWriteItem action) {
    }

    @Override
    public void setOfficePolicy(String tenantId, String userId, OfficePolicy policy) {
        update("save user", TableLayout.userKey(tenantId, userId), UserItem.officePolicy(policy));
    }

    @Override
    public void setOfficeOption(String tenantId, String userId, boolean showLinkedInFeatures) {
        try {
            update("save office option", TableLayout.userKey(tenantId, userId),
                    UserItem.officeOption(showLinkedInFeatures));
        } catch (ConditionalCheckFailedException locked) {
            throw new RefusedException(Reason.OPTION_LOCKED_BY_POLICY,
                    "An Office policy is configured for this user and locks the option to its value");
        }
    }

    @Override
    public void setProfileVisibility(String tenantId, String userId, boolean visibleInMicrosoftApps) {
        update("save user", TableLayout.userKey(tenantId, userId), UserItem.profileVisibility(visibleInMicrosoftApps));
    }

    @Override
    public void connect(String tenantId, String userId, Consent consent, long consentEpoch, Instant connectedAt) {
        update("save user", TableLayout.userKey(tenantId, userId), UserItem.connect(consent, consentEpoch, connectedAt));
    }

    @Override
    public void disconnect(String tenantId, String userId) {
        try {
            update("disconnect", TableLayout.userKey(tenantId, userId), UserItem.disconnect());
        } catch (ConditionalCheckFailedException notConnected) {
            // already disconnected (or never connected): disconnecting is idempotent
        }
    }

    // ---- requests ------------------------------------------------------------------------

    private void update(String what, Map<String, AttributeValue> key, Expression expression) {
        call(what, () -> dynamo.updateItem(b -> b.tableName(table).key(key)
                .updateExpression(expression.update()).conditionExpression(expression.condition())
                .expressionAttributeNames(expression.names()).expressionAttributeValues(expression.values())
                .overrideConfiguration(withinDeadline())));
    }

    private Update transactUpdate(Map<String, AttributeValue> key, Expression expression) {
        return Update.builder().tableName(table).key(key)
                .updateExpression(expression.update()).conditionExpression(expression.condition())
                .expressionAttributeNames(expression.names()).expressionAttributeValues(expression.values()).build();
    }

    private void transactWithRetry(String what, List<TransactWriteItem> actions) {
        for (int attempt = 1;; attempt++) {
            try {
                call(what, () -> dynamo.transactWriteItems(b -> b.transactItems(actions)
                        .overrideConfiguration(withinDeadline())));
                return;
            } catch (TransactionCanceledException conflict) {
                throwIfPushback(what, conflict);
                // Another write touched one of these users at the same moment; the updates are
                // idempotent set operations, so trying again is safe.
                if (attempt >= backoff.attempts()) {
                    throw new StoreUnavailableException("DynamoDB kept cancelling the transaction: " + what, conflict);
                }
                backoff.pauseBefore(attempt + 1);
            }
        }
    }

    /** A transaction the store cancelled because it was throttled is pushback, not a race. */
    private static void throwIfPushback(String what, TransactionCanceledException cancelled) {
        if (isPushback(cancelled)) {
            throw new StoreUnavailableException("DynamoDB throttled: " + what, cancelled, true);
        }
    }

    private static boolean isPushback(TransactionCanceledException cancelled) {
        return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                .map(CancellationReason::code).anyMatch(StoreErrors::isPushback);
    }

    /**
     * Per-call bounds no longer than the time the request has left, when it has less than the
     * client's own; none when no request opened a deadline (priming, tests of the adapter).
     */
    private AwsRequestOverrideConfiguration withinDeadline() {
        Optional<Deadline> deadline = Deadline.current();
        if (deadline.isEmpty()) {
            return null;
        }
        Duration left = deadline.get().remaining();
        if (left.isZero()) {
            throw new StoreUnavailableException("The request had no time left for the store", null);
        }
        if (left.compareTo(callTimeout) >= 0) {
            return null;
        }
        return AwsRequestOverrideConfiguration.builder().apiCallTimeout(left)
                .apiCallAttemptTimeout(min(left, attemptTimeout)).build();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Runs one store call. Outcomes a caller decides on (a failed condition, a cancelled
     * transaction) pass through; every other failure is classified once ({@link StoreErrors}).
     */
    private <T> T call(String what, Supplier<T> operation) {
        long started = System.nanoTime();
        String outcome = "ok";
        try {
            return operation.get();
        } catch (ConditionalCheckFailedException | TransactionCanceledException decidedByCaller) {
            outcome = decidedByCaller instanceof TransactionCanceledException cancelled && isPushback(cancelled)
                    ? "throttled" : "conflict";
            throw decidedByCaller;
        } catch (SdkException e) {
            RuntimeException classified = StoreErrors.classify(what, e);
            outcome = classified instanceof StoreUnavailableException unavailable
                    ? unavailable.pushback() ? "throttled" : "unavailable"
                    : "failed";
            throw classified;
        } finally {
            Metrics.count("StoreCalls", "Outcome", outcome);
            Metrics.millis("StoreLatency", (System.nanoTime() - started) / 1e6);
        }
    }
}
