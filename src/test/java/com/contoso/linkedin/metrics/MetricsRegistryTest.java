package com.contoso.linkedin.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The embedded-metric-format documents CloudWatch reads from the log: one per set of dimensions. */
class MetricsRegistryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new ArrayList<>();
    private final MetricsRegistry registry = new MetricsRegistry(lines::add);

    @Test
    void counts_areSummedPerDimensions_intoOneDocumentEach() throws Exception {
        registry.add("Decisions", MetricsRegistry.Kind.COUNT, 1, "Reason", "ELIGIBLE", "Client", "PROFILE_CARD");
        registry.add("Decisions", MetricsRegistry.Kind.COUNT, 1, "Reason", "ELIGIBLE", "Client", "PROFILE_CARD");
        registry.add("Decisions", MetricsRegistry.Kind.COUNT, 1, "Reason", "NOT_SELECTED", "Client", "PROFILE_CARD");

        registry.flushIfDue(Duration.ZERO, "Test");

        assertEquals(2, lines.size(), lines::toString);
        JsonNode eligible = document("ELIGIBLE");
        assertEquals(2.0, eligible.path("Decisions").asDouble());
        assertEquals("PROFILE_CARD", eligible.path("Client").asText());
        JsonNode directive = eligible.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("Test", directive.path("Namespace").asText());
        assertEquals("[[\"Reason\",\"Client\"]]", directive.path("Dimensions").toString());
        assertEquals("Count", directive.path("Metrics").get(0).path("Unit").asText());
        assertTrue(eligible.path("_aws").path("Timestamp").asLong() > 0);
    }

    @Test
    void durations_keepTheirSamples_forPercentiles() throws Exception {
        for (int i = 1; i <= 3; i++) {
            registry.add("StoreLatency", MetricsRegistry.Kind.MILLIS, i, new String[0]);
        }

        registry.flushIfDue(Duration.ZERO, "Test");

        JsonNode document = JSON.readTree(lines.get(0));
        assertEquals("[1.0,2.0,3.0]", document.path("StoreLatency").toString());
        assertEquals("Milliseconds", document.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(0)
                .path("Unit").asText());
    }

    @Test
    void nothingIsWritten_beforeTheInterval_andNothingTwice() {
        registry.add("ColdStarts", MetricsRegistry.Kind.COUNT, 1);
        registry.flushIfDue(Duration.ofHours(1), "Test");
        assertEquals(List.of(), lines);

        registry.flushIfDue(Duration.ZERO, "Test");
        registry.flushIfDue(Duration.ZERO, "Test");
        assertEquals(1, lines.size(), lines::toString);
    }

    @Test
    void samplesAreBounded_perWrite() throws Exception {
        for (int i = 0; i < 500; i++) {
            registry.add("BatchSize", MetricsRegistry.Kind.SIZE, i);
        }

        registry.flushIfDue(Duration.ZERO, "Test");

        int samples = lines.stream().mapToInt(line -> {
            try {
                return JSON.readTree(line).path("BatchSize").size();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sum();
        assertEquals(MetricsRegistry.SAMPLES, samples);
    }

    private JsonNode document(String reason) throws Exception {
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            if (reason.equals(node.path("Reason").asText())) {
                return node;
            }
        }
        throw new AssertionError("no document for " + reason + " in " + lines);
    }
}
