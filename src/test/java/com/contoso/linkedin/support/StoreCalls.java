package com.contoso.linkedin.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Counts every DynamoDB request the application's client sends (each attempt is one round trip),
 * by operation and by the partition kind it reads ({@code GetItem:TENANT}, {@code GetItem:USER},
 * {@code BatchGetItem}, plus {@code BatchGetItem.keys}). Test-only: registered on the
 * Quarkus-built client through {@code quarkus.dynamodb.interceptors} for every test profile (the
 * tests' application.properties), never in the production artifact. The SDK creates the
 * instance, so the counts are static.
 */
public class StoreCalls implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        String operation = request.getClass().getSimpleName().replace("Request", "");
        count(operation);
        if (request instanceof GetItemRequest get) {
            count(operation + ":" + partitionKind(get.key()));
        } else if (request instanceof BatchGetItemRequest batch) {
            int keys = batch.requestItems().values().stream().mapToInt(k -> k.keys().size()).sum();
            COUNTS.computeIfAbsent(operation + ".keys", k -> new AtomicInteger()).addAndGet(keys);
        }
    }

    private static String partitionKind(Map<String, AttributeValue> key) {
        AttributeValue pk = key.get("pk");
        String value = pk == null || pk.s() == null ? "" : pk.s();
        int hash = value.indexOf('#');
        return hash < 0 ? value : value.substring(0, hash);
    }

    private static void count(String what) {
        COUNTS.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Forgets everything counted so far (priming, set-up). */
    public static void reset() {
        COUNTS.clear();
    }

    public static int of(String what) {
        AtomicInteger count = COUNTS.get(what);
        return count == null ? 0 : count.get();
    }

    /** Requests of any kind (not the per-key tallies). */
    public static int total() {
        return COUNTS.entrySet().stream().filter(e -> !e.getKey().contains(":") && !e.getKey().contains("."))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    public static String summary() {
        return new java.util.TreeMap<>(COUNTS).toString();
    }

    /** The operations of one kind seen, for messages. */
    public static List<String> kinds() {
        return List.copyOf(new java.util.TreeSet<>(COUNTS.keySet()));
    }
}
