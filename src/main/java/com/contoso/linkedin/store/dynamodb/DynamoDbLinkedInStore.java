package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.TableLayout.PK;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.Backoff;
import com.contoso.linkedin.store.ConcurrentChangeException;
import com.contoso.linkedin.store.LinkedInStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one DynamoDB adapter. Keys are {@link TableLayout}'s; each item kind ({@link TenantItem},
 * {@link CountsItem}, {@link UserItem}, {@link AuditItem}) owns its attribute names, its mapping
 * and its expressions; many users are read by {@link BatchReader}, counted user facts written by
 * {@link UserWrites} and {@link GroupSync}, the audit read by {@link AuditLog}, the index by
 * {@link UserIndex}, offboarding paged by {@link Offboarding}. What stays here is which requests
 * the tenant's own operations send; every request goes through {@link Requests} and so
 * {@link StoreCalls}, which bounds it by the request's deadline, classifies its failures and counts it.
 */
@ApplicationScoped
public class DynamoDbLinkedInStore implements LinkedInStore {

    private final Requests requests;
    private final BatchReader batchReader;
    private final UserWrites userWrites;
    private final GroupSync groupSync;
    private final AuditLog auditLog;
    private final UserIndex userIndex;
    private final Offboarding offboarding;

    public DynamoDbLinkedInStore(DynamoDbClient dynamo, LinkedInConfig config) {
        StoreCalls calls = new StoreCalls(dynamo.serviceClientConfiguration().overrideConfiguration());
        Backoff backoff = Backoff.of(config.store());
        this.requests = new Requests(dynamo, config.tableName(), calls, backoff);
        this.batchReader = new BatchReader(config.tableName(), request -> calls.run("read users",
                () -> dynamo.batchGetItem(b -> b.requestItems(request).overrideConfiguration(calls.withinDeadline()))),
                backoff);
        this.userWrites = new UserWrites(requests);
        this.groupSync = new GroupSync(requests);
        this.auditLog = new AuditLog(requests);
        this.userIndex = new UserIndex(requests);
        this.offboarding = new Offboarding(requests, userIndex);
    }

    @PreDestroy
    void stopBatchReaders() {
        batchReader.close();
    }

    // ---- tenants -------------------------------------------------------------------------

    @Override
    public Optional<Tenant> findTenant(String tenantId) {
        Map<String, AttributeValue> item = requests.get("read tenant", TableLayout.tenantKey(tenantId));
        return item.isEmpty() ? Optional.empty() : Optional.of(TenantItem.toTenant(tenantId, item));
    }

    @Override
    public Optional<CountedTenant> findTenantWithCounts(String tenantId) {
        List<Map<String, AttributeValue>> items = requests.snapshot("read tenant and counts",
                List.of(TableLayout.tenantKey(tenantId), TableLayout.countsKey(tenantId)));
        return items.get(0).isEmpty() ? Optional.empty()
                : Optional.of(new CountedTenant(TenantItem.toTenant(tenantId, items.get(0)),
                        CountsItem.toCounts(items.get(1))));
    }

    @Override
    public void saveProfile(String tenantId, TenantProfile profile, Optional<Tenant> expected, boolean withdrawConsents,
            boolean moveEtagVersion, AuditEntry audit) {
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(requests.update(TableLayout.tenantKey(tenantId),
                TenantItem.saveProfile(profile, expected, withdrawConsents, moveEtagVersion, audit.when())));
        actions.add(auditPut(tenantId, audit));
        if (withdrawConsents) {
            actions.add(requests.update(TableLayout.countsKey(tenantId), CountsItem.startConnectedAfresh()));
        }
        if (expected.isEmpty()) {
            // Not while an offboarding of the same tenant is still erasing its items.
            actions.add(requests.check(TableLayout.offboardingKey(tenantId), new Expression().whenNotExists(PK)));
        }
        try {
            requests.transact("save tenant record", actions, null);
        } catch (TransactionCanceledException lost) {
            throw new ConcurrentChangeException("The tenant changed while its record was being saved");
        }
    }

    @Override
    public void saveSetting(String tenantId, long expectedVersion, TenantSetting setting, boolean withdrawConsents,
            AuditEntry audit) {
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(requests.update(TableLayout.tenantKey(tenantId),
                TenantItem.saveSetting(expectedVersion, setting, withdrawConsents)));
        actions.add(auditPut(tenantId, audit));
        if (withdrawConsents) {
            actions.add(requests.update(TableLayout.countsKey(tenantId), CountsItem.startConnectedAfresh()));
        }
        // The same request's retry (the SDK's, after an answer lost on the way) carries the same
        // token, and DynamoDB then reports the commit that already happened instead of a failed
        // condition. A new attempt after a lost race expects another ETag number, hence its token.
        String request = audit.requestId() + "|" + tenantId + "|" + expectedVersion + "|" + setting.updatedAt();
        for (int attempt = 1;; attempt++) {
            String token = UUID.nameUUIDFromBytes((request + "|" + attempt).getBytes(StandardCharsets.UTF_8))
                    .toString();
            try {
                // One transaction: a setting without its audit entry, or the reverse, cannot exist.
                requests.transact("save setting", actions, token);
                return;
            } catch (TransactionCanceledException cancelled) {
                if (Requests.anyConditionFailed(cancelled)) {
                    throw new ConcurrentChangeException("The setting changed while it was being saved");
                }
                // Only other transactions under way on these items (a user's write checks the
                // tenant): nothing failed, so the same write is tried again once they are done.
                requests.retryOrGiveUp("save setting", attempt, cancelled);
            }
        }
    }

    @Override
    public AuditPage listAudit(String tenantId, AuditQuery query) {
        return auditLog.list(tenantId, query);
    }

    private TransactWriteItem auditPut(String tenantId, AuditEntry audit) {
        return requests.put(AuditItem.toItem(tenantId, audit, Optional.empty()), AuditItem.onlyIfNew());
    }

    // ---- users ---------------------------------------------------------------------------

    @Override
    public UserFacts findUser(String tenantId, String userId) {
        Map<String, AttributeValue> item = requests.get("read user", TableLayout.userKey(tenantId, userId));
        return item.isEmpty() ? UserFacts.unknown() : UserItem.toUserFacts(item);
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
    public boolean setSelectedOneByOne(String tenantId, String userId, boolean selected, AuditEntry.Stamp stamp) {
        return userWrites.select(tenantId, userId, selected, stamp);
    }

    @Override
    public AuditEntry.GroupMembersChanged updateGroupMembers(String tenantId, String groupId, Set<String> add,
            Set<String> remove, AuditEntry.Stamp stamp) {
        return groupSync.apply(tenantId, groupId, add, remove, stamp);
    }

    @Override
    public void setOfficePolicy(String tenantId, String userId, OfficePolicy policy) {
        userWrites.uncounted("save user", tenantId, userId, UserItem.officePolicy(tenantId, userId, policy));
    }

    @Override
    public void setOfficeOption(String tenantId, String userId, boolean showLinkedInFeatures) {
        userWrites.uncounted("save office option", tenantId, userId,
                UserItem.officeOption(tenantId, userId, showLinkedInFeatures));
    }

    @Override
    public void setProfileVisibility(String tenantId, String userId, boolean visibleInMicrosoftApps) {
        userWrites.uncounted("save user", tenantId, userId,
                UserItem.profileVisibility(tenantId, userId, visibleInMicrosoftApps));
    }

    @Override
    public void connect(String tenantId, String userId, Consent consent, long consentEpoch, Instant connectedAt) {
        userWrites.connect(tenantId, userId, consent, consentEpoch, connectedAt);
    }

    @Override
    public boolean disconnect(String tenantId, String userId) {
        return userWrites.disconnect(tenantId, userId);
    }

    @Override
    public boolean eraseUser(String tenantId, String userId, AuditEntry.Stamp stamp) {
        return userWrites.erase(tenantId, userId, stamp);
    }

    @Override
    public SelectedUsersPage listSelectedUsers(String tenantId, int limit, Optional<String> afterUserId) {
        return userIndex.selected(tenantId, limit, afterUserId);
    }

    // ---- offboarding ---------------------------------------------------------------------

    @Override
    public void startOffboarding(String tenantId, Tenant expected, AuditEntry audit) {
        offboarding.start(tenantId, expected, audit);
    }

    @Override
    public Optional<OffboardingProgress> findOffboarding(String tenantId) {
        return offboarding.find(tenantId);
    }

    @Override
    public OffboardingProgress offboardPage(String tenantId, int pageSize, Instant auditExpiresAt) {
        return offboarding.page(tenantId, pageSize, auditExpiresAt);
    }
}
