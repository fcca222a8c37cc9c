package com.contoso.linkedin.devlocal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.identity.UnverifiedBearerClaims;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The local identity shortcut of SPEC section 5: the payload of an unverified bearer JWT is taken
 * as the authorizer's claims, flattened the way the HTTP API flattens them. Exists only in the dev
 * and test build profiles; this package is left out of function.zip.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class DevBearerClaims implements UnverifiedBearerClaims {

    private final ObjectMapper json;

    public DevBearerClaims(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<Map<String, String>> fromAuthorizationHeader(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode payload = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (!payload.isObject()) {
                return Optional.empty();
            }
            Map<String, String> claims = new LinkedHashMap<>();
            // A claim that is null is no claim (its text would be the word "null": an scp, say).
            payload.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    claims.put(field.getKey(), flatten(field.getValue()));
                }
            });
            return claims.isEmpty() ? Optional.empty() : Optional.of(claims);
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }

    /** As the HTTP API does: arrays become "[a b]", everything else its text. */
    private static String flatten(JsonNode value) {
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining(" ", "[", "]"));
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
