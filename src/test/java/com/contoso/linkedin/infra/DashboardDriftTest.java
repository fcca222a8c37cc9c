package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.Template.map;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.infra.FunctionSplit.Function;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CloudWatch dashboard of infra/template.yaml: built with !Sub, it names only the stack's own
 * functions, API and alarms (and its region and name), reads only metrics of the stack or of the
 * code, and shows the figures an operator acts on; the README documents every metric it reads.
 */
class DashboardDriftTest {

    private static final Pattern NAME = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final Pattern PLACEHOLDER = Pattern.compile("⟦(.+)⟧");
    private static final Pattern PLACEHOLDERS = Pattern.compile("⟦([^⟧]+)⟧");
    private static final Pattern SEARCH = Pattern.compile("SEARCH\\('\\{([^}]*)}\\s+MetricName=\"(\\w+)\"'");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::Region", "AWS::StackName", "AWS::Partition",
            "AWS::URLSuffix");

    private static Template template;
    private static Set<String> names;
    private static JsonNode body;
    /** Every metric the dashboard shows, as "namespace name dimensions stat". */
    private static List<String> shown;

    @BeforeAll
    static void readDashboard() throws Exception {
        template = Template.read();
        Object definition = template.properties(template.the("AWS::CloudWatch::Dashboard")).get("DashboardBody");
        Object sub = map(definition).get("Fn::Sub");
        assertTrue(sub instanceof String, "DashboardBody is one !Sub string, with no variables of its own: " + definition);
        names = new TreeSet<>();
        Matcher name = NAME.matcher((String) sub);
        StringBuilder json = new StringBuilder();
        while (name.find()) {
            names.add(name.group(1));
            Map<String, Object> parameter = map(template.section("Parameters").getOrDefault(name.group(1), Map.of()));
            String value = "Number".equals(parameter.get("Type")) ? String.valueOf(parameter.get("Default")) : "⟦" + name.group(1) + "⟧";
            name.appendReplacement(json, Matcher.quoteReplacement(value));
        }
        name.appendTail(json);
        body = new ObjectMapper().readTree(json.toString());
        shown = new ArrayList<>();
        for (JsonNode widget : body.path("widgets")) {
            JsonNode properties = widget.path("properties");
            for (JsonNode row : properties.path("metrics")) {
                shown.add(describe(row, properties.path("stat").asText("Average")));
            }
        }
    }

    @Test
    void dashboard_namesOnlyTheStacksOwnResources() {
        String text = body.toString();
        assertAll(
                () -> assertAll(names.stream().map(name -> (Executable) () -> assertTrue(PSEUDO_PARAMETERS.contains(name)
                        || template.resources().containsKey(name.split("\\.")[0])
                        || "Number".equals(map(template.section("Parameters").getOrDefault(name, Map.of())).get("Type")),
                        "${" + name + "}: a resource of the stack, its region or name, or a number"))),
                () -> assertFalse(text.contains("arn:"), "no ARN written out: " + text),
                () -> assertFalse(Pattern.compile("\\b[a-z]{2}(-gov)?-[a-z]+-\\d\\b").matcher(text).find(), "no region written out"),
                () -> assertFalse(text.matches("(?s).*\\b\\d{12}\\b.*"), "no account id written out"));
        List<JsonNode> widgets = new ArrayList<>();
        body.path("widgets").forEach(widgets::add);
        List<String> alarms = new ArrayList<>();
        assertAll(widgets.stream().map(widget -> (Executable) () -> {
            JsonNode properties = widget.path("properties");
            if (widget.path("type").asText().equals("metric")) {
                assertEquals("⟦AWS::Region⟧", properties.path("region").asText(), "every graph in the stack's region: " + widget);
            }
            properties.path("alarms").forEach(alarm -> alarms.add(alarm.asText()));
            for (JsonNode row : properties.path("metrics")) {
                assertOfTheStack(row);
            }
        }));
        assertEquals(new TreeSet<>(template.logicalIdsOfType("AWS::CloudWatch::Alarm").stream().map(a -> "⟦" + a + ".Arn⟧")
                .toList()), new TreeSet<>(alarms), "the alarms widget shows every alarm of the stack, and no other");
    }

    @Test
    void dashboard_showsWhatAnOperatorActsOn() {
        List<String> needed = new ArrayList<>();
        needed.add("SEARCH Decisions [Client, Reason]");
        needed.add("SEARCH TokenRefusals [Cause]");
        MetricsCatalog.written().get(new MetricsCatalog.Kind("StoreCalls", Set.of("Outcome"))).get("Outcome")
                .forEach(outcome -> needed.add(MetricsCatalog.NAMESPACE + " StoreCalls {Outcome=" + outcome + "} Sum"));
        needed.add(MetricsCatalog.NAMESPACE + " StoreLatency {} p50");
        needed.add(MetricsCatalog.NAMESPACE + " StoreLatency {} p99");
        Stream.of(IntegrationMode.values()).forEach(mode -> needed.add(MetricsCatalog.NAMESPACE + " SettingChanges {Mode=" + mode + "} Sum"));
        MetricsCatalog.written().get(new MetricsCatalog.Kind("ConsentWithdrawals", Set.of("Cause"))).get("Cause")
                .forEach(cause -> needed.add(MetricsCatalog.NAMESPACE + " ConsentWithdrawals {Cause=" + cause + "} Sum"));
        String eligibility = "{FunctionName=⟦" + Function.ELIGIBILITY.logicalId + "⟧}";
        needed.add("AWS/Lambda Duration " + eligibility + " p50");
        needed.add("AWS/Lambda Duration " + eligibility + " p99");
        needed.add("AWS/Lambda Throttles " + eligibility + " Sum");
        String api = "{ApiId=⟦" + template.the("AWS::Serverless::HttpApi") + "⟧, Stage=$default}";
        needed.add("AWS/ApiGateway 4xx " + api + " Sum");
        needed.add("AWS/ApiGateway 5xx " + api + " Sum");
        assertAll(needed.stream().map(metric -> (Executable) () -> assertTrue(shown.contains(metric),
                "the dashboard must show " + metric + "; it shows " + shown)));
    }

    @Test
    void everyMetricOfTheDashboardAndTheAlarms_isDocumentedWithItsNamespace() throws Exception {
        String readme = Files.readString(Path.of("infra", "README.md"));
        assertTrue(readme.contains("`" + MetricsCatalog.NAMESPACE + "`"), "the namespace");
        assertAll(MetricsCatalog.known().keySet().stream().map(kind -> (Executable) () -> assertTrue(
                readme.contains("`" + kind.name() + "`"), "infra/README.md must document metric " + kind.name())));
    }

    /** A row checked as the alarms' metrics are: the stack's resources, or what the code writes. */
    private static void assertOfTheStack(JsonNode row) {
        if (row.get(0).isObject()) {
            Matcher search = SEARCH.matcher(row.get(0).path("expression").asText());
            assertTrue(search.find(), "a SEARCH of one metric expected: " + row);
            List<String> schema = Stream.of(search.group(1).split(",")).map(String::strip).toList();
            assertEquals(MetricsCatalog.NAMESPACE, asWritten(schema.get(0).replace("\"", "")),
                    "search the code's metrics only: " + row);
            assertNotNull(MetricsCatalog.known().get(new MetricsCatalog.Kind(search.group(2), Set.copyOf(schema.subList(1,
                    schema.size())))), "no metric of that name and dimensions is written: " + row);
            return;
        }
        Map<String, Object> dimensions = new LinkedHashMap<>();
        int last = row.get(row.size() - 1).isObject() ? row.size() - 1 : row.size();
        assertEquals(0, last % 2, "namespace, name and dimension pairs, written out (no \"...\" shorthand): " + row);
        for (int i = 2; i < last; i += 2) {
            Matcher placeholder = PLACEHOLDER.matcher(row.get(i + 1).asText());
            dimensions.put(row.get(i).asText(), placeholder.matches() ? Map.of("Ref", placeholder.group(1)) : row.get(i + 1).asText());
        }
        Alarms.assertOfTheStack(template, asWritten(row.get(0).asText()), row.get(1).asText(), dimensions, "dashboard");
    }

    /** Text of the body with its {@code !Sub} variables as the template writes them ({@code ${AWS::StackName}}). */
    private static String asWritten(String text) {
        return PLACEHOLDERS.matcher(text).replaceAll(m -> Matcher.quoteReplacement("${" + m.group(1) + "}"));
    }

    private static String describe(JsonNode row, String defaultStat) {
        if (row.get(0).isObject()) {
            Matcher search = SEARCH.matcher(row.get(0).path("expression").asText());
            if (search.find()) {
                List<String> dimensions = new ArrayList<>(Stream.of(search.group(1).split(",")).map(String::strip).toList());
                dimensions.remove(0);
                return "SEARCH " + search.group(2) + " " + dimensions.stream().sorted().toList();
            }
            return row.toString();
        }
        JsonNode options = row.get(row.size() - 1).isObject() ? row.get(row.size() - 1) : null;
        int last = options == null ? row.size() : row.size() - 1;
        Map<String, String> dimensions = new TreeMap<>();
        for (int i = 2; i + 1 < last; i += 2) {
            dimensions.put(row.get(i).asText(), row.get(i + 1).asText());
        }
        String stat = options != null && options.has("stat") ? options.get("stat").asText() : defaultStat;
        return asWritten(row.get(0).asText()) + " " + row.get(1).asText() + " " + dimensions + " " + stat;
    }
}
