package com.contoso.linkedin.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.contoso.linkedin.identity.Caller.Kind;
import com.contoso.linkedin.identity.Grant.Roles;

/** SPEC section 5's rules on verified claims, without anything started. */
class ClaimsTest {
    private static final String TENANT = "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b";
    private static final String USER = "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";
    private static final String OPERATOR_TENANT = "00000000-0000-0000-0000-0000000000aa";
    private static final String TRUSTED = "00000000-0000-0000-0000-0000000000c1";
    private static final OperatorTrust TRUST = new OperatorTrust(Optional.of(OPERATOR_TENANT), Set.of(TRUSTED));

    @ParameterizedTest(name = "scp={0} idtyp={1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "-, -, APP_ONLY", "-, app, APP_ONLY", "-, APP, APP_ONLY", "access_as_user, -, DELEGATED",
            "access_as_user, user, DELEGATED", "'a b', -, DELEGATED", "access_as_user, app, UNKNOWN", "-, user, UNKNOWN",
            "'', -, UNKNOWN", "'', app, UNKNOWN", "' ', -, UNKNOWN", "[], -, UNKNOWN",
            "access_as_user, device, UNKNOWN" })
    void tokenKind_followsScp_andIdtypMustAgree(String scp, String idtyp, Kind expected) {
        Map<String, String> claims = claims(TENANT, USER);
        put(claims, "scp", scp);
        put(claims, "idtyp", idtyp);

        assertEquals(expected, Claims.toCaller(claims, TRUST).kind());
    }

    @Test
    void appRoles_countOnlyOnAppOnlyTokens() {
        Map<String, String> user = claims(TENANT, USER);
        user.put("scp", "access_as_user");
        user.put("roles", "[" + Roles.INTEGRATION_READ_WRITE + "]");
        Map<String, String> app = claims(TENANT, USER);
        app.put("roles", Roles.INTEGRATION_READ_WRITE);

        assertFalse(Grant.SETTING_WRITER_APP.admits(Claims.toCaller(user, TRUST), TENANT, null));
        assertTrue(Grant.SETTING_WRITER_APP.admits(Claims.toCaller(app, TRUST), TENANT, null));
    }

    @Test
    void directoryRolesAndTheUser_countOnlyOnDelegatedTokens() {
        Map<String, String> app = claims(TENANT, USER);
        app.put("wids", Roles.GLOBAL_ADMINISTRATOR);
        Map<String, String> user = new HashMap<>(app);
        user.put("scp", "access_as_user");

        Caller appCaller = Claims.toCaller(app, TRUST);
        Caller userCaller = Claims.toCaller(user, TRUST);

        assertFalse(Grant.GLOBAL_ADMIN.admits(appCaller, TENANT, null));
        assertFalse(Grant.THE_USER.admits(appCaller, TENANT, USER));
        assertTrue(Grant.GLOBAL_ADMIN.admits(userCaller, TENANT, null));
        assertTrue(Grant.THE_USER.admits(userCaller, TENANT, USER));
    }

    @ParameterizedTest(name = "tid={0} client={1} -> {2}")
    @CsvSource({
            OPERATOR_TENANT + ", " + TRUSTED + ", true",
            OPERATOR_TENANT + ", 00000000-0000-0000-0000-0000000000c9, false",
            TENANT + ", " + TRUSTED + ", false" })
    void anyTenantRoles_needTheOperatorTenant_andATrustedClient(String tid, String client, boolean admitted) {
        Map<String, String> app = claims(tid, USER);
        app.put("azp", client);
        app.put("roles", Roles.ELIGIBILITY_CHECK + " " + Roles.OPERATE_TENANTS);

        Caller caller = Claims.toCaller(app, TRUST);

        assertEquals(admitted, Grant.ELIGIBILITY_CHECKER_APP.admits(caller, TENANT, USER));
        assertEquals(admitted, Grant.OPERATOR.admits(caller, TENANT, null));
    }

    @Test
    void anyTenantRoles_grantNothing_whenNoOperatorIsConfigured() {
        Map<String, String> app = claims(OPERATOR_TENANT, USER);
        app.put("azp", TRUSTED);
        app.put("roles", Roles.OPERATE_TENANTS);

        assertFalse(Grant.OPERATOR.admits(Claims.toCaller(app, OperatorTrust.NOBODY), TENANT, null));
        assertFalse(Grant.OPERATOR.admits(Claims.toCaller(app,
                new OperatorTrust(Optional.of(OPERATOR_TENANT), Set.of())), TENANT, null));
    }

    @Test
    void clientAppId_isAzp_elseAppid_comparedWithoutCase() {
        Map<String, String> app = claims(OPERATOR_TENANT.toUpperCase(), USER);
        app.put("appid", TRUSTED.toUpperCase());
        app.put("roles", "[\"" + Roles.OPERATE_TENANTS + "\"]");

        Caller caller = Claims.toCaller(app, TRUST);

        assertEquals(Optional.of(TRUSTED), caller.clientAppId());
        assertTrue(caller.operatorApp());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "oid, <script>alert(1)</script>", "oid, admin", "tid, contoso.onmicrosoft.com", "azp, app-1",
            "appid, 00000000-0000-0000-0000-0000000000c1x" })
    void anIdClaimThatIsNoGuid_grantsNothing_andIsNotKept(String claim, String value) {
        Map<String, String> admin = claims(TENANT, USER);
        admin.put("scp", "access_as_user");
        admin.put("wids", Roles.GLOBAL_ADMINISTRATOR);
        admin.put(claim, value);

        Caller caller = Claims.toCaller(admin, TRUST);

        assertEquals(Kind.UNKNOWN, caller.kind());
        assertFalse(Grant.GLOBAL_ADMIN.admits(caller, TENANT, null));
        assertFalse(caller.auditName().contains(value), "a malformed id is never what the audit records");
    }

    @Test
    void lists_areReadInEveryShape() {
        assertEquals(Set.of("a", "b"), Claims.list("[a b]"));
        assertEquals(Set.of("a", "b"), Claims.list("a b"));
        assertEquals(Set.of("a", "b"), Claims.list("[\"a\",\"b\"]"));
        assertEquals(Set.of("a"), Claims.list("a"));
        assertEquals(Set.of(), Claims.list("[]"));
    }

    private static Map<String, String> claims(String tid, String oid) {
        Map<String, String> claims = new HashMap<>();
        claims.put("tid", tid);
        claims.put("oid", oid);
        return claims;
    }

    private static void put(Map<String, String> claims, String name, String value) {
        if (value != null) {
            claims.put(name, value);
        }
    }
}
