package com.contoso.linkedin.store.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The expressions of one DynamoDB request: update actions and the condition (or key condition)
 * that guards them, sharing one pair of placeholder maps. Every attribute is written as
 * {@code #name} and every value as {@code :value}, so that names never clash with DynamoDB's
 * reserved words (mode, when, ...) and no value is ever spliced into the text.
 */
final class Expression {
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private final Map<String, String> names = new LinkedHashMap<>();
    /** Placeholders by attribute: one per attribute, however often it is named. */
    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> deletes = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();

    // ---- update actions ----------------------------------------------------------------------

    /** {@code SET #a = :v} */
    Expression set(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = " + value(attribute, value));
        return this;
    }

    /** {@code SET #a = if_not_exists(#a, :v)}: written once, by the first write of the item. */
    Expression setIfNotExists(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = if_not_exists(" + name(attribute) + ", " + value(attribute, value) + ")");
        return this;
    }

    /** {@code SET #a = if_not_exists(#a, #from)}: another attribute's value, as the item had it, once. */
    Expression setIfNotExistsFrom(String attribute, String from) {
        sets.add(name(attribute) + " = if_not_exists(" + name(attribute) + ", " + name(from) + ")");
        return this;
    }

    /** {@code SET #a = #a + :by}: the attribute must exist. */
    Expression increment(String attribute, long by) {
        sets.add(name(attribute) + " = " + name(attribute) + " + " + value(attribute, AttributeValues.n(by)));
        return this;
    }

    /** {@code SET #a = if_not_exists(#a, :start) + :by}: counts from {@code start} on a new item. */
    Expression incrementFrom(String attribute, long start, long by) {
        sets.add(name(attribute) + " = if_not_exists(" + name(attribute) + ", "
                + value(attribute, AttributeValues.n(start)) + ") + " + value(attribute, AttributeValues.n(by)));
        return this;
    }

    /** {@code REMOVE #a}: an absent attribute reads as its default. */
    Expression remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    /** {@code ADD #a :e} on a string set: atomic on the item, no read-modify-write. */
    Expression addToSet(String attribute, String element) {
        adds.add(name(attribute) + " " + value(attribute, AttributeValues.stringSet(element)));
        return this;
    }

    /** {@code ADD #a :n} on a number: atomic on the item, counting from 0 when absent. */
    Expression add(String attribute, long delta) {
        adds.add(name(attribute) + " " + value(attribute, AttributeValues.n(delta)));
        return this;
    }

    /** {@code DELETE #a :e} on a string set: atomic on the item, a no-op when absent. */
    Expression deleteFromSet(String attribute, String element) {
        deletes.add(name(attribute) + " " + value(attribute, AttributeValues.stringSet(element)));
        return this;
    }

    // ---- conditions, all of which must hold --------------------------------------------------

    Expression whenExists(String attribute) {
        conditions.add("attribute_exists(" + name(attribute) + ")");
        return this;
    }

    Expression whenNotExists(String attribute) {
        conditions.add("attribute_not_exists(" + name(attribute) + ")");
        return this;
    }

    Expression whenEquals(String attribute, AttributeValue value) {
        conditions.add(name(attribute) + " = " + value(attribute, value));
        return this;
    }

    Expression whenLessThan(String attribute, AttributeValue value) {
        conditions.add(name(attribute) + " < " + value(attribute, value));
        return this;
    }

    Expression whenBetween(String attribute, AttributeValue low, AttributeValue high) {
        conditions.add(name(attribute) + " BETWEEN " + value(attribute, low) + " AND " + value(attribute, high));
        return this;
    }

    Expression whenBeginsWith(String attribute, AttributeValue prefix) {
        conditions.add("begins_with(" + name(attribute) + ", " + value(attribute, prefix) + ")");
        return this;
    }

    /** {@code #a IN (:v, :v1, ...)}: at least one value. */
    Expression whenIn(String attribute, List<AttributeValue> candidates) {
        List<String> placeholders = new ArrayList<>();
        candidates.forEach(candidate -> placeholders.add(value(attribute, candidate)));
        conditions.add(name(attribute) + " IN (" + String.join(", ", placeholders) + ")");
        return this;
    }

    // ---- what the request builders take (null where there is nothing: DynamoDB refuses empties)

    String update() {
        List<String> clauses = new ArrayList<>();
        clause(clauses, "SET", ", ", sets);
        clause(clauses, "REMOVE", ", ", removes);
        clause(clauses, "ADD", ", ", adds);
        clause(clauses, "DELETE", ", ", deletes);
        return clauses.isEmpty() ? null : String.join(" ", clauses);
    }

    String condition() {
        return conditions.isEmpty() ? null : String.join(" AND ", conditions);
    }

    Map<String, String> names() {
        return names.isEmpty() ? null : Map.copyOf(names);
    }

    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : Map.copyOf(values);
    }

    @Override
    public String toString() {
        return "update: " + update() + ", condition: " + condition();
    }

    private static void clause(List<String> clauses, String keyword, String separator, List<String> actions) {
        if (!actions.isEmpty()) {
            clauses.add(keyword + " " + String.join(separator, actions));
        }
    }

    /**
     * Named after the attribute where its name is a word; otherwise (a group's count, {@code G#id})
     * numbered, since a placeholder takes letters, digits and underscores only.
     */
    private String name(String attribute) {
        String placeholder = "#" + placeholder(attribute);
        names.put(placeholder, attribute);
        return placeholder;
    }

    private String placeholder(String attribute) {
        return placeholders.computeIfAbsent(attribute, a -> WORD.matcher(a).matches() ? a : "_" + (placeholders.size() + 1));
    }

    /** Named after the attribute, numbered when the attribute takes more than one value. */
    private String value(String attribute, AttributeValue value) {
        String base = placeholder(attribute);
        String placeholder = ":" + base;
        for (int n = 1; values.containsKey(placeholder); n++) {
            placeholder = ":" + base + n;
        }
        values.put(placeholder, value);
        return placeholder;
    }
}
