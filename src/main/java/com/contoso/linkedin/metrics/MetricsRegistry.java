package com.contoso.linkedin.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * Accumulates metrics between writes, and writes them as embedded-metric-format documents (one
 * per set of dimensions, built and serialised by AWS's library) to a line sink: stdout in
 * Lambda, where CloudWatch Logs extracts the metrics. Counts are summed; sizes and durations keep
 * up to {@link #SAMPLES} samples each per write, from which CloudWatch computes percentiles.
 * The library serialises its documents with Jackson by reflection: registered for a native image.
 */
@RegisterForReflection(classNames = { "software.amazon.cloudwatchlogs.emf.model.RootNode",
        "software.amazon.cloudwatchlogs.emf.model.Metadata", "software.amazon.cloudwatchlogs.emf.model.MetricDirective",
        "software.amazon.cloudwatchlogs.emf.model.MetricDefinition",
        "software.amazon.cloudwatchlogs.emf.model.EmptyMetricsFilter",
        "software.amazon.cloudwatchlogs.emf.model.StorageResolution", "software.amazon.cloudwatchlogs.emf.model.Unit",
        "software.amazon.cloudwatchlogs.emf.serializers.InstantSerializer",
        "software.amazon.cloudwatchlogs.emf.serializers.UnitSerializer",
        "software.amazon.cloudwatchlogs.emf.serializers.StorageResolutionSerializer",
        "software.amazon.cloudwatchlogs.emf.serializers.StorageResolutionFilter" })
final class MetricsRegistry {
    static final int SAMPLES = 100;

    enum Kind {
        COUNT(Unit.COUNT), SIZE(Unit.COUNT), MILLIS(Unit.MILLISECONDS);

        final Unit unit;

        Kind(Unit unit) {
            this.unit = unit;
        }
    }

    private record Key(String metric, Kind kind, List<String> dimensions) {
    }

    private static final class Samples {
        private double sum;
        private final List<Double> values = new ArrayList<>();

        synchronized void add(Kind kind, double value) {
            if (kind == Kind.COUNT) {
                sum += value;
            } else if (values.size() < SAMPLES) {
                values.add(value);
            }
        }

        synchronized List<Double> drain(Kind kind) {
            List<Double> drained = kind == Kind.COUNT ? List.of(sum) : List.copyOf(values);
            sum = 0;
            values.clear();
            return drained;
        }
    }

    private final Consumer<String> lines;
    private final Map<Key, Samples> pending = new ConcurrentHashMap<>();
    private long lastWriteNanos = System.nanoTime();

    MetricsRegistry(Consumer<String> lines) {
        this.lines = lines;
    }

    void add(String metric, Kind kind, double value, String... dimensions) {
        pending.computeIfAbsent(new Key(metric, kind, List.of(dimensions)), key -> new Samples()).add(kind, value);
    }

    synchronized void flushIfDue(Duration interval, String namespace) {
        long now = System.nanoTime();
        if (now - lastWriteNanos < interval.toNanos()) {
            return;
        }
        lastWriteNanos = now;
        Map<List<String>, List<Map.Entry<Key, List<Double>>>> byDimensions = new LinkedHashMap<>();
        for (Key key : List.copyOf(pending.keySet())) {
            Samples samples = pending.remove(key);
            List<Double> values = samples == null ? List.of() : samples.drain(key.kind());
            if (!values.isEmpty() && !(key.kind() == Kind.COUNT && values.get(0) == 0)) {
                byDimensions.computeIfAbsent(key.dimensions(), d -> new ArrayList<>()).add(Map.entry(key, values));
            }
        }
        byDimensions.forEach((dimensions, metrics) -> write(namespace, dimensions, metrics));
    }

    /** One document: the metrics that share one set of dimensions. */
    private void write(String namespace, List<String> dimensions, List<Map.Entry<Key, List<Double>>> metrics) {
        try {
            MetricsContext document = new MetricsContext();
            document.setNamespace(namespace);
            document.setTimestamp(Instant.now());
            DimensionSet set = new DimensionSet();
            for (int i = 0; i + 1 < dimensions.size(); i += 2) {
                set.addDimension(dimensions.get(i), dimensions.get(i + 1));
            }
            document.setDimensions(false, set);
            for (Map.Entry<Key, List<Double>> metric : metrics) {
                for (double value : metric.getValue()) {
                    document.putMetric(metric.getKey().metric(), value, metric.getKey().kind().unit);
                }
            }
            document.serialize().forEach(lines);
        } catch (Exception unwritable) {
            // Metrics never fail a request; a lost document is a gap in a graph.
            lines.accept("{\"level\":\"WARN\",\"message\":\"metrics not written: "
                    + unwritable.getClass().getSimpleName() + "\"}");
        }
    }
}
