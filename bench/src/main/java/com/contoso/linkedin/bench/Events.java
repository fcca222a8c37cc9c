package com.contoso.linkedin.bench;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * API Gateway HTTP API (payload 2.0) events with the caller as the function set's Lambda
 * authorizer hands it on, as in AWS. The profile-card service and the operator are apps of the
 * operator tenant with a trusted client id ({@link Bench#env}).
 */
final class Events {
    static final String CHECKER_ROLE = "LinkedInEligibility.Check";
    static final String OPERATOR_ROLE = "Tenants.Operate";
    static final String OPERATOR_TENANT = "00000000-0000-0000-0000-0000000000aa";
    static final String TRUSTED_CLIENT = "00000000-0000-0000-0000-0000000000c1";

    private Events() {
    }

    static String eligibility(String tenant, String user) {
        return event("GET", "/tenants/" + tenant + "/users/" + user + "/linkedin-eligibility", app(CHECKER_ROLE), null);
    }

    static String batch(String tenant, List<String> users) {
        return event("POST", "/tenants/" + tenant + "/linkedin-eligibility/batch", app(CHECKER_ROLE),
                "{\"userIds\":" + ids(users) + "}");
    }

    static String profileCards(String tenant, String viewer, List<String> subjects) {
        return event("POST", "/tenants/" + tenant + "/profile-cards/linkedin", app(CHECKER_ROLE),
                "{\"viewerId\":\"" + viewer + "\",\"subjectIds\":" + ids(subjects) + "}");
    }

    /** The setting as a Global Reader reads it: a route of the HTTP layer (R5h). */
    static String setting(String tenant) {
        return event("GET", "/tenants/" + tenant + "/linkedin-integration", "\"tid\":\"" + tenant + "\",\"oid\":\""
                + UUID.randomUUID() + "\",\"scp\":\"access_as_user\",\"wids\":\"f2ef992c-3afb-46b9-b7cf-a126ee74c451\"",
                null);
    }

    static String provision(String tenant) {
        return event("PUT", "/tenants/" + tenant, app(OPERATOR_ROLE),
                "{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":true,\"usersCanConsentToApps\":true}");
    }

    static String connect(String tenant, String user) {
        return event("PUT", "/tenants/" + tenant + "/users/" + user + "/linkedin-connection",
                "\"tid\":\"" + tenant + "\",\"oid\":\"" + user + "\",\"scp\":\"access_as_user\"",
                "{\"consent\":\"BOTH_WAYS\"}");
    }

    private static String app(String role) {
        return "\"tid\":\"" + OPERATOR_TENANT + "\",\"oid\":\"" + UUID.randomUUID() + "\",\"azp\":\"" + TRUSTED_CLIENT
                + "\",\"idtyp\":\"app\",\"roles\":\"" + role + "\"";
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String event(String method, String path, String claims, String body) {
        String json = body == null ? "" : ",\"body\":\"" + body.replace("\"", "\\\"") + "\"";
        return "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\"\","
                + "\"headers\":{\"host\":\"api.example.com\",\"content-type\":\"application/json\"},"
                + "\"requestContext\":{\"accountId\":\"123456789012\",\"apiId\":\"bench\",\"domainName\":\"api.example.com\","
                + "\"requestId\":\"" + UUID.randomUUID() + "\",\"routeKey\":\"$default\",\"stage\":\"$default\","
                + "\"timeEpoch\":1795892400000,\"http\":{\"method\":\"" + method + "\",\"path\":\"" + path
                + "\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"192.0.2.10\",\"userAgent\":\"bench\"},"
                + "\"authorizer\":{\"lambda\":{" + claims + "}}},"
                + "\"isBase64Encoded\":false" + json + "}";
    }
}
