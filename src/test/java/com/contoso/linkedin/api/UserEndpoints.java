package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.user;

import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;

/** A user acting on their own account, through the Lambda path. */
final class UserEndpoints {
    private UserEndpoints() {
    }

    static String path(String tenant, String userId, String what) {
        return "/tenants/" + tenant + "/users/" + userId + "/" + what;
    }

    static Reply connect(String tenant, String userId, String consent) {
        return LambdaEvents.put(path(tenant, userId, "linkedin-connection")).as(user(tenant, userId))
                .json("{\"consent\":\"" + consent + "\"}").send();
    }

    static Reply disconnect(String tenant, String userId) {
        return LambdaEvents.delete(path(tenant, userId, "linkedin-connection")).as(user(tenant, userId)).send();
    }

    static Reply setVisibility(String tenant, String userId, boolean visible) {
        return LambdaEvents.put(path(tenant, userId, "linkedin-profile-visibility")).as(user(tenant, userId))
                .json("{\"visibleInMicrosoftApps\":" + visible + "}").send();
    }

    static Reply setOfficeOption(String tenant, String userId, boolean on) {
        return LambdaEvents.put(path(tenant, userId, "office-option")).as(user(tenant, userId))
                .json("{\"showLinkedInFeatures\":" + on + "}").send();
    }

    static Reply setOfficePolicy(String tenant, String userId, String policy,
            java.util.Map<String, String> caller) {
        return LambdaEvents.put(path(tenant, userId, "office-policy")).as(caller)
                .json("{\"policy\":\"" + policy + "\"}").send();
    }
}
