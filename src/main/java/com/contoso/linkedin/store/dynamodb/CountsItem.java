package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.AttributeValues.n;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.number;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.contoso.linkedin.domain.TenantCounts;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tenant's counts item ({@link TableLayout#countsKey}): users connected in the current
 * consent epoch, users selected one by one, and one {@code G#<groupId>} attribute per group with
 * its synced members. Every write that changes a counted fact changes it by ADD in the same
 * transaction (created by the first); the switch that moves the consent epoch on starts the
 * connected count afresh. One item per tenant, out of the hot path: only writes and previews
 * touch it. (An item holds 400 KB: some 8,000 groups' counts.)
 */
final class CountsItem {
    private static final String CONNECTED = "connected";
    private static final String SELECTED = "selectedOneByOne";
    private static final String GROUP_PREFIX = "G#";

    private CountsItem() {
    }

    static TenantCounts toCounts(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return TenantCounts.NONE;
        }
        try {
            Map<String, Long> groups = new HashMap<>();
            item.forEach((name, value) -> {
                if (name.startsWith(GROUP_PREFIX)) {
                    groups.put(name.substring(GROUP_PREFIX.length()), Long.parseLong(value.n()));
                }
            });
            return new TenantCounts(number(item, CONNECTED), number(item, SELECTED), groups);
        } catch (RuntimeException unreadable) {
            throw new StoreUnavailableException("Unreadable counts item", unreadable);
        }
    }

    /** What a write changes, by how much; empty when it changes no count. */
    static Optional<Expression> change(long connected, long selected, Map<String, Long> groups) {
        Expression change = new Expression();
        boolean any = false;
        if (connected != 0) {
            change.add(CONNECTED, connected);
            any = true;
        }
        if (selected != 0) {
            change.add(SELECTED, selected);
            any = true;
        }
        for (Map.Entry<String, Long> group : groups.entrySet()) {
            if (group.getValue() != 0) {
                change.add(GROUP_PREFIX + group.getKey(), group.getValue());
                any = true;
            }
        }
        return any ? Optional.of(change) : Optional.empty();
    }

    /** The consent epoch moved on: nobody is connected in the new one yet. */
    static Expression startConnectedAfresh() {
        return new Expression().set(CONNECTED, n(0));
    }
}
