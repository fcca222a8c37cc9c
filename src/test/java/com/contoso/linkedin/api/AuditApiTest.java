package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.directorySync;
import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.globalReader;
import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The change history of docs/admin-api.md through the Lambda path: every kind of change with its
 * own fields, filters by kind and time, and the setting's ETag moving with a record change that
 * changes what the setting shows.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class AuditApiTest {

    private static String path(String tenant) {
        return "/tenants/" + tenant + "/linkedin-integration/audit";
    }

    private static Reply audit(String tenant, String query) {
        return LambdaEvents.get(path(tenant)).query(query).as(globalReader(tenant)).send();
    }

    /** A tenant with one change of each kind but offboarding, each a moment after the one before. */
    private static String tenantWithEveryKindOfChange(String user, String group) throws InterruptedException {
        String tenant = Tenants.provisioned();
        for (LambdaEvents change : List.of(
                LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                        .json("{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\",\"changeReason\":\"pilot\"}"),
                LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration/selected-users/" + user).as(globalAdmin(tenant)),
                LambdaEvents.post("/tenants/" + tenant + "/groups/" + group + "/members").as(directorySync(tenant))
                        .json("{\"add\":[\"" + user + "\"]}"),
                LambdaEvents.delete("/tenants/" + tenant + "/users/" + user).as(directorySync(tenant)))) {
            Thread.sleep(2); // entries a millisecond apart order by time, whichever instance wrote them
            Reply reply = change.send();
            assertTrue(reply.status() < 300, reply::toString);
        }
        return tenant;
    }

    @Test
    void audit_showsEveryKindOfChange_newestFirst_eachWithItsOwnFields() throws InterruptedException {
        String user = newId();
        String group = newId();
        String tenant = tenantWithEveryKindOfChange(user, group);

        Reply reply = audit(tenant, "");

        assertEquals(200, reply.status(), reply::toString);
        List<Map<String, Object>> entries = reply.json().getList("entries");
        assertEquals(List.of("USER_ERASURE", "GROUP_MEMBERS", "SELECTION", "SETTING", "TENANT_RECORD"),
                entries.stream().map(e -> e.get("kind")).toList());
        assertEquals(Map.of("userId", user), fields(entries.get(0)));
        assertEquals(Map.of("groupId", group, "added", List.of(user), "removed", List.of()), fields(entries.get(1)));
        assertEquals(Map.of("userId", user, "selected", true), fields(entries.get(2)));
        assertEquals(Map.of("version", 1, "before", Map.of("mode", "ENABLED"),
                "after", Map.of("mode", "SELECTED", "selectedGroupId", group)), fields(entries.get(3)));
        assertEquals("pilot", entries.get(3).get("changeReason"));
        assertEquals(Map.of("recordAfter", Map.of("cloud", "PUBLIC", "countryCode", "US", "rolledOut", true,
                "usersCanConsentToApps", true)), fields(entries.get(4)));
        for (Map<String, Object> entry : entries) {
            assertTrue(String.valueOf(entry.get("requestId")).startsWith("req-"), entry::toString);
            assertTrue(entry.containsKey("changeReason"), "every entry says changeReason, null where there is none");
        }
        assertTrue(String.valueOf(entries.get(4).get("who")).matches("[0-9a-f-]{36}"), "the operator app's object id");
    }

    @Test
    void audit_filtersByKindsAndTime_andPagesAFilter() throws InterruptedException {
        String user = newId();
        String tenant = tenantWithEveryKindOfChange(user, newId());
        List<Map<String, Object>> all = audit(tenant, "").json().getList("entries");
        String selectionAt = String.valueOf(all.get(2).get("when"));
        String erasureAt = String.valueOf(all.get(0).get("when"));

        Reply two = audit(tenant, "kind=SELECTION,USER_ERASURE");
        Reply window = audit(tenant, "since=" + selectionAt + "&until=" + erasureAt);
        Reply first = audit(tenant, "kind=SETTING,SELECTION,GROUP_MEMBERS&limit=2");
        Reply second = audit(tenant, "kind=SETTING,SELECTION,GROUP_MEMBERS&limit=2&cursor="
                + first.json().getString("nextCursor"));

        assertEquals(List.of("USER_ERASURE", "SELECTION"), two.json().getList("entries.kind"));
        assertEquals(List.of("GROUP_MEMBERS", "SELECTION"), window.json().getList("entries.kind"),
                "since inclusive, until exclusive");
        assertEquals(List.of("GROUP_MEMBERS", "SELECTION"), first.json().getList("entries.kind"));
        assertEquals(List.of("SETTING"), second.json().getList("entries.kind"));
        assertNull(second.json().getString("nextCursor"));
        assertEquals(List.of(), audit(tenant, "kind=TENANT_OFFBOARDING").json().getList("entries"));
        assertEquals(List.of(), audit(tenant, "since=" + Instant.now().plusSeconds(60)).json().getList("entries"));
        String cursor = first.json().getString("nextCursor");
        assertEquals(400, audit(tenant, "kind=SETTING&limit=2&cursor=" + cursor).status(), "another filter's list");
        assertEquals(400, audit(Tenants.provisioned(), "kind=SETTING,SELECTION,GROUP_MEMBERS&limit=2&cursor=" + cursor)
                .status(), "another tenant's list");
    }

    @Test
    void audit_refusesUnknownKinds_badInstants_anEmptyRange_andCursorsOfAnotherList() {
        String tenant = Tenants.provisioned();
        String exportCursor = "dTBiMWMyZDNlLTRmNWEtNGI3Yy04ZDllLTBmMWEyYjNjNGQ1ZQ"; // an export's, not the audit's

        for (String query : List.of("kind=SETTINGS", "kind=", "kind=SETTING,,SELECTION", "since=yesterday",
                "until=2026-11-27", "since=2026-11-27T19:00:00Z&until=2026-11-27T19:00:00Z", "cursor=" + exportCursor,
                "kind=SETTING&kind=SELECTION")) {
            Reply reply = audit(tenant, query);
            assertEquals(400, reply.status(), () -> query + ": " + reply);
            assertEquals("application/problem+json", reply.header("content-type"));
            assertFalse(reply.body().contains("SETTINGS") || reply.body().contains("yesterday"), "nothing echoed");
        }
    }

    @Test
    void aRecordChange_thatChangesWhatTheSettingShows_movesItsETag() {
        String tenant = Tenants.provisioned("PUBLIC", "US", true);
        var before = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalReader(tenant)).send();

        Tenants.provision(tenant, "PUBLIC", "DE", true, true);
        var after = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalReader(tenant)).send();
        var stale = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .header("If-Match", "\"0\"").json("{\"mode\":\"ENABLED\"}").send();
        Tenants.provision(tenant, "PUBLIC", "DE", true, false); // not part of what the setting shows
        var unmoved = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalReader(tenant)).send();

        assertEquals("\"0\"", before.header("ETag"));
        assertEquals("ENABLED", before.json().getString("mode"));
        assertEquals("\"1\"", after.header("ETag"));
        assertEquals(0, after.json().getInt("version"), "SPEC 3: a setting never written is at version 0");
        assertEquals("DISABLED", after.json().getString("mode"));
        assertTrue(after.json().getBoolean("isDefault"), "still the country's default: no admin wrote it");
        assertNull(after.json().getString("updatedBy"));
        assertEquals(412, stale.status(), "a write based on the representation before is stale");
        assertEquals("\"1\"", stale.header("ETag"));
        assertTrue(stale.json().getString("detail").endsWith("its current ETag is \"1\""),
                "the detail names what the client can compare (the ETag), not a version GET does not show");
        assertEquals("\"1\"", unmoved.header("ETag"));
    }

    @Test
    void aRecordChange_afterAWrite_movesTheETag_butNotTheVersion_whichCountsWrites() {
        // SPEC 3: settingVersion is the setting's version; a rollout is no write of the setting.
        String tenant = Tenants.provisioned("PUBLIC", "US", false);
        var first = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .json("{\"mode\":\"ENABLED\"}").send();
        Tenants.provision(tenant, "PUBLIC", "US", true, true); // rolled out: availability changes
        var rolledOut = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalReader(tenant)).send();
        var check = Checks.eligibility(tenant, newId());
        var second = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .header("If-Match", rolledOut.header("ETag")).json("{\"mode\":\"DISABLED\"}").send();

        assertEquals(1, first.json().getInt("version"));
        assertEquals(1, rolledOut.json().getInt("version"), "a record change is no write of the setting");
        assertEquals("AVAILABLE", rolledOut.json().getString("availability"));
        assertFalse(first.header("ETag").equals(rolledOut.header("ETag")), "what GET shows changed: so does its ETag");
        assertEquals(1, check.json().getInt("settingVersion"));
        assertEquals(200, second.status(), second::toString);
        assertEquals(2, second.json().getInt("version"));
        assertEquals(List.of(2, 1), LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration/audit")
                .query("kind=SETTING").as(globalReader(tenant)).send().json().getList("entries.version", Integer.class));
    }

    /** The kind's own fields: the entry without the common ones, nulls left out. */
    private static Map<String, Object> fields(Map<String, Object> entry) {
        Map<String, Object> own = new java.util.HashMap<>(entry);
        List.of("kind", "who", "when", "changeReason", "requestId").forEach(own::remove);
        own.values().removeIf(java.util.Objects::isNull);
        own.replaceAll((name, value) -> value instanceof Map<?, ?> map ? withoutNulls(map) : value);
        return own;
    }

    private static Map<Object, Object> withoutNulls(Map<?, ?> map) {
        Map<Object, Object> copy = new java.util.HashMap<>(map);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
