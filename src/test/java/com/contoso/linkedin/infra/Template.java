package com.contoso.linkedin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * infra/template.yaml as the drift tests read it: its resources, the properties SAM gives a
 * function (its own, else Globals'), roles and their statements, parameters and conditions.
 * Every lookup fails the test with the name it looked for when the template lacks it.
 */
final class Template {
    static final Path FILE = Path.of("infra", "template.yaml");

    private final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    static Template read() {
        assertTrue(Files.isRegularFile(FILE), "run from the project directory: " + FILE.toAbsolutePath());
        try {
            return new Template(CloudFormationYaml.read(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole template, as read. */
    Map<String, Object> root() {
        return root;
    }

    /** A top-level section (Parameters, Conditions, Globals...), empty when absent. */
    Map<String, Object> section(String name) {
        return map(root.getOrDefault(name, Map.of()));
    }

    Map<String, Object> globalFunction() {
        return map(section("Globals").getOrDefault("Function", Map.of()));
    }

    Map<String, Object> resources() {
        return section("Resources");
    }

    Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        assertNotNull(resource, "no resource " + logicalId + " in " + FILE);
        return map(resource);
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).getOrDefault("Properties", Map.of()));
    }

    String type(String logicalId) {
        return String.valueOf(resource(logicalId).get("Type"));
    }

    List<String> logicalIdsOfType(String type) {
        return resources().entrySet().stream().filter(e -> type.equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The one resource of a type. */
    String the(String type) {
        List<String> ids = logicalIdsOfType(type);
        assertEquals(1, ids.size(), "exactly one " + type + " expected: " + ids);
        return ids.get(0);
    }

    Map<String, Object> parameter(String name) {
        Object parameter = section("Parameters").get(name);
        assertNotNull(parameter, "no parameter " + name + " in " + FILE);
        return map(parameter);
    }

    /** A function property, or the Globals one SAM applies when the function has none. */
    Object effective(String function, String property) {
        Object own = properties(function).get(property);
        return own != null ? own : globalFunction().get(property);
    }

    /** Globals' variables overlaid with the function's own, as SAM merges them. */
    Map<String, Object> environment(String function) {
        Map<String, Object> variables = new TreeMap<>();
        variables.putAll(map(map(globalFunction().getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of())));
        Map<String, Object> own = properties(function);
        variables.putAll(map(map(own.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of())));
        return variables;
    }

    /** The logical id of the function's role, which must be written out in the template. */
    String roleOf(String function) {
        List<Object> getAtt = list(map(properties(function).get("Role")).get("Fn::GetAtt"));
        assertEquals("Arn", getAtt.get(1), function + " Role");
        String logicalId = String.valueOf(getAtt.get(0));
        assertEquals("AWS::IAM::Role", type(logicalId), function + " must have its role written out in the template");
        return logicalId;
    }

    /** The log group a function writes to (LoggingConfig.LogGroup). */
    String logGroupOf(String function) {
        return ref(map(effective(function, "LoggingConfig")).get("LogGroup"));
    }

    /** Every statement of a role's inline policies: Allow, with no NotAction or NotResource. */
    List<Map<String, Object>> statements(String role) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : list(properties(role).getOrDefault("Policies", List.of()))) {
            for (Object statement : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> s = map(statement);
                assertEquals("Allow", s.get("Effect"), role + ": " + s);
                assertFalse(s.containsKey("NotAction") || s.containsKey("NotResource"), role + ": " + s);
                statements.add(s);
            }
        }
        return statements;
    }

    /**
     * Whether a condition holds when every parameter keeps its default: what a deployment that
     * sets nothing gets. Knows the condition functions this template uses.
     */
    boolean holdsWithDefaults(String condition) {
        return holds(condition, Map.of());
    }

    /** Whether a condition holds with these parameter values, the others at their defaults. */
    boolean holds(String condition, Map<String, String> values) {
        Object definition = section("Conditions").get(condition);
        assertNotNull(definition, "no condition " + condition);
        return (Boolean) evaluate(definition, values);
    }

    private Object evaluate(Object node, Map<String, String> values) {
        if (!(node instanceof Map<?, ?> function)) {
            return String.valueOf(node);
        }
        assertEquals(1, function.size(), "one function per node: " + node);
        Map.Entry<?, ?> call = function.entrySet().iterator().next();
        List<Object> arguments = list(call.getValue());
        String name = String.valueOf(call.getValue());
        return switch (String.valueOf(call.getKey())) {
            case "Ref" -> values.containsKey(name) ? values.get(name) : String.valueOf(parameter(name).get("Default"));
            case "Condition" -> holds(name, values);
            case "Fn::Not" -> !(Boolean) evaluate(arguments.get(0), values);
            case "Fn::Equals" -> evaluate(arguments.get(0), values).equals(evaluate(arguments.get(1), values));
            case "Fn::And" -> arguments.stream().allMatch(a -> (Boolean) evaluate(a, values));
            case "Fn::Or" -> arguments.stream().anyMatch(a -> (Boolean) evaluate(a, values));
            default -> throw new AssertionError("cannot evaluate " + node);
        };
    }

    // ---- the shapes of YAML ------------------------------------------------------------------

    static String ref(Object value) {
        Object target = map(value).get("Ref");
        assertNotNull(target, "a !Ref expected: " + value);
        return String.valueOf(target);
    }

    /** A plain string, or the string of a {@code !Sub} as written (its variables unresolved). */
    static String text(Object value) {
        if (value instanceof Map<?, ?> function && function.get("Fn::Sub") instanceof String sub) {
            return sub;
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "a mapping expected: " + value);
        return (Map<String, Object>) value;
    }

    /** A list, or a single value as CloudFormation allows in place of a one-element list. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List ? (List<Object>) value : List.of(value);
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
