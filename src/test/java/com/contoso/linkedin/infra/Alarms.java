package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.Template.list;
import static com.contoso.linkedin.infra.Template.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CloudWatch alarms of the template: the metrics each watches, and the value each computes
 * from given data points (its metric math evaluated by {@link MetricMath}), against its threshold.
 */
final class Alarms {
    /** Lambda's account-wide metrics: no function dimension, nothing of another stack named. */
    private static final Set<String> ACCOUNT_METRICS = Set.of("ClaimedAccountConcurrency", "UnreservedConcurrentExecutions");

    /** A metric an alarm watches; {@code id} is "" for an alarm on one metric. Dimension values: text or !Ref. */
    record Watched(String id, String namespace, String name, Map<String, Object> dimensions, String stat, int period) {
    }

    private final Template template;

    Alarms(Template template) {
        this.template = template;
    }

    List<String> ids() {
        List<String> ids = template.logicalIdsOfType("AWS::CloudWatch::Alarm");
        assertTrue(ids.size() > 0, "no alarm in the template");
        return ids;
    }

    List<Watched> watched(String alarm) {
        Map<String, Object> properties = template.properties(alarm);
        List<Watched> watched = new ArrayList<>();
        if (properties.containsKey("MetricName")) {
            Object stat = properties.containsKey("Statistic") ? properties.get("Statistic") : properties.get("ExtendedStatistic");
            watched.add(new Watched("", Template.text(properties.get("Namespace")), String.valueOf(properties.get("MetricName")),
                    dimensions(properties.get("Dimensions")), String.valueOf(stat), (Integer) properties.get("Period")));
        }
        for (Map<String, Object> entry : entries(alarm).values()) {
            if (entry.containsKey("MetricStat")) {
                Map<String, Object> stat = map(entry.get("MetricStat"));
                Map<String, Object> metric = map(stat.get("Metric"));
                watched.add(new Watched(String.valueOf(entry.get("Id")), Template.text(metric.get("Namespace")),
                        String.valueOf(metric.get("MetricName")), dimensions(metric.get("Dimensions")),
                        String.valueOf(stat.get("Stat")), (Integer) stat.get("Period")));
            }
        }
        return watched;
    }

    /**
     * The alarm's value for these data points, by metric id or by the value of the metric's one
     * dimension ("" for an alarm on one metric); a metric not given has no data.
     */
    Double value(String alarm, Map<String, Double> data) {
        Map<String, Map<String, Object>> entries = entries(alarm);
        if (entries.isEmpty()) {
            return data.get("");
        }
        List<Map<String, Object>> returned = entries.values().stream()
                .filter(e -> Boolean.TRUE.equals(e.getOrDefault("ReturnData", true))).toList();
        assertEquals(1, returned.size(), alarm + ": one metric or expression is the alarm's");
        return valueOf(alarm, returned.get(0), entries, data);
    }

    /** Whether the alarm's value for these data points breaches its threshold (no data: it does not). */
    boolean fires(String alarm, Map<String, Double> data) {
        Map<String, Object> properties = template.properties(alarm);
        Double value = value(alarm, data);
        Object threshold = properties.get("Threshold");
        double limit = threshold instanceof Map<?, ?> ref
                ? Double.parseDouble(String.valueOf(template.parameter(String.valueOf(ref.get("Ref"))).get("Default")))
                : ((Number) threshold).doubleValue();
        if (value == null) {
            return false;
        }
        return switch (String.valueOf(properties.get("ComparisonOperator"))) {
            case "GreaterThanThreshold" -> value > limit;
            case "GreaterThanOrEqualToThreshold" -> value >= limit;
            case "LessThanThreshold" -> value < limit;
            case "LessThanOrEqualToThreshold" -> value <= limit;
            default -> throw new AssertionError(alarm + ": comparison " + properties.get("ComparisonOperator"));
        };
    }

    /** A metric of the stack's functions or API, Lambda's account-wide figures, or one the code writes. */
    static void assertOfTheStack(Template template, String namespace, String name, Map<String, Object> dimensions,
            String where) {
        String what = where + ": " + namespace + " " + name + " " + dimensions;
        switch (namespace) {
            case "AWS/Lambda" -> {
                if (dimensions.isEmpty()) {
                    assertTrue(ACCOUNT_METRICS.contains(name), what + ": a function's metric needs its FunctionName");
                    return;
                }
                assertEquals(Set.of("FunctionName"), dimensions.keySet(), what);
                String function = Template.ref(dimensions.get("FunctionName"));
                assertEquals("AWS::Serverless::Function", template.type(function), what + ": a function of the stack");
            }
            case "AWS/ApiGateway" -> assertEquals(Map.of("ApiId", Map.of("Ref", template.the("AWS::Serverless::HttpApi")),
                    "Stage", "$default"), dimensions, what + ": the stack's API and stage");
            case MetricsCatalog.NAMESPACE -> {
                Map<String, Set<String>> values = MetricsCatalog.known().get(new MetricsCatalog.Kind(name, dimensions.keySet()));
                assertNotNull(values, what + ": no metric of that name and dimensions is written: " + MetricsCatalog.known().keySet());
                dimensions.forEach((dimension, value) -> assertTrue(values.get(dimension).contains(String.valueOf(value)),
                        what + ": " + dimension + " is one of " + values.get(dimension)));
            }
            case "AWS/SQS" -> {
                assertEquals(Set.of("QueueName"), dimensions.keySet(), what);
                String queue = String.valueOf(list(map(dimensions.get("QueueName")).get("Fn::GetAtt")).get(0));
                assertEquals("AWS::SQS::Queue", template.type(queue), what + ": a queue of the stack");
            }
            default -> fail(what + ": a namespace of the stack expected");
        }
    }

    private Double valueOf(String alarm, Map<String, Object> entry, Map<String, Map<String, Object>> entries,
            Map<String, Double> data) {
        String id = String.valueOf(entry.get("Id"));
        if (entry.containsKey("Expression")) {
            return MetricMath.evaluate(String.valueOf(entry.get("Expression")), reference -> {
                Map<String, Object> referenced = entries.get(reference);
                assertNotNull(referenced, alarm + ": " + reference + " is no id of its metrics");
                return valueOf(alarm, referenced, entries, data);
            });
        }
        if (data.containsKey(id)) {
            return data.get(id);
        }
        Map<String, Object> dimensions = dimensions(map(map(entry.get("MetricStat")).get("Metric")).get("Dimensions"));
        return dimensions.size() == 1 ? data.get(String.valueOf(dimensions.values().iterator().next())) : null;
    }

    private Map<String, Map<String, Object>> entries(String alarm) {
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        for (Object entry : list(template.properties(alarm).get("Metrics"))) {
            Map<String, Object> metric = map(entry);
            assertTrue(entries.put(String.valueOf(metric.get("Id")), metric) == null, alarm + ": ids are unique");
        }
        return entries;
    }

    private static Map<String, Object> dimensions(Object dimensions) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Object dimension : list(dimensions)) {
            byName.put(String.valueOf(map(dimension).get("Name")), map(dimension).get("Value"));
        }
        return byName;
    }
}
