package com.contoso.linkedin.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.contoso.linkedin.identity.Grant.Roles;

/**
 * Verified claims as an authorizer hands them to the function: every value a string, lists as
 * "[a b]" ({@link LambdaEvents} puts them in the shape of the authorizer it stands for).
 * Delegated (user) tokens carry {@code scp}; app-only tokens do not. The any-tenant roles count
 * for apps of {@link #OPERATOR_TENANT} with a {@link #TRUSTED_CLIENT} id only
 * (application.properties, test profile).
 */
public final class Identities {
    public static final String OPERATOR_TENANT = "00000000-0000-0000-0000-0000000000aa";
    /** The operator's console app and the profile-card service, both trusted. */
    public static final String TRUSTED_CLIENT = "00000000-0000-0000-0000-0000000000c1";
    public static final String OTHER_TRUSTED_CLIENT = "00000000-0000-0000-0000-0000000000c2";
    /** The delegated scope of the API that users' tokens carry. */
    public static final String USER_SCOPE = "access_as_user";

    private Identities() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static Map<String, String> globalAdmin(String tenantId) {
        return delegated(tenantId, newId(), "[" + Roles.GLOBAL_ADMINISTRATOR + " " + newId() + "]");
    }

    public static Map<String, String> globalReader(String tenantId) {
        return delegated(tenantId, newId(), "[" + Roles.GLOBAL_READER + "]");
    }

    public static Map<String, String> user(String tenantId, String userId) {
        return delegated(tenantId, userId, null);
    }

    /** An app-only token of {@code tenantId}'s own app with one app role. */
    public static Map<String, String> app(String tenantId, String role) {
        return appOnly(tenantId, newId(), "[" + role + "]");
    }

    /** The platform operator's app: the operator tenant, a trusted client. */
    public static Map<String, String> operator() {
        return appOnly(OPERATOR_TENANT, TRUSTED_CLIENT, "[" + Roles.OPERATE_TENANTS + "]");
    }

    /** The profile-card service: the operator tenant, a trusted client. */
    public static Map<String, String> checker() {
        return appOnly(OPERATOR_TENANT, OTHER_TRUSTED_CLIENT, "[" + Roles.ELIGIBILITY_CHECK + "]");
    }

    public static Map<String, String> iacWriter(String tenantId) {
        return app(tenantId, Roles.INTEGRATION_READ_WRITE);
    }

    public static Map<String, String> directorySync(String tenantId) {
        return app(tenantId, Roles.DIRECTORY_SYNC);
    }

    /** A signed-in user's token ({@code scp}), with any raw wids text (null leaves it out). */
    public static Map<String, String> delegated(String tid, String oid, String wids) {
        Map<String, String> claims = base(tid, oid, newId());
        claims.put("scp", USER_SCOPE);
        if (wids != null) {
            claims.put("wids", wids);
        }
        return claims;
    }

    /** An app's own token (no {@code scp}) of client {@code azp}, with any raw roles text. */
    public static Map<String, String> appOnly(String tid, String azp, String roles) {
        Map<String, String> claims = base(tid, newId(), azp);
        claims.put("idtyp", "app");
        if (roles != null) {
            claims.put("roles", roles);
        }
        return claims;
    }

    /** Claims with any tid, oid and raw wids/roles text (null leaves the claim out), and no scp. */
    public static Map<String, String> claims(String tid, String oid, String wids, String roles) {
        Map<String, String> claims = base(tid, oid, newId());
        if (wids != null) {
            claims.put("wids", wids);
        }
        if (roles != null) {
            claims.put("roles", roles);
        }
        return claims;
    }

    private static Map<String, String> base(String tid, String oid, String azp) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("iss", "https://login.microsoftonline.com/" + tid + "/v2.0");
        claims.put("ver", "2.0");
        claims.put("tid", tid);
        claims.put("oid", oid);
        claims.put("azp", azp);
        return claims;
    }
}
