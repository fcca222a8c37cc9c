package com.contoso.linkedin.store.dynamodb;

import java.util.Map;

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
}
