package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.globalReader;
import static com.contoso.linkedin.support.Identities.iacWriter;
import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class SettingApiTest {

    private static String path(String tenant) {
        return "/tenants/" + tenant + "/linkedin-integration";
    }

    private static Reply read(String tenant) {
        return LambdaEvents.get(path(tenant)).as(globalReader(tenant)).send();
    }

    private static Reply write(String tenant, Map<String, String> caller, String body, String ifMatch) {
        LambdaEvents event = LambdaEvents.put(path(tenant)).as(caller).json(body);
        if (ifMatch != null) {
            event.header("If-Match", ifMatch);
        }
        return event.send();
    }

    /** The setting's audit entries (the record's own left out). */
    private static List<Map<String, Object>> audit(String tenant) {
        return LambdaEvents.get(path(tenant) + "/audit").query("kind=SETTING").as(globalAdmin(tenant)).send().json()
                .getList("entries");
    }

    @Test
    void neverWrittenSetting_isTheCountryDefault_version0() {
        String us = Tenants.provisioned("PUBLIC", "US", true);
        String de = Tenants.provisioned("PUBLIC", "DE", true);
        String fr = Tenants.provisioned("PUBLIC", "FR", true);

        var usSetting = read(us);
        assertEquals(200, usSetting.status());
        assertEquals("ENABLED", usSetting.json().getString("mode"));
        assertTrue(usSetting.json().getBoolean("isDefault"));
        assertEquals(0, usSetting.json().getLong("version"));
        assertEquals("\"0\"", usSetting.header("ETag"));
        assertEquals("AVAILABLE", usSetting.json().getString("availability"));
        assertEquals("DISABLED", read(de).json().getString("mode"));
        assertEquals("DISABLED", read(fr).json().getString("mode"));
    }

    @Test
    void availability_namesWhatKeepsTheFeatureAway() {
        assertEquals("CLOUD_NOT_SUPPORTED",
                read(Tenants.provisioned("US_GOVERNMENT", "US", true)).json().getString("availability"));
        assertEquals("NOT_ROLLED_OUT", read(Tenants.provisioned("PUBLIC", "US", false)).json().getString("availability"));
    }

    @Test
    void put_answersTheSettingAsGetShowsIt_withANewVersionAndETag() {
        String tenant = Tenants.provisioned();
        String group = newId();
        Map<String, String> admin = globalAdmin(tenant);

        var written = write(tenant, admin, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}", "\"0\"");

        assertEquals(200, written.status(), written::toString);
        assertEquals("\"1\"", written.header("ETag"));
        var readBack = read(tenant);
        assertEquals(written.json().getMap(""), readBack.json().getMap(""));
        assertEquals("SELECTED", readBack.json().getString("mode"));
        assertEquals(group, readBack.json().getString("selectedGroupId"));
        assertFalse(readBack.json().getBoolean("isDefault"));
        assertEquals(1, readBack.json().getLong("version"));
        assertEquals(admin.get("oid"), readBack.json().getString("updatedBy"));
        assertNotNull(readBack.json().getString("updatedAt"));
    }

    @Test
    void put_withStaleIfMatch_is412_andChangesNothing() {
        String tenant = Tenants.provisioned();
        write(tenant, globalAdmin(tenant), "{\"mode\":\"DISABLED\"}", null);

        var stale = write(tenant, globalAdmin(tenant), "{\"mode\":\"ENABLED\"}", "\"0\"");

        assertEquals(412, stale.status(), stale::toString);
        assertEquals("application/problem+json", stale.header("content-type"));
        assertEquals("DISABLED", read(tenant).json().getString("mode"));
        assertEquals(1, audit(tenant).size());
    }

    @Test
    void put_withWeakOrWildcardIfMatch_followsRfc9110() {
        String tenant = Tenants.provisioned();

        assertEquals(412, write(tenant, globalAdmin(tenant), "{\"mode\":\"DISABLED\"}", "W/\"0\"").status());
        assertEquals(200, write(tenant, globalAdmin(tenant), "{\"mode\":\"DISABLED\"}", "*").status());
        assertEquals(200, write(tenant, globalAdmin(tenant), "{\"mode\":\"ENABLED\"}", "\"7\", \"1\"").status());
        assertEquals(200, write(tenant, globalAdmin(tenant), "{\"mode\":\"DISABLED\"}", "2").status(),
                "a bare version, quotes stripped by the client");
        assertEquals(400, write(tenant, globalAdmin(tenant), "{\"mode\":\"ENABLED\"}", "garbage").status());
        assertEquals(412, write(tenant, globalAdmin(tenant), "{\"mode\":\"ENABLED\"}", "\"03\"").status(),
                "entity tags compare as strings: \"03\" is not the current \"3\"");
    }

    @Test
    void put_refusesAModeNotSpelledExactly_andChangesNothing() {
        String tenant = Tenants.provisioned();

        for (String mode : new String[] { " DISABLED", "DISABLED ", "DISABLED\\n", "\\tDISABLED", "DISABLED\\u0000",
                "\\u0000DISABLED", "\\u00a0DISABLED", "disabled", "2" }) {
            var refused = write(tenant, globalAdmin(tenant), "{\"mode\":\"" + mode + "\"}", null);
            assertEquals(400, refused.status(), refused::toString);
            assertEquals("Field 'mode' must be one of ENABLED, SELECTED, DISABLED", refused.json().getString("detail"));
        }
        var twice = write(tenant, globalAdmin(tenant), "{\"mode\":\"DISABLED\",\"mode\":\"DISABLED\"}", null);
        assertEquals(400, twice.status(), twice::toString);
        assertEquals("A field appears more than once in the body", twice.json().getString("detail"));
        assertEquals(0, read(tenant).json().getLong("version"));
    }

    @Test
    void put_sameStateAgain_is200_withNoNewVersionAndNoAuditEntry() {
        String tenant = Tenants.provisioned();
        var first = write(tenant, iacWriter(tenant), "{\"mode\":\"DISABLED\",\"changeReason\":\"pipeline\"}", null);

        var again = write(tenant, iacWriter(tenant), "{\"mode\":\"DISABLED\",\"changeReason\":\"pipeline\"}",
                first.header("ETag"));

        assertEquals(200, again.status());
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(1, again.json().getLong("version"));
        assertEquals(1, audit(tenant).size());
    }

    @Test
    void audit_holdsEachChangeOnce_newestFirst_withWhoWhenBeforeAfterReasonAndRequestId() {
        String tenant = Tenants.provisioned();
        Map<String, String> admin = globalAdmin(tenant);
        String group = newId();
        write(tenant, admin, "{\"mode\":\"DISABLED\",\"changeReason\":\"legal review\"}", null);
        write(tenant, admin, "{\"mode\":\"DISABLED\"}", null);
        write(tenant, admin, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}", null);

        List<Map<String, Object>> entries = audit(tenant);

        assertEquals(2, entries.size());
        Map<String, Object> newest = entries.get(0);
        assertEquals(2, ((Number) newest.get("version")).intValue());
        assertEquals(Map.of("mode", "DISABLED"), withoutNulls(newest.get("before")));
        assertEquals(Map.of("mode", "SELECTED", "selectedGroupId", group), withoutNulls(newest.get("after")));
        Map<String, Object> oldest = entries.get(1);
        assertEquals(Map.of("mode", "ENABLED"), withoutNulls(oldest.get("before")));
        assertEquals("legal review", oldest.get("changeReason"));
        assertEquals(admin.get("oid"), oldest.get("who"));
        assertNotNull(oldest.get("when"));
        assertTrue(String.valueOf(oldest.get("requestId")).startsWith("req-"), "API Gateway's request id");
        assertEquals(newest.get("when"), read(tenant).json().getString("updatedAt"), "one change, one time");
    }

    @Test
    void audit_isPaged_withAnOpaqueCursor() {
        String tenant = Tenants.provisioned();
        for (String mode : List.of("DISABLED", "ENABLED", "DISABLED", "ENABLED", "DISABLED")) {
            write(tenant, globalAdmin(tenant), "{\"mode\":\"" + mode + "\"}", null);
        }

        var first = LambdaEvents.get(path(tenant) + "/audit").query("kind=SETTING&limit=2").as(globalReader(tenant)).send();
        String cursor = first.json().getString("nextCursor");
        var second = LambdaEvents.get(path(tenant) + "/audit").query("kind=SETTING&limit=2&cursor=" + cursor)
                .as(globalReader(tenant)).send();
        var third = LambdaEvents.get(path(tenant) + "/audit")
                .query("kind=SETTING&limit=2&cursor=" + second.json().getString("nextCursor")).as(globalReader(tenant)).send();

        assertEquals(List.of(5, 4), first.json().getList("entries.version", Integer.class));
        assertEquals(List.of(3, 2), second.json().getList("entries.version", Integer.class));
        assertEquals(List.of(1), third.json().getList("entries.version", Integer.class));
        assertNull(third.json().getString("nextCursor"));
        assertEquals(400, LambdaEvents.get(path(tenant) + "/audit").query("limit=0").as(globalReader(tenant)).send().status());
        assertEquals(400, LambdaEvents.get(path(tenant) + "/audit").query("cursor=bogus").as(globalReader(tenant)).send().status());
    }

    @Test
    void put_enablingInACloudWithoutLinkedIn_is409_butDisablingIsAllowed() {
        String tenant = Tenants.provisioned("CHINA", "CN", true);

        var enable = write(tenant, globalAdmin(tenant), "{\"mode\":\"ENABLED\"}", null);
        var disable = write(tenant, globalAdmin(tenant), "{\"mode\":\"DISABLED\"}", null);

        assertEquals(409, enable.status());
        assertEquals("CLOUD_NOT_SUPPORTED", enable.json().getString("reason"));
        assertEquals(200, disable.status());
    }

    @Test
    void put_validatesTheSelectedGroup() {
        String tenant = Tenants.provisioned();

        assertEquals(400, write(tenant, globalAdmin(tenant), "{\"mode\":\"SELECTED\"}", null).status());
        assertEquals(400, write(tenant, globalAdmin(tenant),
                "{\"mode\":\"ENABLED\",\"selectedGroupId\":\"" + newId() + "\"}", null).status());
        assertEquals(400, write(tenant, globalAdmin(tenant),
                "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"group-1\"}", null).status());
        assertEquals(0, read(tenant).json().getLong("version"));
    }

    @Test
    void roles_readersRead_adminsAndTheIacRoleWrite_othersAreRefused() {
        String tenant = Tenants.provisioned();
        String other = newId();

        assertEquals(200, LambdaEvents.get(path(tenant)).as(iacWriter(tenant)).send().status());
        assertEquals(403, write(tenant, globalReader(tenant), "{\"mode\":\"DISABLED\"}", null).status());
        assertEquals(403, write(tenant, iacWriter(other), "{\"mode\":\"DISABLED\"}", null).status());
        assertEquals(403, LambdaEvents.get(path(tenant)).as(globalAdmin(other)).send().status());
        assertEquals(403, LambdaEvents.get(path(tenant) + "/audit").as(iacWriter(tenant)).send().status());
        assertEquals(200, write(tenant, iacWriter(tenant), "{\"mode\":\"DISABLED\"}", null).status());
        assertEquals(401, LambdaEvents.get(path(tenant)).send().status());
    }

    @Test
    void endpoints_answer404_forATenantWithoutRecord() {
        String tenant = newId();

        var get = read(tenant);
        var put = write(tenant, globalAdmin(tenant), "{\"mode\":\"DISABLED\"}", null);
        var audit = LambdaEvents.get(path(tenant) + "/audit").as(globalAdmin(tenant)).send();

        for (Reply reply : List.of(get, put, audit)) {
            assertEquals(404, reply.status(), reply::toString);
            assertEquals("TENANT_NOT_PROVISIONED", reply.json().getString("reason"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutNulls(Object state) {
        Map<String, Object> copy = new java.util.HashMap<>((Map<String, Object>) state);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
