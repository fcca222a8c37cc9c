package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.AttributeValues.s;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.contoso.linkedin.store.LinkedInStore.SelectedUsersPage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Queries of the index of a tenant's users ({@link TableLayout#USERS_BY_TENANT}): the users
 * selected one by one ({@code S#} keys), and any page of the tenant's users for offboarding. An
 * index is read eventually consistent: a write shows in it a moment later.
 */
final class UserIndex {
    private final Requests requests;

    UserIndex(Requests requests) {
        this.requests = requests;
    }

    SelectedUsersPage selected(String tenantId, int limit, Optional<String> afterUserId) {
        Expression keys = new Expression().whenEquals(TableLayout.TENANT_KEY, s(TableLayout.tenantPk(tenantId)))
                .whenBeginsWith(TableLayout.USER_KEY, s(TableLayout.SELECTED_PREFIX));
        Map<String, AttributeValue> start = afterUserId.map(u -> TableLayout.indexKey(tenantId, u, true)).orElse(null);
        // limit + 1: the one more tells whether another page exists.
        QueryResponse response = requests.query("read selected users", b -> b.indexName(TableLayout.USERS_BY_TENANT)
                .keyConditionExpression(keys.condition()).expressionAttributeNames(keys.names())
                .expressionAttributeValues(keys.values()).exclusiveStartKey(start).limit(limit + 1));
        List<String> userIds = response.items().stream().map(UserIndex::userId).toList();
        if (userIds.size() > limit) {
            return new SelectedUsersPage(userIds.subList(0, limit), Optional.of(userIds.get(limit - 1)));
        }
        return new SelectedUsersPage(userIds, Optional.empty());
    }

    /** The keys of up to {@code limit} of the tenant's user items, and whether the index may hold more. */
    record Page(List<Map<String, AttributeValue>> keys, boolean more) {
    }

    Page users(String tenantId, int limit) {
        Expression keys = new Expression().whenEquals(TableLayout.TENANT_KEY, s(TableLayout.tenantPk(tenantId)));
        QueryResponse response = requests.query("read tenant users", b -> b.indexName(TableLayout.USERS_BY_TENANT)
                .keyConditionExpression(keys.condition()).expressionAttributeNames(keys.names())
                .expressionAttributeValues(keys.values()).limit(limit));
        List<Map<String, AttributeValue>> found = response.items().stream()
                .map(item -> Map.of(TableLayout.PK, item.get(TableLayout.PK), TableLayout.SK, item.get(TableLayout.SK)))
                .toList();
        return new Page(found, response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty());
    }

    private static String userId(Map<String, AttributeValue> item) {
        return item.get(TableLayout.USER_KEY).s().substring(TableLayout.SELECTED_PREFIX.length());
    }
}
