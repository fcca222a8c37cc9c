package com.contoso.linkedin.metrics;

import java.time.Duration;

/**
 * What the functions count and time, for operators: decisions by reason and client, batch and
 * card sizes, store calls by outcome and their latency, setting changes by mode, consent
 * withdrawals by cause, cold starts. Recording is a map update (nothing is written on the hot
 * path); {@link #flushIfDue} writes what accumulated as CloudWatch embedded-metric-format lines
 * at most once per flush interval, at the end of a request. No tenant or user id is ever a
 * dimension: only the closed sets of values the contract defines.
 */
public final class Metrics {
    /** The namespace while {@code linkedin.metrics.namespace} is not set (the local run); infra/ sets one per stack. */
    public static final String DEFAULT_NAMESPACE = "LinkedInIntegration";

    private static final MetricsRegistry REGISTRY = new MetricsRegistry(line -> System.out.println(line));

    private Metrics() {
    }

    /** Adds one to a count, by dimensions given as name, value, name, value… */
    public static void count(String metric, String... dimensions) {
        REGISTRY.add(metric, MetricsRegistry.Kind.COUNT, 1, dimensions);
    }

    /** One sample of a size (items in a batch, cards drawn). */
    public static void size(String metric, long value, String... dimensions) {
        REGISTRY.add(metric, MetricsRegistry.Kind.SIZE, value, dimensions);
    }

    /** One sample of a duration, in milliseconds. */
    public static void millis(String metric, double millis, String... dimensions) {
        REGISTRY.add(metric, MetricsRegistry.Kind.MILLIS, millis, dimensions);
    }

    /**
     * Writes what accumulated, in this CloudWatch namespace, if the last write is at least
     * {@code interval} ago (zero: always).
     */
    public static void flushIfDue(Duration interval, String namespace) {
        REGISTRY.flushIfDue(interval, namespace);
    }
}
