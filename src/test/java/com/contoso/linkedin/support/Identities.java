package com.contoso.linkedin.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.contoso.linkedin.identity.Grant.Roles;

/**
 * Authorizer claims as the HTTP API hands them to the function: every value a string, arrays
 * flattened to "[a b]".
 */
public final class Identities {
    private Identities() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static Map<String, String> globalAdmin(String tenantId) {
        return claims(tenantId, newId(), "[" + Roles.GLOBAL_ADMINISTRATOR + " " + newId() + "]", null);
    }

    public static Map<String, String> globalReader(String tenantId) {
        return claims(tenantId, newId(), "[" + Roles.GLOBAL_READER + "]", null);
    }

    public static Map<String, String> user(String tenantId, String userId) {
        return claims(tenantId, userId, null, null);
    }

    public static Map<String, String> app(String tenantId, String role) {
        return claims(tenantId, newId(), null, "[" + role + "]");
    }

    public static Map<String, String> operator() {
        return app(newId(), Roles.OPERATE_TENANTS);
    }

    public static Map<String, String> checker() {
        return app(newId(), Roles.ELIGIBILITY_CHECK);
    }

    public static Map<String, String> iacWriter(String tenantId) {
        return app(tenantId, Roles.INTEGRATION_READ_WRITE);
    }

    public static Map<String, String> directorySync(String tenantId) {
        return app(tenantId, Roles.DIRECTORY_SYNC);
    }

    /** Claims with any tid, oid and any raw wids/roles text (null leaves the claim out). */
    public static Map<String, String> claims(String tid, String oid, String wids, String roles) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("iss", "https://login.microsoftonline.com/" + tid + "/v2.0");
        claims.put("tid", tid);
        claims.put("oid", oid);
        if (wids != null) {
            claims.put("wids", wids);
        }
        if (roles != null) {
            claims.put("roles", roles);
        }
        return claims;
    }
}
