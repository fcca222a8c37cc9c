package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.AttributeValues.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.store.LinkedInStore.AuditPage;
import com.contoso.linkedin.store.LinkedInStore.AuditQuery;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Pages of a tenant's audit partition, newest first: the time range is the sort key's range, the
 * kinds a filter, as is leaving out the entries an offboarding gave an expiry (an earlier life of
 * the tenant). DynamoDB counts a query's limit before its filter, so a page reads on
 * until it has one entry more than asked (which says another page exists), the partition ends, or
 * {@link #MAX_EXAMINED} entries were read: then the page may hold fewer entries, and its position
 * continues after the last entry read.
 */
final class AuditLog {
    /** Entries one page reads at most, matching or not. */
    static final int MAX_EXAMINED = 1000;
    private static final long LAST_MILLIS = AuditQuery.END_MILLIS - 1;

    private final Requests requests;

    AuditLog(Requests requests) {
        this.requests = requests;
    }

    AuditPage list(String tenantId, AuditQuery query) {
        long lastMillis = query.untilMillis().map(until -> until - 1).orElse(LAST_MILLIS);
        if (lastMillis < query.fromMillis()) {
            return new AuditPage(List.of(), Optional.empty()); // within one millisecond: no entry is between
        }
        Expression keys = new Expression().whenEquals(TableLayout.PK, s(TableLayout.auditPk(tenantId)))
                .whenBetween(TableLayout.SK, s(TableLayout.auditSkFrom(query.fromMillis())),
                        s(TableLayout.auditSkTo(lastMillis)));
        // Entries an offboarding gave an expiry are an earlier life of the tenant: never listed.
        Expression current = new Expression().whenNotExists(TableLayout.EXPIRES_AT);
        Expression filter = query.kinds().isEmpty() ? current
                : current.whenIn(AuditItem.KIND, query.kinds().stream().sorted().map(kind -> s(kind.name())).toList());
        Map<String, String> names = new HashMap<>(keys.names());
        Map<String, AttributeValue> values = new HashMap<>(keys.values());
        // An expression hands no map over when it has nothing in it (DynamoDB refuses empty maps).
        Optional.ofNullable(filter.names()).ifPresent(names::putAll);
        Optional.ofNullable(filter.values()).ifPresent(values::putAll);
        Map<String, AttributeValue> start = query.after().map(p -> TableLayout.auditKey(tenantId, p)).orElse(null);
        List<Map<String, AttributeValue>> matched = new ArrayList<>();
        int examined = 0;
        boolean exhausted = false;
        while (matched.size() <= query.limit()) {
            int limit = Math.min(MAX_EXAMINED - examined, Math.max(100, 2 * (query.limit() + 1)));
            Map<String, AttributeValue> from = start;
            QueryResponse response = requests.query("read audit", b -> b.keyConditionExpression(keys.condition())
                    .filterExpression(filter.condition())
                    .expressionAttributeNames(names).expressionAttributeValues(values).exclusiveStartKey(from)
                    .scanIndexForward(false).limit(limit).consistentRead(true));
            examined += response.scannedCount() == null ? response.items().size() : response.scannedCount();
            for (Map<String, AttributeValue> item : response.items()) {
                if (matched.size() > query.limit()) {
                    break;
                }
                matched.add(item);
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                exhausted = true;
                break;
            }
            start = response.lastEvaluatedKey();
            if (examined >= MAX_EXAMINED) {
                break;
            }
        }
        List<AuditEntry> entries = matched.stream().limit(query.limit()).map(AuditItem::toEntry).toList();
        Optional<String> next;
        if (matched.size() > query.limit()) {
            next = Optional.of(matched.get(query.limit() - 1).get(TableLayout.SK).s());
        } else if (!exhausted) {
            next = Optional.of(start.get(TableLayout.SK).s());
        } else {
            next = Optional.empty();
        }
        return new AuditPage(entries, next);
    }
}
