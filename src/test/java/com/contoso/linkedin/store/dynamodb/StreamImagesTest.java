package com.contoso.linkedin.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.contoso.linkedin.store.dynamodb.TableLayout.ItemKey;
import com.contoso.linkedin.store.dynamodb.TableLayout.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stream images (DynamoDB JSON as Lambda delivers it) as the SDK's attribute values, and keys read back. */
class StreamImagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void everyAttributeType_becomesTheSdksValue() throws Exception {
        Map<String, AttributeValue> image = StreamImages.image(json("""
                {"s": {"S": "text"}, "n": {"N": "-12.5"}, "bool": {"BOOL": false}, "null": {"NULL": true},
                 "b": {"B": "aGVsbG8="}, "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2"]}, "bs": {"BS": ["AA=="]},
                 "l": {"L": [{"S": "x"}, {"N": "1"}, {"M": {"k": {"BOOL": true}}}]},
                 "m": {"M": {"inner": {"L": []}, "s": {"S": ""}}}}
                """));

        assertEquals(AttributeValue.builder().s("text").build(), image.get("s"));
        assertEquals(AttributeValue.builder().n("-12.5").build(), image.get("n"));
        assertEquals(AttributeValue.builder().bool(false).build(), image.get("bool"));
        assertEquals(AttributeValue.builder().nul(true).build(), image.get("null"));
        assertEquals(SdkBytes.fromString("hello", StandardCharsets.UTF_8), image.get("b").b());
        assertEquals(List.of("a", "b"), image.get("ss").ss());
        assertEquals(List.of("1", "2"), image.get("ns").ns());
        assertEquals(List.of(SdkBytes.fromByteArray(new byte[] { 0 })), image.get("bs").bs());
        assertEquals(List.of(AttributeValue.builder().s("x").build(), AttributeValue.builder().n("1").build(),
                AttributeValue.builder().m(Map.of("k", AttributeValue.builder().bool(true).build())).build()),
                image.get("l").l());
        assertEquals(Map.of("inner", AttributeValue.builder().l(List.of()).build(), "s", AttributeValue.builder().s("").build()),
                image.get("m").m());
    }

    @Test
    void anAbsentImage_isNull() throws Exception {
        assertNull(StreamImages.image(null));
        assertNull(StreamImages.image(json("null")));
        assertNull(StreamImages.image(json("{}").path("NewImage")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "\"S\"", "{\"a\": {}}", "{\"a\": {\"S\": \"x\", \"N\": \"1\"}}", "{\"a\": {\"S\": 1}}",
            "{\"a\": {\"N\": 1}}", "{\"a\": {\"N\": \" \"}}", "{\"a\": {\"BOOL\": \"true\"}}", "{\"a\": {\"NULL\": 1}}",
            "{\"a\": {\"B\": \"not base64!\"}}", "{\"a\": {\"SS\": \"a\"}}", "{\"a\": {\"NS\": [1]}}",
            "{\"a\": {\"L\": {}}}", "{\"a\": {\"M\": []}}", "{\"a\": {\"DATE\": \"2026\"}}", "{\"a\": [{\"S\": \"x\"}]}" })
    void malformedValues_areRefused(String image) {
        assertThrows(IllegalArgumentException.class, () -> StreamImages.image(json(image)));
    }

    @Test
    void nestingDeeperThanDynamoDbAllows_isRefused_mapsAndListsAlike() throws Exception {
        String maps = "{\"a\": " + "{\"M\": {\"a\": ".repeat(40) + "{\"S\": \"x\"}" + "}}".repeat(40) + "}";
        String lists = "{\"a\": " + "{\"L\": [".repeat(40) + "{\"S\": \"x\"}" + "]}".repeat(40) + "}";
        String allowed = "{\"a\": " + "{\"L\": [".repeat(31) + "{\"S\": \"x\"}" + "]}".repeat(31) + "}";

        assertThrows(IllegalArgumentException.class, () -> StreamImages.image(json(maps)));
        assertThrows(IllegalArgumentException.class, () -> StreamImages.image(json(lists)));
        assertEquals(1, StreamImages.image(json(allowed)).size());
    }

    @Test
    void keys_namingATenantOrAUser_areReadBack_andNothingElseIs() {
        assertEquals(new ItemKey(Kind.TENANT, "t1", null), TableLayout.itemKey("TENANT#t1", "TENANT"));
        assertEquals(new ItemKey(Kind.USER, "t1", "u1"), TableLayout.itemKey("USER#t1#u1", "USER"));
        assertEquals(ItemKey.OTHER, TableLayout.itemKey("TENANT#t1#AUDIT", "V#0000000000000000001"));
        assertEquals(ItemKey.OTHER, TableLayout.itemKey("AUDIT#t1", "T#0000000000001#00000001"));
        assertEquals(ItemKey.OTHER, TableLayout.itemKey("COUNTS#t1", "COUNTS"));
        assertEquals(ItemKey.OTHER, TableLayout.itemKey("TENANT#t1", "OFFBOARDING"));
        assertEquals(ItemKey.OTHER, TableLayout.itemKey("TENANT#t1", "USER"));
        assertEquals(ItemKey.OTHER, TableLayout.itemKey("USER#t1#u1", "TENANT"));
        assertEquals(ItemKey.OTHER, TableLayout.itemKey("USER#t1#u1#x", "USER"));
        assertEquals(ItemKey.OTHER, TableLayout.itemKey("USER##u1", "USER"));
        assertEquals(ItemKey.OTHER, TableLayout.itemKey("TENANT#", "TENANT"));
        assertEquals(ItemKey.OTHER, TableLayout.itemKey("GROUP#t1", "TENANT"));
        assertEquals(ItemKey.OTHER, TableLayout.itemKey(null, "TENANT"));
    }

    @Test
    void keysBuiltByTheLayout_readBackAsTheirIds() {
        Map<String, AttributeValue> tenant = TableLayout.tenantKey("8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b");
        Map<String, AttributeValue> user = TableLayout.userKey("8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b",
                "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e");

        assertEquals(new ItemKey(Kind.TENANT, "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", null),
                TableLayout.itemKey(tenant.get(TableLayout.PK).s(), tenant.get(TableLayout.SK).s()));
        assertEquals(new ItemKey(Kind.USER, "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b", "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e"),
                TableLayout.itemKey(user.get(TableLayout.PK).s(), user.get(TableLayout.SK).s()));
    }
}
