package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.TableLayout.PK;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

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
import com.contoso.linkedin.store.ConcurrentChangeException;
import com.contoso.linkedin.store.GroupSyncIncompleteException;
import com.contoso.linkedin.store.LinkedInStore;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
 * each store operation sends; each goes through {@link StoreCalls}, which bounds it by the
 * request's deadline, classifies its failures and counts it.
 */
@ApplicationScoped
public class DynamoDbLinkedInStore implements LinkedInStore {

    /** DynamoDB's limit of actions in one TransactWriteItems. */
    static final int TRANSACTION_LIMIT = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;
    private final BatchReader batchReader;
    private final StoreCalls calls;

    public DynamoDbLinkedInStore(DynamoDbClient dynamo, LinkedInConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
        this.backoff = Backoff.of(config.store());
        this.calls = new StoreCalls(dynamo.serviceClientConfiguration().overrideConfiguration());
        this.batchReader = new BatchReader(table, request -> calls.run("read users",
                () -> dynamo.batchGetItem(b -> b.requestItems(request).overrideConfiguration(calls.withinDeadline()))),
                backoff);
    }

    @PreDestroy
    void stopBatchReaders() {
        batchReader.close();
    }

    // ---- tenants -------------------------------------------------------------------------

    @Override
    public Optional<Tenant> findTenant(String tenantId) {
        Map<String, AttributeValue> item = calls.run("read tenant", () -> dynamo.getItem(b -> b.tableName(table)
                .key(TableLayout.tenantKey(tenantId)).consistentRead(true).overrideConfiguration(calls.withinDeadline()))
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
            calls.run("save setting", () -> dynamo.transactWriteItems(b -> b.clientRequestToken(token).transactItems(
                    TransactWriteItem.builder().update(settingUpdate).build(),
                    TransactWriteItem.builder().put(auditPut).build()).overrideConfiguration(calls.withinDeadline())));
        } catch (TransactionCanceledException cancelled) {
            StoreErrors.throwIfPushback("save setting", cancelled);
            // A failed condition or a concurrent transaction on the same items: either way the
            // version the write was based on is no longer safe to assume.
            throw new ConcurrentChangeException("The setting changed while it was being saved");
        }
    }

    @Override
    public AuditPage listAudit(String tenantId, int limit, Optional<Long> beforeVersion) {
        Expression page = AuditItem.olderThan(tenantId, beforeVersion);
        // limit + 1: the one more tells whether another page exists (AuditItem.toPage).
        QueryResponse response = calls.run("read audit", () -> dynamo.query(b -> b.tableName(table)
                .keyConditionExpression(page.condition()).expressionAttributeNames(page.names())
                .expressionAttributeValues(page.values())
                .scanIndexForward(false).limit(limit + 1).consistentRead(true).overrideConfiguration(calls.withinDeadline())));
        return AuditItem.toPage(response.items(), limit);
    }

    // ---- users ---------------------------------------------------------------------------

    @Override
    public UserFacts findUser(String tenantId, String userId) {
        Map<String, AttributeValue> item = calls.run("read user", () -> dynamo.getItem(b -> b.tableName(table)
                .key(TableLayout.userKey(tenantId, userId)).consistentRead(true).overrideConfiguration(calls.withinDeadline()))
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
        calls.run(what, () -> dynamo.updateItem(b -> b.tableName(table).key(key)
                .updateExpression(expression.update()).conditionExpression(expression.condition())
                .expressionAttributeNames(expression.names()).expressionAttributeValues(expression.values())
                .overrideConfiguration(calls.withinDeadline())));
    }

    private Update transactUpdate(Map<String, AttributeValue> key, Expression expression) {
        return Update.builder().tableName(table).key(key)
                .updateExpression(expression.update()).conditionExpression(expression.condition())
                .expressionAttributeNames(expression.names()).expressionAttributeValues(expression.values()).build();
    }

    private void transactWithRetry(String what, List<TransactWriteItem> actions) {
        for (int attempt = 1;; attempt++) {
            try {
                calls.run(what, () -> dynamo.transactWriteItems(b -> b.transactItems(actions)
                        .overrideConfiguration(calls.withinDeadline())));
                return;
            } catch (TransactionCanceledException conflict) {
                StoreErrors.throwIfPushback(what, conflict);
                // Another write touched one of these users at the same moment; the updates are
                // idempotent set operations, so trying again is safe.
                if (attempt >= backoff.attempts()) {
                    throw new StoreUnavailableException("DynamoDB kept cancelling the transaction: " + what, conflict);
                }
                backoff.pauseBefore(attempt + 1);
            }
        }
    }
}
