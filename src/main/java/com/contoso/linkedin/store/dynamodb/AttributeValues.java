package com.contoso.linkedin.store.dynamodb;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writing and reading the few attribute types the items use; an absent attribute reads as given. */
final class AttributeValues {

    private AttributeValues() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.builder().bool(value).build();
    }

    static AttributeValue stringSet(String element) {
        return AttributeValue.builder().ss(element).build();
    }

    /** A string set, in order; DynamoDB refuses an empty set, so an empty one is not written (null). */
    static AttributeValue stringSet(Set<String> elements) {
        return elements.isEmpty() ? null : AttributeValue.builder().ss(new TreeSet<>(elements)).build();
    }

    static AttributeValue map(Map<String, AttributeValue> value) {
        return AttributeValue.builder().m(value).build();
    }

    /** The string, or null when absent. */
    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** The number, or 0 when absent. */
    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    static boolean flag(Map<String, AttributeValue> item, String name, boolean absent) {
        AttributeValue value = item.get(name);
        return value == null ? absent : value.bool();
    }

    /** The string set, or empty when absent. */
    static Set<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? Set.of() : Set.copyOf(value.ss());
    }
}
