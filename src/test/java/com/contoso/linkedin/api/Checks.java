package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.checker;

import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;

/** The eligibility question as the profile-card service asks it. */
final class Checks {
    private Checks() {
    }

    static Reply eligibility(String tenant, String user) {
        return LambdaEvents.get("/tenants/" + tenant + "/users/" + user + "/linkedin-eligibility").as(checker()).send();
    }

    static Reply eligibility(String tenant, String user, String client) {
        return LambdaEvents.get("/tenants/" + tenant + "/users/" + user + "/linkedin-eligibility")
                .query("client=" + client).as(checker()).send();
    }

    static String reason(String tenant, String user) {
        return eligibility(tenant, user).json().getString("reason");
    }
}
