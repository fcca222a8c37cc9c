package com.contoso.linkedin.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.contoso.linkedin.support.LambdaEvents.Reply;

/** Provisions tenants through the operator's endpoint, as the platform does. */
public final class Tenants {
    private Tenants() {
    }

    public static String provisioned() {
        return provisioned("PUBLIC", "US", true);
    }

    public static String provisioned(String cloud, String country, boolean rolledOut) {
        String tenantId = Identities.newId();
        provision(tenantId, cloud, country, rolledOut, true);
        return tenantId;
    }

    public static void provision(String tenantId, String cloud, String country, boolean rolledOut,
            boolean usersCanConsent) {
        Reply reply = LambdaEvents.put("/tenants/" + tenantId).as(Identities.operator())
                .json("""
                        {"cloud":"%s","countryCode":"%s","rolledOut":%s,"usersCanConsentToApps":%s}"""
                        .formatted(cloud, country, rolledOut, usersCanConsent))
                .send();
        assertTrue(reply.status() == 200 || reply.status() == 201, () -> "provisioning failed: " + reply);
    }

    public static Reply setMode(String tenantId, String body) {
        return setModeAs(tenantId, Identities.globalAdmin(tenantId), body);
    }

    public static Reply setModeAs(String tenantId, java.util.Map<String, String> caller, String body) {
        return LambdaEvents.put("/tenants/" + tenantId + "/linkedin-integration").as(caller).json(body).send();
    }
}
