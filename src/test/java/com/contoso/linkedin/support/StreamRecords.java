package com.contoso.linkedin.support;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DynamoDB stream records as Lambda delivers them for a table whose stream has the
 * NEW_AND_OLD_IMAGES view (the shape of AWS's documented sample event), with the items written as
 * the store writes them (store/dynamodb/TenantItem, UserItem, AuditItem).
 */
public final class StreamRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String STREAM_ARN =
            "arn:aws:dynamodb:eu-west-1:123456789012:table/linkedin/stream/2026-11-30T00:00:00.000";
    public static final long CREATED = 1_796_050_000L;

    private StreamRecords() {
    }

    /** An item image in DynamoDB JSON, built attribute by attribute. */
    public static final class Image {
        private final ObjectNode node = JSON.createObjectNode();

        public Image s(String name, String value) {
            node.putObject(name).put("S", value);
            return this;
        }

        public Image n(String name, long value) {
            node.putObject(name).put("N", Long.toString(value));
            return this;
        }

        public Image bool(String name, boolean value) {
            node.putObject(name).put("BOOL", value);
            return this;
        }

        public Image ss(String name, String... values) {
            ArrayNode set = node.putObject(name).putArray("SS");
            for (String value : values) {
                set.add(value);
            }
            return this;
        }

        /** Any attribute value, written as DynamoDB JSON text. */
        public Image raw(String name, String attributeValueJson) {
            node.set(name, parse(attributeValueJson));
            return this;
        }

        public Image without(String name) {
            node.remove(name);
            return this;
        }

        public Image copy() {
            Image copy = new Image();
            copy.node.setAll(node.deepCopy());
            return copy;
        }

        public ObjectNode node() {
            return node;
        }
    }

    public static Image image() {
        return new Image();
    }

    public static Image tenantKeys(String tenantId) {
        return image().s("pk", "TENANT#" + tenantId).s("sk", "TENANT");
    }

    public static Image userKeys(String tenantId, String userId) {
        return image().s("pk", "USER#" + tenantId + "#" + userId).s("sk", "USER");
    }

    public static Image auditKeys(String tenantId, long epochMillis) {
        return image().s("pk", "AUDIT#" + tenantId).s("sk", String.format("T#%013d#%08x", epochMillis, 1));
    }

    /** A tenant item as TenantService first saves it: the record, version 0, epoch 0. */
    public static Image tenantItem(String tenantId, String country) {
        return tenantKeys(tenantId).s("cloud", "PUBLIC").s("countryCode", country).bool("rolledOut", true)
                .bool("usersCanConsentToApps", true).s("createdAt", "2026-11-01T09:00:00Z")
                .s("profileUpdatedAt", "2026-11-01T09:00:00Z").n("settingVersion", 0).n("consentEpoch", 0);
    }

    /** The tenant item after an admin's write of the setting (SettingService). */
    public static Image withSetting(Image tenant, String mode, String groupId, long version) {
        Image written = tenant.copy().s("mode", mode).n("settingVersion", version)
                .s("updatedAt", "2026-11-30T10:00:00Z").s("updatedBy", "9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a");
        return groupId == null ? written.without("selectedGroupId") : written.s("selectedGroupId", groupId);
    }

    /** A user item with a connection (UserService.connect). */
    public static Image connectedUser(String tenantId, String userId, String consent, long epoch) {
        return userKeys(tenantId, userId).s("consent", consent).n("connectedEpoch", epoch)
                .s("connectedAt", "2026-11-30T10:00:00Z");
    }

    public static Image disconnected(Image user) {
        return user.copy().without("consent").without("connectedEpoch").without("connectedAt");
    }

    /** One record of Lambda's DynamoDB stream event; null images are left out, as the stream does. */
    public static ObjectNode record(String eventName, String sequenceNumber, Image keys, Image oldImage, Image newImage) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventID", "c4ca4238a0b923820dcc509a6f75849b-" + sequenceNumber);
        record.put("eventName", eventName);
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", "eu-west-1");
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", CREATED);
        dynamodb.set("Keys", keyOnly(keys));
        if (newImage != null) {
            dynamodb.set("NewImage", newImage.node().deepCopy());
        }
        if (oldImage != null) {
            dynamodb.set("OldImage", oldImage.node().deepCopy());
        }
        dynamodb.put("SequenceNumber", sequenceNumber);
        dynamodb.put("SizeBytes", 256);
        dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        record.put("eventSourceARN", STREAM_ARN);
        return record;
    }

    public static ObjectNode insert(String sequenceNumber, Image item) {
        return record("INSERT", sequenceNumber, item, null, item);
    }

    public static ObjectNode modify(String sequenceNumber, Image before, Image after) {
        return record("MODIFY", sequenceNumber, after, before, after);
    }

    public static ObjectNode remove(String sequenceNumber, Image item) {
        return record("REMOVE", sequenceNumber, item, item, null);
    }

    /** The event Lambda hands the function: {"Records": [...]}. */
    public static String batch(List<? extends JsonNode> records) {
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").addAll(new ArrayList<>(records));
        return event.toString();
    }

    private static ObjectNode keyOnly(Image item) {
        ObjectNode keys = JSON.createObjectNode();
        keys.set("pk", item.node().get("pk"));
        keys.set("sk", item.node().get("sk"));
        return keys;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
