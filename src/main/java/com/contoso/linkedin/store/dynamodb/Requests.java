package com.contoso.linkedin.store.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.contoso.linkedin.store.Backoff;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The requests the adapter's parts send, each through {@link StoreCalls} (bounded by the
 * request's deadline, classified, counted) to the one table, with an {@link Expression}'s
 * placeholders. Outcomes a caller decides on (a failed condition, a cancelled transaction) pass
 * through; batches DynamoDB does in part are asked again with {@link Backoff}.
 */
final class Requests {
    /** DynamoDB's limits: actions in one transaction, writes in one BatchWriteItem. */
    static final int TRANSACTION_LIMIT = 100;
    static final int BATCH_WRITE_LIMIT = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final StoreCalls calls;
    private final Backoff backoff;

    Requests(DynamoDbClient dynamo, String table, StoreCalls calls, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.calls = calls;
        this.backoff = backoff;
    }

    String table() {
        return table;
    }

    StoreCalls calls() {
        return calls;
    }

    /** One item, strongly consistent; an empty map when there is none. */
    Map<String, AttributeValue> get(String what, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = calls.run(what, () -> dynamo.getItem(b -> b.tableName(table).key(key)
                .consistentRead(true).overrideConfiguration(calls.withinDeadline())).item());
        return item == null ? Map.of() : item;
    }

    void update(String what, Map<String, AttributeValue> key, Expression expression) {
        calls.run(what, () -> dynamo.updateItem(b -> b.tableName(table).key(key)
                .updateExpression(expression.update()).conditionExpression(expression.condition())
                .expressionAttributeNames(expression.names()).expressionAttributeValues(expression.values())
                .overrideConfiguration(calls.withinDeadline())));
    }

    /**
     * Several items as one serializable snapshot, one per key in order (an empty map where there
     * is none); asked again while a transaction in flight on one of them cancels the read.
     */
    List<Map<String, AttributeValue>> snapshot(String what, List<Map<String, AttributeValue>> keys) {
        List<TransactGetItem> gets = keys.stream()
                .map(key -> TransactGetItem.builder().get(g -> g.tableName(table).key(key)).build()).toList();
        for (int attempt = 1;; attempt++) {
            try {
                List<ItemResponse> responses = calls.run(what, () -> dynamo.transactGetItems(b -> b.transactItems(gets)
                        .overrideConfiguration(calls.withinDeadline()))).responses();
                List<Map<String, AttributeValue>> items = new ArrayList<>(responses.size());
                responses.forEach(r -> items.add(r.hasItem() && r.item() != null ? r.item() : Map.of()));
                return items;
            } catch (TransactionCanceledException conflict) {
                StoreErrors.throwIfPushback(what, conflict);
                retryOrGiveUp(what, attempt, conflict);
            }
        }
    }

    TransactWriteItem update(Map<String, AttributeValue> key, Expression expression) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                .updateExpression(expression.update()).conditionExpression(expression.condition())
                .expressionAttributeNames(expression.names()).expressionAttributeValues(expression.values()).build())
                .build();
    }

    TransactWriteItem put(Map<String, AttributeValue> item, Expression condition) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(condition.condition()).expressionAttributeNames(condition.names())
                .expressionAttributeValues(condition.values()).build()).build();
    }

    TransactWriteItem delete(Map<String, AttributeValue> key, Expression condition) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                .conditionExpression(condition.condition()).expressionAttributeNames(condition.names())
                .expressionAttributeValues(condition.values()).build()).build();
    }

    TransactWriteItem check(Map<String, AttributeValue> key, Expression condition) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(condition.condition()).expressionAttributeNames(condition.names())
                .expressionAttributeValues(condition.values()).build()).build();
    }

    /**
     * One transaction; a cancellation the store's pushback caused is {@link StoreUnavailableException},
     * any other (a failed condition, a concurrent transaction) passes through for the caller to decide.
     *
     * @param token the client request token (null for none): a retry with it reports the commit that
     *        happened rather than a failed condition
     */
    void transact(String what, List<TransactWriteItem> actions, String token) {
        try {
            calls.run(what, () -> dynamo.transactWriteItems(b -> b.transactItems(actions).clientRequestToken(token)
                    .overrideConfiguration(calls.withinDeadline())));
        } catch (TransactionCanceledException cancelled) {
            StoreErrors.throwIfPushback(what, cancelled);
            throw cancelled;
        }
    }

    QueryResponse query(String what, Consumer<QueryRequest.Builder> query) {
        return calls.run(what, () -> dynamo.query(b -> {
            query.accept(b.tableName(table));
            b.overrideConfiguration(calls.withinDeadline());
        }));
    }

    /** Writes in requests of 25, each sending again what DynamoDB left unprocessed, never dropping one. */
    void batchWrite(String what, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> pending = writes.subList(from, Math.min(writes.size(), from + BATCH_WRITE_LIMIT));
            for (int attempt = 1;; attempt++) {
                Map<String, List<WriteRequest>> request = Map.of(table, pending);
                BatchWriteItemResponse response = calls.run(what, () -> dynamo.batchWriteItem(b -> b
                        .requestItems(request).overrideConfiguration(calls.withinDeadline())));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of())
                        : List.of();
                if (pending.isEmpty()) {
                    break;
                }
                retryOrGiveUp(what, attempt, null);
            }
        }
    }

    /** After attempt {@code attempt} lost: waits before the next, or gives up when none is left. */
    void retryOrGiveUp(String what, int attempt, Exception lost) {
        if (!backoff.tryAgainAfter(attempt)) {
            throw new StoreUnavailableException("DynamoDB kept refusing to " + what + " after " + attempt
                    + " attempts (or no time was left for another)", lost);
        }
    }

    /** Whether the condition of any of the transaction's actions failed (rather than a concurrent transaction). */
    static boolean anyConditionFailed(TransactionCanceledException cancelled) {
        return !cancelled.hasCancellationReasons() || cancelled.cancellationReasons().stream()
                .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
    }

    /** Whether the transaction was cancelled because the condition of its action {@code index} failed. */
    static boolean conditionFailed(TransactionCanceledException cancelled, int index) {
        return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(cancelled.cancellationReasons().get(index).code());
    }
}
