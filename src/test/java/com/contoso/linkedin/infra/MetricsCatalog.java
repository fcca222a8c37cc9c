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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.contoso.linkedin.domain.CardLevel;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.identity.token.Refusal;
import com.contoso.linkedin.metrics.Metrics;

/**
 * The metrics the functions write, read from the {@code Metrics.count/size/millis} calls of
 * src/main/java: each metric with its dimension names and the values each dimension can take
 * (the string literals passed, the literals assigned to a variable passed, or the constants of
 * the enum a dimension names).
 */
final class MetricsCatalog {
    /**
     * The namespace infra/template.yaml gives them: the code's default, one per stack (the
     * template writes it with {@code !Sub}, and the tests read it as written).
     */
    static final String NAMESPACE = Metrics.DEFAULT_NAMESPACE + "/${AWS::StackName}";
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern CALL = Pattern.compile("\\bMetrics\\.(count|size|millis)\\(");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    /** Dimensions whose value is an enum constant's name(). */
    private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.of("Reason", Reason.class, "Client",
            Client.class, "Level", CardLevel.class, "Mode", IntegrationMode.class);

    /** A metric as CloudWatch knows it: its name and the names of its dimensions. */
    record Kind(String name, Set<String> dimensions) {
        Kind {
            dimensions = Collections.unmodifiableSortedSet(new TreeSet<>(dimensions));
        }
    }

    private MetricsCatalog() {
    }

    /** Every metric the code writes, with the values of each of its dimensions. */
    static Map<Kind, Map<String, Set<String>>> written() {
        Map<Kind, Map<String, Set<String>>> catalog = new TreeMap<>(Comparator.comparing(k -> k.name() + k.dimensions()));
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher call = CALL.matcher(source);
                while (call.find()) {
                    List<String> arguments = arguments(source, call.end());
                    String where = file.getFileName() + ": " + String.join(", ", arguments);
                    String name = literal(arguments.get(0), where);
                    Map<String, Set<String>> dimensions = new TreeMap<>();
                    int first = call.group(1).equals("count") ? 1 : 2;
                    assertEquals(0, (arguments.size() - first) % 2, "dimensions come as name, value: " + where);
                    for (int i = first; i < arguments.size(); i += 2) {
                        String dimension = literal(arguments.get(i), where);
                        dimensions.put(dimension, values(dimension, arguments.get(i + 1), source, where));
                    }
                    Map<String, Set<String>> known = catalog.computeIfAbsent(
                            new Kind(name, dimensions.keySet()), k -> new TreeMap<>());
                    dimensions.forEach((d, v) -> known.computeIfAbsent(d, k -> new TreeSet<>()).addAll(v));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(catalog.isEmpty(), "no Metrics call found under " + SOURCES.toAbsolutePath());
        return catalog;
    }

    /**
     * What the code writes, plus what infra/template.yaml's metric filters derive from the
     * authorizer's log: TokenRefusals by Cause (a {@link Refusal}), and in total.
     */
    static Map<Kind, Map<String, Set<String>>> known() {
        Map<Kind, Map<String, Set<String>>> known = written();
        Set<String> causes = new TreeSet<>();
        Stream.of(Refusal.values()).forEach(refusal -> causes.add(refusal.name()));
        known.put(new Kind("TokenRefusals", Set.of("Cause")), Map.of("Cause", causes));
        known.put(new Kind("TokenRefusals", Set.of()), Map.of());
        return known;
    }

    /** The values a dimension takes: a literal, the literals a variable is assigned, or an enum's constants. */
    private static Set<String> values(String dimension, String argument, String source, String where) {
        Matcher literal = LITERAL.matcher(argument);
        if (literal.matches()) {
            return new TreeSet<>(Set.of(literal.group(1)));
        }
        if (argument.matches("[a-z]\\w*")) {
            Set<String> assigned = new TreeSet<>();
            Matcher assignment = Pattern.compile("\\b" + argument + "\\s*=\\s*([^;]+);").matcher(source);
            while (assignment.find()) {
                LITERAL.matcher(assignment.group(1)).results().forEach(r -> assigned.add(r.group(1)));
            }
            assertFalse(assigned.isEmpty(), "no literal assigned to " + argument + ": " + where);
            return assigned;
        }
        Class<? extends Enum<?>> type = ENUMS.get(dimension);
        assertNotNull(type, "tell MetricsCatalog which values dimension " + dimension + " takes: " + where);
        assertTrue(argument.endsWith(".name()"), "an enum constant's name() expected: " + where);
        Set<String> names = new TreeSet<>();
        Stream.of(type.getEnumConstants()).forEach(constant -> names.add(constant.name()));
        return names;
    }

    private static String literal(String argument, String where) {
        Matcher literal = LITERAL.matcher(argument);
        assertTrue(literal.matches(), "a string literal expected, not " + argument + ": " + where);
        return literal.group(1);
    }

    /** The top-level arguments of the call whose "(" ends at {@code start}. */
    private static List<String> arguments(String source, int start) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        StringBuilder current = new StringBuilder();
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                inString = c != '"' || source.charAt(i - 1) == '\\';
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                arguments.add(current.toString().strip());
                return arguments;
            } else if (c == ',' && depth == 0) {
                arguments.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        throw new AssertionError("unbalanced call at " + start);
    }
}
