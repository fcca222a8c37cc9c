package com.contoso.linkedin.store.dynamodb;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.contoso.linkedin.store.StoredChange;
import com.contoso.linkedin.store.StoredChange.TenantChange;
import com.contoso.linkedin.store.StoredChange.UserChange;
import com.contoso.linkedin.store.dynamodb.TableLayout.ItemKey;
import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's change stream read as {@link StoredChange}s: the key says which kind of item
 * changed, and the item mappers ({@link TenantItem}, {@link UserItem}) read its old and new
 * images, so attribute names stay theirs. A pure function: no client, no clock.
 */
public final class ItemChanges {
    /** The view the table's stream must have: without both images a MODIFY cannot be compared. */
    static final String VIEW_TYPE = "NEW_AND_OLD_IMAGES";

    private ItemChanges() {
    }

    /**
     * The change one stream record ({@code Records[i].dynamodb} of Lambda's event) holds; empty for
     * items that are neither a tenant nor a user (audit entries).
     *
     * @throws IllegalArgumentException for a record that cannot be read, or whose images do not
     *         fit its event name; the message names what is wrong, never a value.
     */
    public static Optional<StoredChange> fromStreamRecord(String eventName, JsonNode dynamodb) {
        if (dynamodb == null || !dynamodb.isObject()) {
            throw new IllegalArgumentException("the record has no dynamodb section");
        }
        JsonNode viewType = dynamodb.get("StreamViewType");
        if (viewType != null && !VIEW_TYPE.equals(viewType.asText())) {
            throw new IllegalArgumentException("the stream's view type is not " + VIEW_TYPE);
        }
        Map<String, AttributeValue> keys = StreamImages.image(dynamodb.get("Keys"));
        if (keys == null) {
            throw new IllegalArgumentException("the record has no Keys");
        }
        Map<String, AttributeValue> oldImage = StreamImages.image(dynamodb.get("OldImage"));
        Map<String, AttributeValue> newImage = StreamImages.image(dynamodb.get("NewImage"));
        boolean fits = switch (eventName == null ? "" : eventName) {
            case "INSERT" -> oldImage == null && newImage != null;
            case "MODIFY" -> oldImage != null && newImage != null;
            case "REMOVE" -> oldImage != null && newImage == null;
            default -> false;
        };
        if (!fits) {
            throw new IllegalArgumentException("the images do not fit the event name (" + eventName(eventName) + ")");
        }
        return of(keys, oldImage, newImage);
    }

    /** The change from a key and the images before and after (null where the item did not exist). */
    public static Optional<StoredChange> of(Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage) {
        ItemKey key = TableLayout.itemKey(AttributeValues.string(keys, TableLayout.PK),
                AttributeValues.string(keys, TableLayout.SK));
        return switch (key.kind()) {
            case TENANT -> Optional.of(new TenantChange(key.tenantId(),
                    read("tenant", "old", oldImage, item -> TenantItem.toTenant(key.tenantId(), item)),
                    read("tenant", "new", newImage, item -> TenantItem.toTenant(key.tenantId(), item))));
            case USER -> Optional.of(new UserChange(key.tenantId(), key.userId(),
                    read("user", "old", oldImage, UserItem::toUserFacts),
                    read("user", "new", newImage, UserItem::toUserFacts)));
            case OTHER -> Optional.empty();
        };
    }

    /** The mappers' own failure says "store unavailable": here it is one unreadable image. */
    private static <T> Optional<T> read(String kind, String which, Map<String, AttributeValue> image,
            Function<Map<String, AttributeValue>, T> mapper) {
        if (image == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.apply(image));
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException("unreadable " + which + " image of a " + kind + " item", unreadable);
        }
    }

    private static String eventName(String eventName) {
        return eventName == null ? "none" : switch (eventName) {
            case "INSERT", "MODIFY", "REMOVE" -> eventName;
            default -> "unknown";
        };
    }
}
