package com.contoso.linkedin.store.dynamodb;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stream record's image as Lambda delivers it (DynamoDB JSON: {@code {"S": "…"}}, {@code {"N":
 * "1"}}, {@code {"M": {…}}}, …) as the SDK's attribute values, so that the item mappers read stream
 * images exactly as they read items from the table. Read from a Jackson tree, not bound to
 * classes: nothing here needs reflection.
 */
final class StreamImages {
    /** DynamoDB nests documents at most 32 levels deep: anything deeper is not one of its images. */
    private static final int MAX_DEPTH = 32;

    private StreamImages() {
    }

    /** The image, or null when the record has none (an INSERT's old image, a REMOVE's new one). */
    static Map<String, AttributeValue> image(JsonNode image) {
        if (image == null || image.isMissingNode() || image.isNull()) {
            return null;
        }
        return map(image, 0);
    }

    private static Map<String, AttributeValue> map(JsonNode node, int depth) {
        require(node.isObject(), "an image or map is a JSON object");
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), value(field.getValue(), depth + 1));
        }
        return map;
    }

    /** One attribute value: an object with exactly one type descriptor. */
    private static AttributeValue value(JsonNode node, int depth) {
        require(depth <= MAX_DEPTH, "nested deeper than DynamoDB allows");
        require(node.isObject() && node.size() == 1, "an attribute value has exactly one type");
        Map.Entry<String, JsonNode> typed = node.fields().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.builder().s(text(v)).build();
            case "N" -> AttributeValue.builder().n(number(v)).build();
            case "B" -> AttributeValue.builder().b(bytes(v)).build();
            case "BOOL" -> AttributeValue.builder().bool(bool(v)).build();
            case "NULL" -> AttributeValue.builder().nul(bool(v)).build();
            case "SS" -> AttributeValue.builder().ss(elements(v, StreamImages::text)).build();
            case "NS" -> AttributeValue.builder().ns(elements(v, StreamImages::number)).build();
            case "BS" -> AttributeValue.builder().bs(elements(v, StreamImages::bytes)).build();
            case "L" -> AttributeValue.builder().l(elements(v, e -> value(e, depth + 1))).build();
            case "M" -> AttributeValue.builder().m(map(v, depth + 1)).build();
            default -> throw new IllegalArgumentException("unknown attribute type " + safe(typed.getKey()));
        };
    }

    private static String text(JsonNode node) {
        require(node.isTextual(), "S is a JSON string");
        return node.textValue();
    }

    /** Numbers travel as strings, and the mappers parse them: only the form is checked here. */
    private static String number(JsonNode node) {
        require(node.isTextual() && !node.textValue().isBlank(), "N is a number in a JSON string");
        return node.textValue();
    }

    private static SdkBytes bytes(JsonNode node) {
        require(node.isTextual(), "B is base64 in a JSON string");
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.textValue()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("B is not base64");
        }
    }

    private static boolean bool(JsonNode node) {
        require(node.isBoolean(), "BOOL and NULL are JSON booleans");
        return node.booleanValue();
    }

    private static <T> List<T> elements(JsonNode node, Function<JsonNode, T> element) {
        require(node.isArray(), "a set or list is a JSON array");
        List<T> elements = new ArrayList<>(node.size());
        node.forEach(e -> elements.add(element.apply(e)));
        return elements;
    }

    private static void require(boolean holds, String what) {
        if (!holds) {
            throw new IllegalArgumentException("unreadable image: " + what);
        }
    }

    /** A type name goes into a log line: never more of the input than a short, plain token. */
    private static String safe(String type) {
        return type.length() <= 8 && type.chars().allMatch(Character::isLetter) ? type : "(odd)";
    }
}
