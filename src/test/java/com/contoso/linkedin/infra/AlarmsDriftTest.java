package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.FunctionSplit.AUTHORIZER;
import static com.contoso.linkedin.infra.Template.list;
import static com.contoso.linkedin.infra.Template.map;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.contoso.linkedin.identity.token.Refusal;
import com.contoso.linkedin.infra.Alarms.Watched;
import com.contoso.linkedin.lambda.AuthorizerHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The metric filters and alarms of infra/template.yaml: refusals counted from the authorizer's
 * own log lines, alarms that watch only the stack's functions and API and the metrics the code
 * writes, notify the alarm topic when one is set, fire when they should (their math evaluated),
 * and are explained to operators in infra/README.md.
 */
class AlarmsDriftTest {

    private static final Pattern FILTER_TERM = Pattern.compile("\\$\\.(\\w+)\\s*=\\s*\"([^\"]*)\"");
    /** Refusals that are the authorizer's own fault, not the token's: every caller is refused. */
    private static final Set<String> AUTHORIZER_FAULTS = Set.of(Refusal.KEY_SET_UNAVAILABLE.name(),
            Refusal.NOT_CONFIGURED.name(), Refusal.INTERNAL.name());

    private static Template template;
    private static Alarms alarms;

    @BeforeAll
    static void readTemplate() {
        template = Template.read();
        alarms = new Alarms(template);
    }

    @Test
    void tokenRefusals_areCountedFromTheAuthorizersOwnLog_byTheCauseItWrites() throws Exception {
        List<String> filters = template.logicalIdsOfType("AWS::Logs::MetricFilter");
        assertEquals(2, filters.size(), "by cause, and in total: " + filters);
        JsonNode refusal = new ObjectMapper().readTree(authorizerRefusalLine());
        Set<Object> dimensions = new HashSet<>();
        assertAll(filters.stream().map(filter -> (Executable) () -> {
            Map<String, Object> properties = template.properties(filter);
            assertEquals(Map.of("Ref", template.logGroupOf(AUTHORIZER)), properties.get("LogGroupName"), filter);
            String pattern = String.valueOf(properties.get("FilterPattern"));
            Map<String, String> terms = filterTerms(pattern);
            assertTrue(terms.entrySet().stream().allMatch(t -> t.getValue().equals(refusal.path(t.getKey()).asText())),
                    filter + ": " + pattern + " must match the authorizer's refusal line " + refusal);
            assertTrue(terms.containsKey("message"), filter + ": the start-up warning names a cause too; count refusals only");
            List<Object> transformations = list(properties.get("MetricTransformations"));
            assertEquals(1, transformations.size(), filter);
            Map<String, Object> metric = map(transformations.get(0));
            assertEquals(MetricsCatalog.NAMESPACE, Template.text(metric.get("MetricNamespace")), filter);
            assertEquals("TokenRefusals", metric.get("MetricName"), filter);
            assertEquals("1", String.valueOf(metric.get("MetricValue")), filter);
            assertFalse(metric.containsKey("DefaultValue"), filter + ": a metric filter with dimensions takes no default");
            dimensions.add(metric.getOrDefault("Dimensions", List.of()));
        }));
        assertEquals(Set.of(List.of(), List.of(Map.of("Key", "Cause", "Value", "$.cause"))), dimensions,
                "one filter by the cause field, one without dimension");
        assertTrue(Stream.of(Refusal.values()).map(Refusal::name).anyMatch(refusal.path("cause").asText()::equals),
                "the authorizer writes a Refusal as cause: " + refusal);
    }

    @Test
    void everyAlarm_notifiesTheAlarmTopicWhenOneIsSet_andIsExplainedToOperators() throws Exception {
        String readme = Files.readString(Path.of("infra", "README.md"));
        Map<String, Object> notify = Map.of("Fn::If", List.of("HasAlarmTopic", List.of(Map.of("Ref", "AlarmTopicArn")),
                Map.of("Ref", "AWS::NoValue")));
        assertAll(
                () -> assertFalse(template.holdsWithDefaults("HasAlarmTopic"), "no topic by default"),
                () -> assertTrue(template.holds("HasAlarmTopic", Map.of("AlarmTopicArn", "arn:aws:sns:eu-west-1:1:ops"))));
        assertAll(alarms.ids().stream().map(alarm -> (Executable) () -> {
            Map<String, Object> properties = template.properties(alarm);
            assertEquals(notify, properties.get("AlarmActions"), alarm + " AlarmActions");
            assertEquals(notify, properties.get("OKActions"), alarm + " OKActions");
            assertEquals("notBreaching", properties.get("TreatMissingData"), alarm + ": no data is no trouble");
            assertFalse(String.valueOf(properties.get("AlarmDescription")).isBlank(), alarm + " AlarmDescription");
            assertTrue(readme.contains("`" + alarm + "`"), alarm + ": infra/README.md must say what it means and what to do");
        }));
    }

    @Test
    void everyAlarm_watchesOnlyTheStacksResources_andMetricsTheCodeWrites() {
        assertAll(alarms.ids().stream().map(alarm -> (Executable) () -> {
            List<Watched> watched = alarms.watched(alarm);
            assertFalse(watched.isEmpty(), alarm);
            watched.forEach(metric -> Alarms.assertOfTheStack(template, metric.namespace(), metric.name(),
                    metric.dimensions(), alarm));
        }));
    }

    @Test
    void storeFailureRate_isThrottledUnavailableAndFailed_overEveryOutcome_aboveItsParameter() {
        String alarm = "StoreFailureRateAlarm";
        Set<String> outcomes = MetricsCatalog.written().get(new MetricsCatalog.Kind("StoreCalls", Set.of("Outcome")))
                .get("Outcome");
        Set<String> failures = Set.of("throttled", "unavailable", "failed");
        Set<String> watched = new TreeSet<>();
        alarms.watched(alarm).forEach(metric -> {
            assertEquals("StoreCalls", metric.name(), alarm);
            assertEquals("Sum", metric.stat(), alarm);
            assertEquals(300, metric.period(), alarm + ": over 5 minutes");
            watched.add(String.valueOf(metric.dimensions().get("Outcome")));
        });
        assertEquals(outcomes, watched, alarm + ": the total counts every outcome the code writes");
        assertTrue(outcomes.containsAll(failures), "outcomes of the code: " + outcomes);
        assertEquals(Map.of("Ref", "StoreFailureRatePercent"), template.properties(alarm).get("Threshold"));
        int threshold = (Integer) template.parameter("StoreFailureRatePercent").get("Default");
        assertAll(
                () -> assertAll(outcomes.stream().map(outcome -> (Executable) () -> assertEquals(
                        failures.contains(outcome) ? 100.0 : 0.0, alarms.value(alarm, Map.of(outcome, 100.0)),
                        "100 calls, all " + outcome))),
                () -> assertEquals(6.0, alarms.value(alarm,
                        Map.of("ok", 90.0, "conflict", 4.0, "throttled", 3.0, "unavailable", 2.0, "failed", 1.0))),
                () -> assertTrue(alarms.fires(alarm, Map.of("ok", 90.0, "unavailable", threshold + 1.0))),
                () -> assertFalse(alarms.fires(alarm, Map.of("ok", 100.0 - threshold, "throttled", (double) threshold))),
                () -> assertFalse(alarms.fires(alarm, Map.of("failed", 1.0)), "one failed call of one is no rate: it pages elsewhere"),
                () -> assertFalse(alarms.fires(alarm, Map.of()), "no calls, no alarm"));
    }

    @Test
    void failedStoreCalls_pageAtTheFirstOne() {
        String alarm = "StoreFailedCallsAlarm";
        Watched metric = alarms.watched(alarm).get(0);
        assertAll(
                () -> assertEquals(1, alarms.watched(alarm).size()),
                () -> assertEquals("StoreCalls", metric.name()),
                () -> assertEquals(Map.of("Outcome", "failed"), metric.dimensions()),
                () -> assertEquals("Sum", metric.stat()),
                () -> assertEquals(60, metric.period()),
                () -> assertEquals(1, template.properties(alarm).get("EvaluationPeriods")),
                () -> assertTrue(alarms.fires(alarm, Map.of("", 1.0)), "the first failed call"),
                () -> assertFalse(alarms.fires(alarm, Map.of("", 0.0))));
    }

    @Test
    void tokenRefusals_fireAboveTheirParameter_andTheAuthorizersOwnFaults_atTheFirst() {
        String rate = "TokenRefusalsAlarm";
        Watched refusals = alarms.watched(rate).get(0);
        int threshold = (Integer) template.parameter("TokenRefusalsPer5Minutes").get("Default");
        assertAll(
                () -> assertEquals(new Watched("", MetricsCatalog.NAMESPACE, "TokenRefusals", Map.of(), "Sum", 300), refusals),
                () -> assertEquals(Map.of("Ref", "TokenRefusalsPer5Minutes"), template.properties(rate).get("Threshold")),
                () -> assertTrue(alarms.fires(rate, Map.of("", threshold + 1.0))),
                () -> assertFalse(alarms.fires(rate, Map.of("", (double) threshold))));

        String faults = "AuthorizerFaultsAlarm";
        Map<String, String> causes = new TreeMap<>();
        alarms.watched(faults).forEach(metric -> {
            if (metric.name().equals("TokenRefusals")) {
                causes.put(metric.id(), String.valueOf(metric.dimensions().get("Cause")));
            } else {
                assertEquals(Map.of("FunctionName", Map.of("Ref", AUTHORIZER)), metric.dimensions(), faults + ": its errors");
            }
        });
        assertEquals(AUTHORIZER_FAULTS, Set.copyOf(causes.values()), faults + " watches the refusals that are no token's fault");
        assertAll(causes.keySet().stream().map(id -> (Executable) () -> assertTrue(alarms.fires(faults, Map.of(id, 1.0)),
                faults + " at the first " + causes.get(id))));
        assertFalse(alarms.fires(faults, Map.of()));
    }

    /** One refusal line as the authorizer writes it (its settings unusable: every request refused). */
    private static String authorizerRefusalLine() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new AuthorizerHandler(null, new PrintStream(log, true, StandardCharsets.UTF_8)).handleRequest(
                new ByteArrayInputStream("{\"headers\":{\"authorization\":\"Bearer x\"}}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);
        String[] lines = log.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, lines.length, "one line per refusal: " + log);
        return lines[0];
    }

    /** The {@code $.field = "value"} terms of a JSON filter pattern joined by {@code &&}, the only form this test reads. */
    private static Map<String, String> filterTerms(String pattern) {
        Matcher braces = Pattern.compile("^\\{(.*)\\}$").matcher(pattern.strip());
        assertTrue(braces.matches(), "a JSON filter pattern expected: " + pattern);
        Map<String, String> terms = new HashMap<>();
        for (String term : braces.group(1).split("&&")) {
            Matcher equals = FILTER_TERM.matcher(term.strip());
            assertTrue(equals.matches(), "this test reads $.field = \"value\" terms only: " + term);
            terms.put(equals.group(1), equals.group(2));
        }
        assertNotNull(terms.get("logger"), "the authorizer's lines only: " + pattern);
        return terms;
    }
}
