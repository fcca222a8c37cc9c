package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.AttributeValues.n;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.number;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.s;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.string;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.store.ConcurrentChangeException;
import com.contoso.linkedin.store.Deadline;
import com.contoso.linkedin.store.LinkedInStore.OffboardingProgress;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Offboarding a tenant, resumable, one bounded page per call. The first call deletes the tenant
 * item (every answer is TENANT_NOT_PROVISIONED from then on) and leaves the offboarding marker
 * ({@link TableLayout#offboardingKey}) with the audit entry, in one transaction. Each page then
 * deletes up to a page of the tenant's users, found by the index (BatchWriteItem, 25 at a time,
 * as many as the request's deadline allows), and gives up to a page of its audit entries their
 * expiry ({@link TableLayout#EXPIRES_AT}), continuing where the marker says the last page ended.
 * When the index and the audit partition have nothing left, the counts and the marker go.
 */
final class Offboarding {
    private static final String STARTED_AT = "startedAt";
    private static final String ERASED_USERS = "erasedUsers";
    /** The sort key of the last audit entry given its expiry. */
    private static final String AUDIT_DONE = "auditDone";
    /** Kept back from the request's deadline for the marker's update and the answer. */
    private static final Duration RESERVE = Duration.ofMillis(500);

    private final Requests requests;
    private final UserIndex index;

    Offboarding(Requests requests, UserIndex index) {
        this.requests = requests;
        this.index = index;
    }

    void start(String tenantId, Tenant expected, AuditEntry audit) {
        Map<String, AttributeValue> marker = new HashMap<>(TableLayout.offboardingKey(tenantId));
        marker.put(STARTED_AT, s(audit.when().toString()));
        marker.put(ERASED_USERS, n(0));
        try {
            requests.transact("start offboarding", List.of(
                    requests.delete(TableLayout.tenantKey(tenantId), TenantItem.deleteAsRead(expected)),
                    requests.put(marker, new Expression().whenNotExists(TableLayout.PK)),
                    requests.put(AuditItem.toItem(tenantId, audit, Optional.empty()), AuditItem.onlyIfNew())), null);
        } catch (TransactionCanceledException lost) {
            throw new ConcurrentChangeException("The tenant changed, or another call started its offboarding");
        }
    }

    Optional<OffboardingProgress> find(String tenantId) {
        Map<String, AttributeValue> marker = requests.get("read offboarding", TableLayout.offboardingKey(tenantId));
        return marker.isEmpty() ? Optional.empty() : Optional.of(new OffboardingProgress(number(marker, ERASED_USERS), false));
    }

    OffboardingProgress page(String tenantId, int pageSize, Instant auditExpiresAt) {
        Map<String, AttributeValue> marker = requests.get("read offboarding", TableLayout.offboardingKey(tenantId));
        if (marker.isEmpty()) {
            return new OffboardingProgress(0, true); // another call finished it
        }
        Optional<Deadline> deadline = Deadline.current();
        Duration reserve = deadline.map(d -> d.remaining().dividedBy(4)).filter(quarter -> quarter.compareTo(RESERVE) < 0)
                .orElse(RESERVE);
        // Users, found by the index, deleted 25 at a time while the deadline allows.
        UserIndex.Page users = index.users(tenantId, pageSize);
        int erased = 0;
        // What is left must also hold the audit's page and the marker's update: each about as long
        // as the slowest batch so far.
        Duration slowest = Duration.ZERO;
        for (int from = 0; from < users.keys().size() && timeLeft(deadline, reserve.plus(slowest.multipliedBy(2)));
                from += Requests.BATCH_WRITE_LIMIT) {
            List<WriteRequest> deletes = users.keys().subList(from, Math.min(users.keys().size(),
                    from + Requests.BATCH_WRITE_LIMIT)).stream()
                    .map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build()).toList();
            long started = System.nanoTime();
            requests.batchWrite("erase tenant users", deletes);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
            erased += deletes.size();
        }
        boolean usersLeft = users.more() || erased < users.keys().size();
        // Audit entries, oldest first from where the last page ended, written again with their expiry.
        Optional<String> auditDone = Optional.ofNullable(string(marker, AUDIT_DONE));
        Map<String, AttributeValue> auditStart = auditDone.map(sk -> TableLayout.auditKey(tenantId, sk)).orElse(null);
        boolean auditLeft = true;
        if (timeLeft(deadline, reserve.plus(slowest))) {
            Expression keys = new Expression().whenEquals(TableLayout.PK, s(TableLayout.auditPk(tenantId)));
            QueryResponse audit = requests.query("read audit to expire", b -> b.keyConditionExpression(keys.condition())
                    .expressionAttributeNames(keys.names()).expressionAttributeValues(keys.values())
                    .exclusiveStartKey(auditStart)
                    .limit(pageSize).consistentRead(true));
            List<WriteRequest> expiring = new ArrayList<>();
            for (Map<String, AttributeValue> item : audit.items()) {
                Map<String, AttributeValue> expires = new HashMap<>(item);
                expires.put(TableLayout.EXPIRES_AT, n(auditExpiresAt.getEpochSecond()));
                expiring.add(WriteRequest.builder().putRequest(p -> p.item(expires)).build());
            }
            requests.batchWrite("expire tenant audit", expiring);
            if (!audit.items().isEmpty()) {
                auditDone = Optional.of(audit.items().get(audit.items().size() - 1).get(TableLayout.SK).s());
            }
            auditLeft = audit.hasLastEvaluatedKey() && !audit.lastEvaluatedKey().isEmpty();
        }
        long total = number(marker, ERASED_USERS) + erased;
        if (!usersLeft && !auditLeft && timeLeft(deadline, reserve)) {
            // Nothing of the tenant is left but its expiring audit: its counts and the marker go too.
            try {
                requests.transact("finish offboarding", List.of(
                        requests.delete(TableLayout.countsKey(tenantId), new Expression()),
                        requests.delete(TableLayout.offboardingKey(tenantId), new Expression().whenExists(TableLayout.PK))),
                        null);
            } catch (TransactionCanceledException raced) {
                // Another call finished first (no marker: done), or wrote its progress (try again).
                return new OffboardingProgress(total, find(tenantId).isEmpty());
            }
            return new OffboardingProgress(total, true);
        }
        Expression progress = new Expression().add(ERASED_USERS, erased).whenExists(TableLayout.PK);
        auditDone.ifPresent(sk -> progress.set(AUDIT_DONE, s(sk)));
        try {
            requests.update("save offboarding progress", TableLayout.offboardingKey(tenantId), progress);
        } catch (ConditionalCheckFailedException finishedMeanwhile) {
            return new OffboardingProgress(total, true);
        }
        return new OffboardingProgress(total, false);
    }

    private static boolean timeLeft(Optional<Deadline> deadline, Duration reserve) {
        return deadline.map(d -> d.remaining().compareTo(reserve) > 0).orElse(true);
    }
}
