package com.contoso.linkedin.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the part of CloudWatch metric math the alarms use, for one data point: numbers, ids,
 * + - * /, comparisons (1 or 0), parentheses, {@code FILL(x, value)} and {@code IF(condition, a, b)}.
 * A metric without data is {@code null}, as in CloudWatch: arithmetic on it has no data either,
 * until FILL gives it a value.
 */
final class MetricMath {
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?|[A-Za-z_]\\w*|>=|<=|==|!=|[-+*/(),<>])");

    private final List<String> tokens = new ArrayList<>();
    private final Function<String, Double> ids;
    private int next;

    private MetricMath(String expression, Function<String, Double> ids) {
        Matcher token = TOKEN.matcher(expression);
        int at = 0;
        while (at < expression.length() && token.find(at) && token.start() == at) {
            tokens.add(token.group(1));
            at = token.end();
        }
        if (!expression.substring(at).isBlank()) {
            throw new AssertionError("MetricMath cannot read '" + expression.substring(at) + "' of " + expression);
        }
        this.ids = ids;
    }

    /** The expression's value, its ids valued by {@code ids} (null: no data). */
    static Double evaluate(String expression, Function<String, Double> ids) {
        MetricMath math = new MetricMath(expression, ids);
        Double value = math.comparison();
        if (math.next != math.tokens.size()) {
            throw new AssertionError("MetricMath stopped at '" + math.tokens.get(math.next) + "' of " + expression);
        }
        return value;
    }

    private Double comparison() {
        Double left = sum();
        if (next < tokens.size() && List.of(">=", "<=", ">", "<", "==", "!=").contains(tokens.get(next))) {
            String operator = tokens.get(next++);
            Double right = sum();
            if (left == null || right == null) {
                return null;
            }
            boolean holds = switch (operator) {
                case ">=" -> left >= right;
                case "<=" -> left <= right;
                case ">" -> left > right;
                case "<" -> left < right;
                case "==" -> left.equals(right);
                default -> !left.equals(right);
            };
            return holds ? 1.0 : 0.0;
        }
        return left;
    }

    private Double sum() {
        Double value = term();
        while (next < tokens.size() && (tokens.get(next).equals("+") || tokens.get(next).equals("-"))) {
            boolean plus = tokens.get(next++).equals("+");
            Double right = term();
            value = value == null || right == null ? null : plus ? value + right : value - right;
        }
        return value;
    }

    private Double term() {
        Double value = factor();
        while (next < tokens.size() && (tokens.get(next).equals("*") || tokens.get(next).equals("/"))) {
            boolean times = tokens.get(next++).equals("*");
            Double right = factor();
            value = value == null || right == null || (!times && right == 0) ? null : times ? value * right : value / right;
        }
        return value;
    }

    private Double factor() {
        String token = tokens.get(next++);
        if (token.equals("(")) {
            Double value = comparison();
            expect(")");
            return value;
        }
        if (token.equals("-")) {
            Double value = factor();
            return value == null ? null : -value;
        }
        if (Character.isDigit(token.charAt(0))) {
            return Double.valueOf(token);
        }
        if (next < tokens.size() && tokens.get(next).equals("(")) {
            next++;
            List<Double> arguments = new ArrayList<>();
            arguments.add(comparison());
            while (tokens.get(next).equals(",")) {
                next++;
                arguments.add(comparison());
            }
            expect(")");
            return switch (token) {
                case "FILL" -> arguments.get(0) != null ? arguments.get(0) : arguments.get(1);
                case "IF" -> arguments.get(0) == null ? null : arguments.get(0) != 0 ? arguments.get(1) : arguments.get(2);
                default -> throw new AssertionError("MetricMath does not know " + token + "()");
            };
        }
        return ids.apply(token);
    }

    private void expect(String token) {
        if (!tokens.get(next++).equals(token)) {
            throw new AssertionError("'" + token + "' expected at " + (next - 1) + " of " + tokens);
        }
    }
}
