package com.contoso.linkedin.ofrep;

import static com.contoso.linkedin.support.Identities.user;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;

/** OFREP requests as raw API Gateway events, and the user actions that change an answer. */
final class Ofrep {
    static final String INTEGRATION = "linkedin-integration";
    static final String CONNECTED_INFO = "linkedin-connected-info";
    static final String SHARE_WORK_DATA = "linkedin-share-work-data";
    static final String CARD_LEVEL = "linkedin-profile-card-level";

    private Ofrep() {
    }

    /** An evaluation context as JSON; null values are left out. */
    static String context(String targetingKey, String tenantId, String client, String viewerId) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("targetingKey", targetingKey);
        attributes.put("tenantId", tenantId);
        attributes.put("client", client);
        attributes.put("viewerId", viewerId);
        return attributes.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{\"context\":{", "}}"));
    }

    static LambdaEvents single(String flag, Map<String, String> caller, String body) {
        return LambdaEvents.post("/ofrep/v1/evaluate/flags/" + flag).as(caller).json(body);
    }

    static Reply evaluate(String flag, Map<String, String> caller, String body) {
        return single(flag, caller, body).send();
    }

    static LambdaEvents bulk(Map<String, String> caller, String body) {
        return LambdaEvents.post("/ofrep/v1/evaluate/flags").as(caller).json(body);
    }

    static Reply connect(String tenant, String userId, String consent) {
        return LambdaEvents.put("/tenants/" + tenant + "/users/" + userId + "/linkedin-connection")
                .as(user(tenant, userId)).json("{\"consent\":\"" + consent + "\"}").send();
    }

    static Reply disconnect(String tenant, String userId) {
        return LambdaEvents.delete("/tenants/" + tenant + "/users/" + userId + "/linkedin-connection")
                .as(user(tenant, userId)).send();
    }

    static Reply hideProfile(String tenant, String userId) {
        return LambdaEvents.put("/tenants/" + tenant + "/users/" + userId + "/linkedin-profile-visibility")
                .as(user(tenant, userId)).json("{\"visibleInMicrosoftApps\":false}").send();
    }
}
