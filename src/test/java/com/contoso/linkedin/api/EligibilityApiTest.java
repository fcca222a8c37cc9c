package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.checker;
import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.newId;
import static com.contoso.linkedin.support.Identities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
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

@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class EligibilityApiTest {

    private static Reply batch(String tenant, Map<String, String> caller, String body) {
        return LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch").as(caller).json(body).send();
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void check_answersEveryFieldOfTheContract() {
        String tenant = Tenants.provisioned();
        String userId = newId();

        var reply = LambdaEvents.get("/tenants/" + tenant + "/users/" + userId + "/linkedin-eligibility")
                .as(user(tenant, userId)).send();

        assertEquals(200, reply.status(), reply::toString);
        var json = reply.json();
        assertEquals(tenant, json.getString("tenantId"));
        assertEquals(userId, json.getString("userId"));
        assertEquals("PROFILE_CARD", json.getString("client"));
        assertTrue(json.getBoolean("eligible"));
        assertEquals("ELIGIBLE", json.getString("reason"));
        assertTrue(json.getBoolean("showPublicLinkedInInfo"));
        assertFalse(json.getBoolean("connected"));
        assertFalse(json.getBoolean("showConnectedLinkedInInfo"));
        assertFalse(json.getBoolean("shareWorkDataWithLinkedIn"));
        assertEquals(0, json.getLong("settingVersion"));
        assertTrue(Duration.between(Instant.parse(json.getString("evaluatedAt")), Instant.now()).abs().getSeconds() < 60);
        assertEquals(30, json.getLong("maxStalenessSeconds"));
    }

    @Test
    void check_forATenantWithoutRecord_is200_TenantNotProvisioned() {
        var reply = Checks.eligibility(newId(), newId());

        assertEquals(200, reply.status());
        assertEquals("TENANT_NOT_PROVISIONED", reply.json().getString("reason"));
        assertFalse(reply.json().getBoolean("eligible"));
    }

    @Test
    void check_reportsTheTenantLevelReasons() {
        assertEquals("CLOUD_NOT_SUPPORTED", Checks.reason(Tenants.provisioned("GERMANY", "DE", true), newId()));
        assertEquals("NOT_ROLLED_OUT", Checks.reason(Tenants.provisioned("PUBLIC", "US", false), newId()));
        assertEquals("DISABLED_BY_TENANT", Checks.reason(Tenants.provisioned("PUBLIC", "FR", true), newId()));
    }

    @Test
    void check_ofARolloutByTheOperator_staysAtSettingVersion0_whileNoAdminWrites() {
        String tenant = Tenants.provisioned("PUBLIC", "US", false);
        String userId = newId();
        var before = Checks.eligibility(tenant, userId);

        Tenants.provision(tenant, "PUBLIC", "US", true, true);
        var after = Checks.eligibility(tenant, userId);

        assertEquals("NOT_ROLLED_OUT", before.json().getString("reason"));
        assertEquals("ELIGIBLE", after.json().getString("reason"));
        assertEquals(0, before.json().getLong("settingVersion"));
        assertEquals(0, after.json().getLong("settingVersion"), "SPEC 3: 0 while never written");
    }

    @Test
    void check_seesATenantSwitchToDisabledAtOnce_onTheWritingInstance() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        assertEquals("ELIGIBLE", Checks.reason(tenant, userId));

        var written = Tenants.setMode(tenant, "{\"mode\":\"DISABLED\"}");

        assertEquals(200, written.status());
        var after = Checks.eligibility(tenant, userId);
        assertEquals("DISABLED_BY_TENANT", after.json().getString("reason"));
        assertEquals(1, after.json().getLong("settingVersion"));
    }

    @Test
    void check_takesTheClientParameter_strictly() {
        String tenant = Tenants.provisioned();
        String userId = newId();

        assertEquals("OFFICE_DESKTOP", Checks.eligibility(tenant, userId, "OFFICE_DESKTOP").json().getString("client"));
        assertEquals(400, Checks.eligibility(tenant, userId, "office_desktop").status());
        assertEquals(400, Checks.eligibility(tenant, userId, "WEB").status());
        assertEquals(400, LambdaEvents.get("/tenants/" + tenant + "/users/" + userId + "/linkedin-eligibility")
                .query("client=PROFILE_CARD&client=OFFICE_DESKTOP").as(checker()).send().status());
        assertEquals(400, LambdaEvents.get("/tenants/" + tenant + "/users/" + userId + "/linkedin-eligibility")
                .query("debug=true").as(checker()).send().status());
    }

    @Test
    void check_isForTheUserAndTheCheckRole_only() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        String path = "/tenants/" + tenant + "/users/" + userId + "/linkedin-eligibility";

        assertEquals(200, LambdaEvents.get(path).as(user(tenant, userId)).send().status());
        assertEquals(200, LambdaEvents.get(path).as(checker()).send().status());
        var otherUser = LambdaEvents.get(path).as(user(tenant, newId())).send();
        assertEquals(403, otherUser.status());
        assertFalse(otherUser.body().contains(userId));
        assertEquals(403, LambdaEvents.get(path).as(user(newId(), userId)).send().status());
        assertEquals(403, LambdaEvents.get(path).as(globalAdmin(tenant)).send().status());
        assertEquals(401, LambdaEvents.get(path).send().status());
        assertEquals(400, LambdaEvents.get("/tenants/" + tenant + "/users/42/linkedin-eligibility").as(checker()).send()
                .status());
    }

    @Test
    void batch_answersOneDecisionPerId_inRequestOrder_duplicatesIncluded() {
        String group = newId();
        String tenant = Tenants.provisioned();
        Tenants.setMode(tenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}");
        String member = newId();
        String outsider = newId();
        LambdaEvents.post("/tenants/" + tenant + "/groups/" + group + "/members").as(globalAdmin(tenant))
                .json("{\"add\":[\"" + member + "\"]}").send();

        var reply = batch(tenant, checker(), "{\"userIds\":" + ids(List.of(outsider, member, outsider)) + "}");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(List.of(outsider, member, outsider), reply.json().getList("decisions.userId"));
        assertEquals(List.of("NOT_SELECTED", "ELIGIBLE", "NOT_SELECTED"), reply.json().getList("decisions.reason"));
        assertEquals(List.of("PROFILE_CARD", "PROFILE_CARD", "PROFILE_CARD"), reply.json().getList("decisions.client"));
    }

    @Test
    void batch_takesAHundredIds_andRefusesMoreOrNone() {
        String tenant = Tenants.provisioned();
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> newId()).toList();
        List<String> hundredAndOne = IntStream.range(0, 101).mapToObj(i -> newId()).toList();

        var ok = batch(tenant, checker(), "{\"client\":\"OFFICE_DESKTOP\",\"userIds\":" + ids(hundred) + "}");
        var tooMany = batch(tenant, checker(), "{\"userIds\":" + ids(hundredAndOne) + "}");
        var none = batch(tenant, checker(), "{\"userIds\":[]}");

        assertEquals(200, ok.status());
        assertEquals(hundred, ok.json().getList("decisions.userId"));
        assertEquals(400, tooMany.status());
        assertEquals("application/problem+json", tooMany.header("content-type"));
        assertEquals(400, none.status());
    }

    @Test
    void batch_isForTheCheckRoleOnly() {
        String tenant = Tenants.provisioned();
        String userId = newId();

        assertEquals(403, batch(tenant, user(tenant, userId), "{\"userIds\":[\"" + userId + "\"]}").status());
        assertEquals(403, batch(tenant, globalAdmin(tenant), "{\"userIds\":[\"" + userId + "\"]}").status());
        assertEquals(200, batch(newId(), checker(), "{\"userIds\":[\"" + userId + "\"]}").status());
    }

    @Test
    void batch_refusesUnknownFieldsAndBadIds() {
        String tenant = Tenants.provisioned();

        assertEquals(400, batch(tenant, checker(), "{\"userIds\":[\"" + newId() + "\"],\"verbose\":true}").status());
        assertEquals(400, batch(tenant, checker(), "{\"userIds\":[\"abc\"]}").status());
        assertEquals(400, batch(tenant, checker(), "{\"userIds\":[\"" + newId() + "\"],\"client\":\"WEB\"}").status());
    }
}
