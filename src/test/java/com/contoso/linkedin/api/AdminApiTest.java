package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.checker;
import static com.contoso.linkedin.support.Identities.directorySync;
import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.globalReader;
import static com.contoso.linkedin.support.Identities.iacWriter;
import static com.contoso.linkedin.support.Identities.newId;
import static com.contoso.linkedin.support.Identities.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The administrators' endpoints of docs/admin-api.md through the Lambda path: the preview of a
 * setting write (checked against what the write then does), the export of the one-by-one
 * selection, a user's erasure and a tenant's offboarding.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class AdminApiTest {

    private static Reply preview(String tenant, Map<String, String> caller, String body) {
        return LambdaEvents.post("/tenants/" + tenant + "/linkedin-integration/preview").as(caller).json(body).send();
    }

    private static Reply select(String tenant, String user) {
        return LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration/selected-users/" + user)
                .as(globalAdmin(tenant)).send();
    }

    private static Reply sync(String tenant, String group, List<String> users) {
        return LambdaEvents.post("/tenants/" + tenant + "/groups/" + group + "/members").as(directorySync(tenant))
                .json("{\"add\":" + users.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(",", "[", "]"))
                        + "}").send();
    }

    private static Reply export(String tenant, String query) {
        return LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration/selected-users").query(query)
                .as(globalReader(tenant)).send();
    }

    /** The batch answer for these users: their decisions, in order. */
    private static List<Map<String, Object>> decisions(String tenant, List<String> users) {
        Reply batch = LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch").as(checker())
                .json("{\"userIds\":" + users.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(",", "[", "]"))
                        + "}").send();
        assertEquals(200, batch.status(), batch::toString);
        return batch.json().getList("decisions");
    }

    private static long count(List<Map<String, Object>> decisions, String field) {
        return decisions.stream().filter(d -> Boolean.TRUE.equals(d.get(field))).count();
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> newId()).toList();
    }

    // ---- preview ---------------------------------------------------------------------------

    @Test
    void preview_beforeAWrite_countsWhatTheWriteThenDoes() {
        String group = newId();
        String otherGroup = newId();
        String tenant = Tenants.provisioned();
        List<String> members = ids(3);
        List<String> oneByOne = ids(2);
        List<String> otherMembers = ids(2);
        Tenants.setMode(tenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}");
        sync(tenant, group, members);
        sync(tenant, otherGroup, otherMembers);
        oneByOne.forEach(user -> select(tenant, user));
        UserEndpoints.connect(tenant, members.get(0), "BOTH_WAYS");
        UserEndpoints.connect(tenant, oneByOne.get(0), "LINKEDIN_TO_MICROSOFT");
        List<String> everyone = new ArrayList<>(members);
        everyone.addAll(oneByOne);
        everyone.addAll(otherMembers);

        // SELECTED(group) -> SELECTED(otherGroup): the group's members trade places with the other's.
        Reply toOther = preview(tenant, globalReader(tenant),
                "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + otherGroup + "\"}");
        List<Map<String, Object>> before = decisions(tenant, everyone);
        Tenants.setMode(tenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + otherGroup + "\"}");
        List<Map<String, Object>> after = decisions(tenant, everyone);
        assertEquals(200, toOther.status(), toOther::toString);
        assertEquals(lost(before, after), toOther.json().getLong("selectedUsersWhoLoseAccess"));
        assertEquals(lost(after, before), toOther.json().getLong("usersWhoGainAccess"));

        // Back, then SELECTED(group) -> DISABLED: every selected user loses access, both connections withdrawn.
        Tenants.setMode(tenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}");
        Reply toDisabled = preview(tenant, iacWriter(tenant), "{\"mode\":\"DISABLED\"}");
        before = decisions(tenant, everyone);
        Tenants.setMode(tenant, "{\"mode\":\"DISABLED\"}");
        after = decisions(tenant, everyone);
        Tenants.setMode(tenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}");
        List<Map<String, Object>> reenabled = decisions(tenant, everyone);
        assertEquals(lost(before, after), toDisabled.json().getLong("selectedUsersWhoLoseAccess"));
        assertEquals(5, toDisabled.json().getLong("selectedUsersWhoLoseAccess"));
        assertEquals(count(before, "connected") - count(reenabled, "connected"),
                toDisabled.json().getLong("connectedUsersWhoseConsentIsWithdrawn"));
        assertEquals(2, toDisabled.json().getLong("connectedUsersWhoseConsentIsWithdrawn"));
        assertEquals(List.of("CONSENT_WITHDRAWN_FOR_ALL", "COUNTS_MAY_OVERLAP"), toDisabled.json().getList("warnings"));
        assertEquals("DISABLED", toDisabled.json().getString("mode"));
        assertEquals("AVAILABLE", toDisabled.json().getString("availability"));
        assertTrue(toDisabled.json().getBoolean("changes"));
    }

    /** Users eligible in {@code before} and not in {@code after}. */
    private static long lost(List<Map<String, Object>> before, List<Map<String, Object>> after) {
        return IntStream.range(0, before.size())
                .filter(i -> Boolean.TRUE.equals(before.get(i).get("eligible")) && !Boolean.TRUE.equals(after.get(i).get("eligible")))
                .count();
    }

    @Test
    void preview_writesNothing_andIsRefusedAsThePutWouldBe() {
        String tenant = Tenants.provisioned();
        String china = Tenants.provisioned("CHINA", "CN", true);

        Reply preview = preview(tenant, globalAdmin(tenant), "{\"mode\":\"DISABLED\"}");
        Reply setting = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalReader(tenant)).send();

        assertEquals(200, preview.status(), preview::toString);
        assertEquals(0, preview.json().getLong("currentVersion"));
        assertEquals("ENABLED", setting.json().getString("mode"), "nothing written");
        assertEquals(409, preview(china, globalAdmin(china), "{\"mode\":\"ENABLED\"}").status());
        assertEquals("CLOUD_NOT_SUPPORTED", preview(china, globalAdmin(china), "{\"mode\":\"ENABLED\"}").json()
                .getString("reason"));
        assertEquals(400, preview(tenant, globalAdmin(tenant), "{\"mode\":\"SELECTED\"}").status());
        assertEquals(400, preview(tenant, globalAdmin(tenant), "{\"mode\":\"OFF\"}").status());
        assertEquals(412, LambdaEvents.post("/tenants/" + tenant + "/linkedin-integration/preview").as(globalAdmin(tenant))
                .header("If-Match", "\"7\"").json("{\"mode\":\"DISABLED\"}").send().status());
        String none = newId();
        Reply missing = preview(none, globalAdmin(none), "{\"mode\":\"DISABLED\"}");
        assertEquals(404, missing.status());
        assertEquals("TENANT_NOT_PROVISIONED", missing.json().getString("reason"));
        assertEquals(403, preview(tenant, directorySync(tenant), "{\"mode\":\"DISABLED\"}").status());
    }

    // ---- export ----------------------------------------------------------------------------

    @Test
    void export_pagesTheOneByOneSelection_inIdOrder() {
        String tenant = Tenants.provisioned();
        List<String> users = new ArrayList<>(ids(5));
        users.forEach(user -> select(tenant, user));
        LambdaEvents.delete("/tenants/" + tenant + "/linkedin-integration/selected-users/" + users.remove(4))
                .as(globalAdmin(tenant)).send();
        sync(tenant, newId(), ids(1)); // a member is no one-by-one selection
        users.sort(null);

        Reply first = export(tenant, "limit=3");
        Reply second = export(tenant, "limit=3&cursor=" + first.json().getString("nextCursor"));
        Reply whole = export(tenant, "");

        assertEquals(200, first.status(), first::toString);
        assertEquals(users.subList(0, 3), first.json().getList("userIds"));
        assertEquals(users.subList(3, 4), second.json().getList("userIds"));
        assertNull(second.json().getString("nextCursor"));
        assertEquals(users, whole.json().getList("userIds"));
        assertEquals(tenant, whole.json().getString("tenantId"));
        assertEquals(400, export(Tenants.provisioned(), "limit=3&cursor=" + first.json().getString("nextCursor")).status(),
                "a cursor of another tenant's list");
    }

    @Test
    void export_refusesBadLimitsAndCursors_othersThanAdminsAndReaders_andTenantsWithoutRecord() {
        String tenant = Tenants.provisioned();
        String none = newId();

        for (String query : List.of("limit=0", "limit=101", "cursor=bogus", "cursor=YVQjMDAwMTc5NTg5MjQwMDAwMCMwMDAwMDAwMQ",
                "kind=SETTING")) {
            assertEquals(400, export(tenant, query).status(), query);
        }
        assertEquals(403, LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration/selected-users")
                .as(directorySync(tenant)).send().status());
        Reply missing = LambdaEvents.get("/tenants/" + none + "/linkedin-integration/selected-users")
                .as(globalReader(none)).send();
        assertEquals(404, missing.status());
        assertEquals("TENANT_NOT_PROVISIONED", missing.json().getString("reason"));
    }

    // ---- erasure ---------------------------------------------------------------------------

    @Test
    void erasure_removesEverythingStoredAboutTheUser_andIsIdempotent() {
        String tenant = Tenants.provisioned();
        Tenants.setMode(tenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + newId() + "\"}");
        String user = newId();
        select(tenant, user);
        UserEndpoints.connect(tenant, user, "BOTH_WAYS");
        UserEndpoints.setVisibility(tenant, user, false);

        Reply erased = LambdaEvents.delete("/tenants/" + tenant + "/users/" + user).as(globalAdmin(tenant)).send();
        Reply again = LambdaEvents.delete("/tenants/" + tenant + "/users/" + user).as(directorySync(tenant)).send();

        assertEquals(204, erased.status(), erased::toString);
        assertEquals(204, again.status(), "nothing stored any more: 204 all the same");
        assertEquals("NOT_SELECTED", Checks.reason(tenant, user), "no longer selected");
        assertEquals(List.of(), export(tenant, "").json().getList("userIds"));
        List<Map<String, Object>> erasures = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration/audit")
                .query("kind=USER_ERASURE").as(globalAdmin(tenant)).send().json().getList("entries");
        assertEquals(1, erasures.size(), "audited once: the second erased nothing");
        assertEquals(user, erasures.get(0).get("userId"));
    }

    @Test
    void erasure_ofATenantWithoutRecord_is404_andForOthersThanAdminsAndSync_403() {
        String none = newId();
        String tenant = Tenants.provisioned();
        String user = newId();

        Reply missing = LambdaEvents.delete("/tenants/" + none + "/users/" + user).as(globalAdmin(none)).send();

        assertEquals(404, missing.status());
        assertEquals("TENANT_NOT_PROVISIONED", missing.json().getString("reason"));
        assertEquals(403, LambdaEvents.delete("/tenants/" + tenant + "/users/" + user)
                .as(com.contoso.linkedin.support.Identities.user(tenant, user)).send().status(), "not the user");
        assertEquals(403, LambdaEvents.delete("/tenants/" + tenant + "/users/" + user).as(globalReader(tenant)).send()
                .status());
    }

    // ---- offboarding -----------------------------------------------------------------------

    @Test
    void offboarding_ofASmallTenant_isDoneInOneCall_andTheTenantCanBeProvisionedAgain() {
        String tenant = Tenants.provisioned();
        List<String> users = ids(3);
        users.forEach(user -> select(tenant, user));

        Reply done = LambdaEvents.delete("/tenants/" + tenant).as(operator()).send();
        Reply record = LambdaEvents.get("/tenants/" + tenant).as(operator()).send();
        Reply check = Checks.eligibility(tenant, users.get(0));
        Reply again = LambdaEvents.delete("/tenants/" + tenant).as(operator()).send();
        Tenants.provision(tenant, "PUBLIC", "US", true, true);

        assertEquals(204, done.status(), done::toString);
        assertEquals(404, record.status());
        assertEquals("TENANT_NOT_PROVISIONED", check.json().getString("reason"));
        assertEquals(404, again.status(), "neither record nor offboarding: 404");
        assertEquals("TENANT_NOT_PROVISIONED", again.json().getString("reason"));
        assertEquals(List.of(), export(tenant, "").json().getList("userIds"), "provisioned again, from nothing");
        assertEquals(403, LambdaEvents.delete("/tenants/" + tenant).as(globalAdmin(tenant)).send().status(),
                "the operator's alone");
    }
}
