package com.contoso.linkedin.rest.ofrep;

import java.util.Optional;

import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Ids;
import com.contoso.linkedin.rest.ofrep.OfrepException.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OFREP evaluation context this function set reads: {@code targetingKey} (the user's object
 * id), {@code tenantId}, {@code client} (default {@code PROFILE_CARD}) and {@code viewerId}. Ids
 * are checked GUIDs in canonical lower case.
 *
 * <p>Other attributes are ignored, unread: an OpenFeature SDK merges the context of the whole
 * application, the client and the call, so attributes meant for other flags or providers are
 * normal and refusing them would break every evaluation of such an application.
 */
public record OfrepContext(String tenantId, String targetingKey, Client client, Optional<String> viewerId) {

    public static OfrepContext of(JsonNode context) {
        if (context == null || context.isNull() || context.isMissingNode()) {
            throw missingTargetingKey();
        }
        if (!context.isObject()) {
            throw OfrepException.invalidContext("context must be a JSON object");
        }
        JsonNode key = context.get("targetingKey");
        if (key == null || key.isNull() || key.isTextual() && key.textValue().isBlank()) {
            throw missingTargetingKey();
        }
        String targetingKey = guid(key, "targetingKey");
        JsonNode tenant = context.get("tenantId");
        if (tenant == null || tenant.isNull()) {
            throw OfrepException.invalidContext("context.tenantId (the user's directory tenant id) is required");
        }
        String tenantId = guid(tenant, "tenantId");
        JsonNode viewer = context.get("viewerId");
        Optional<String> viewerId = viewer == null || viewer.isNull() ? Optional.empty()
                : Optional.of(guid(viewer, "viewerId"));
        return new OfrepContext(tenantId, targetingKey, client(context.get("client")), viewerId);
    }

    private static OfrepException missingTargetingKey() {
        return new OfrepException(400, ErrorCode.TARGETING_KEY_MISSING,
                "context.targetingKey (the user's object id) is required");
    }

    private static String guid(JsonNode value, String name) {
        if (!value.isTextual() || !Ids.isGuid(value.textValue())) {
            throw OfrepException.invalidContext("context." + name + " must be a GUID");
        }
        return Ids.requireGuid(value.textValue(), name);
    }

    private static Client client(JsonNode value) {
        if (value == null || value.isNull()) {
            return Client.PROFILE_CARD;
        }
        if (value.isTextual()) {
            for (Client client : Client.values()) {
                if (client.name().equals(value.textValue())) {
                    return client;
                }
            }
        }
        throw OfrepException.invalidContext("context.client must be PROFILE_CARD or OFFICE_DESKTOP");
    }
}
