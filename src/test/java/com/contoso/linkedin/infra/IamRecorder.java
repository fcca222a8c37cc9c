package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.FunctionSplit.BATCH_GET_ITEM;
import static com.contoso.linkedin.infra.FunctionSplit.GET_ITEM;
import static com.contoso.linkedin.infra.FunctionSplit.PUT_ITEM;
import static com.contoso.linkedin.infra.FunctionSplit.QUERY;
import static com.contoso.linkedin.infra.FunctionSplit.UPDATE_ITEM;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.contoso.linkedin.store.dynamodb.TableLayout;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Notes every request the application's own DynamoDB client executes the way IAM authorizes it:
 * a transaction by its parts, a batch by its keys, each as (action, table, partition kind).
 * Test-only: registered through {@code quarkus.dynamodb.interceptors} for every test profile
 * (the tests' application.properties); read by {@link IamActionsTest}. The SDK creates the
 * instance, so what it notes is static (one test thread at a time; batch reads of other threads
 * are noted too).
 */
public class IamRecorder implements ExecutionInterceptor {

    /** One authorization unit of a DynamoDB call: the IAM action, the table and the partition kind. */
    record Call(String action, String table, String partition) {
    }

    private static final List<Call> CALLS = new ArrayList<>();
    private static final Pattern NAME = Pattern.compile("#\\w+");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<Call> calls = describe(context.request());
        synchronized (CALLS) {
            CALLS.addAll(calls);
        }
    }

    /** Forgets what was noted so far (set-up requests). */
    static void reset() {
        synchronized (CALLS) {
            CALLS.clear();
        }
    }

    /** What was noted since the last reset. */
    static List<Call> calls() {
        synchronized (CALLS) {
            return List.copyOf(CALLS);
        }
    }

    static List<Call> describe(SdkRequest request) {
        List<Call> calls = new ArrayList<>();
        if (request instanceof GetItemRequest r) {
            calls.add(new Call(GET_ITEM, r.tableName(), partition(r.key())));
        } else if (request instanceof BatchGetItemRequest r) {
            r.requestItems().forEach((table, keys) -> keys.keys()
                    .forEach(key -> calls.add(new Call(BATCH_GET_ITEM, table, partition(key)))));
        } else if (request instanceof QueryRequest r) {
            // An index query names its index before the partition (FunctionSplit.INDEX_TENANT_KEYS).
            calls.add(new Call(QUERY, r.tableName(), r.indexName() == null ? queriedPartition(r, TableLayout.PK)
                    : r.indexName() + ":" + queriedPartition(r, TableLayout.TENANT_KEY)));
        } else if (request instanceof UpdateItemRequest r) {
            calls.add(new Call(UPDATE_ITEM, r.tableName(), partition(r.key())));
        } else if (request instanceof PutItemRequest r) {
            calls.add(new Call(PUT_ITEM, r.tableName(), partition(r.item())));
        } else if (request instanceof DeleteItemRequest r) {
            calls.add(new Call("dynamodb:DeleteItem", r.tableName(), partition(r.key())));
        } else if (request instanceof TransactWriteItemsRequest r) {
            for (TransactWriteItem item : r.transactItems()) {
                if (item.update() != null) {
                    calls.add(new Call(UPDATE_ITEM, item.update().tableName(), partition(item.update().key())));
                }
                if (item.put() != null) {
                    calls.add(new Call(PUT_ITEM, item.put().tableName(), partition(item.put().item())));
                }
                if (item.delete() != null) {
                    calls.add(new Call("dynamodb:DeleteItem", item.delete().tableName(), partition(item.delete().key())));
                }
                if (item.conditionCheck() != null) {
                    calls.add(new Call("dynamodb:ConditionCheckItem", item.conditionCheck().tableName(),
                            partition(item.conditionCheck().key())));
                }
            }
        } else if (request instanceof TransactGetItemsRequest r) {
            r.transactItems().forEach(item -> calls.add(new Call(GET_ITEM, item.get().tableName(), partition(item.get().key()))));
        } else if (request instanceof BatchWriteItemRequest r) {
            r.requestItems().forEach((table, writes) -> writes.forEach(write -> calls.add(new Call("dynamodb:BatchWriteItem",
                    table, partition(write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key())))));
        } else {
            // Scan, DescribeTable, PartiQL...: whatever it is, the declared table must name it.
            String operation = request.getClass().getSimpleName().replaceFirst("Request$", "");
            calls.add(new Call("dynamodb:" + operation, "?", "*"));
        }
        return calls;
    }

    private static String partition(Map<String, AttributeValue> key) {
        return partitionKind(key.get(TableLayout.PK).s());
    }

    private static String partitionKind(String pk) {
        int hash = pk.indexOf('#');
        return hash < 0 ? pk : pk.substring(0, hash + 1) + "*";
    }

    private static String queriedPartition(QueryRequest query, String partitionKey) {
        String condition = query.keyConditionExpression();
        Map<String, String> names = query.hasExpressionAttributeNames() ? query.expressionAttributeNames() : Map.of();
        Matcher placeholders = NAME.matcher(condition);
        StringBuilder resolved = new StringBuilder();
        while (placeholders.find()) {
            placeholders.appendReplacement(resolved, Matcher.quoteReplacement(names.getOrDefault(placeholders.group(), placeholders.group())));
        }
        placeholders.appendTail(resolved);
        Matcher equality = Pattern.compile("(?:^|[^\\w])" + Pattern.quote(partitionKey) + "\\s*=\\s*(:\\w+)").matcher(resolved);
        if (!equality.find()) {
            return "? (no " + partitionKey + " = :value in " + condition + ")"; // shows in the comparison, fails it
        }
        return partitionKind(query.expressionAttributeValues().get(equality.group(1)).s());
    }
}
