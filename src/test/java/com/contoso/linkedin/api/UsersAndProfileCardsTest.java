package com.contoso.linkedin.api;

import static com.contoso.linkedin.api.UserEndpoints.connect;
import static com.contoso.linkedin.api.UserEndpoints.disconnect;
import static com.contoso.linkedin.api.UserEndpoints.setOfficeOption;
import static com.contoso.linkedin.api.UserEndpoints.setOfficePolicy;
import static com.contoso.linkedin.api.UserEndpoints.setVisibility;
import static com.contoso.linkedin.support.Identities.checker;
import static com.contoso.linkedin.support.Identities.directorySync;
import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.newId;
import static com.contoso.linkedin.support.Identities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Each test is one statement of the product documentation, proven through the Lambda path. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class UsersAndProfileCardsTest {

    private static Reply cards(String tenant, Map<String, String> caller, String viewer, List<String> subjects) {
        String ids = subjects.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
        return LambdaEvents.post("/tenants/" + tenant + "/profile-cards/linkedin").as(caller)
                .json("{\"viewerId\":\"" + viewer + "\",\"subjectIds\":" + ids + "}").send();
    }

    @Test
    void withoutAConnection_anEligibleUserStillSeesPublicInformation_connectingShowsMore() {
        String tenant = Tenants.provisioned();
        String viewer = newId();
        String subject = newId();

        var before = cards(tenant, checker(), viewer, List.of(subject));
        connect(tenant, viewer, "LINKEDIN_TO_MICROSOFT");
        var after = cards(tenant, checker(), viewer, List.of(subject));

        assertEquals("PUBLIC", before.json().getString("cards[0].level"));
        assertTrue(before.json().getBoolean("cards[0].show"));
        assertEquals("CONNECTED", after.json().getString("cards[0].level"));
        var check = Checks.eligibility(tenant, viewer).json();
        assertTrue(check.getBoolean("connected"));
        assertTrue(check.getBoolean("showConnectedLinkedInInfo"));
    }

    @Test
    void onlyBothWaysConsent_letsWorkDataGoToLinkedIn_andReconnectingReplacesTheConsent() {
        String tenant = Tenants.provisioned();
        String userId = newId();

        var both = connect(tenant, userId, "BOTH_WAYS");
        assertEquals(200, both.status(), both::toString);
        assertTrue(Checks.eligibility(tenant, userId).json().getBoolean("shareWorkDataWithLinkedIn"));

        connect(tenant, userId, "LINKEDIN_TO_MICROSOFT");
        var oneWay = Checks.eligibility(tenant, userId).json();
        assertTrue(oneWay.getBoolean("connected"));
        assertFalse(oneWay.getBoolean("shareWorkDataWithLinkedIn"));
    }

    @Test
    void connecting_requiresEligibility_andThatUsersMayConsentToApps() {
        String disabled = Tenants.provisioned("PUBLIC", "DE", true);
        String noConsent = newId();
        Tenants.provision(noConsent, "PUBLIC", "US", true, false);
        String gov = Tenants.provisioned("US_GOVERNMENT", "US", true);

        var refusedByTenant = connect(disabled, newId(), "BOTH_WAYS");
        var refusedConsent = connect(noConsent, newId(), "BOTH_WAYS");
        var refusedCloud = connect(gov, newId(), "BOTH_WAYS");
        var unknownTenant = connect(newId(), newId(), "BOTH_WAYS");

        assertEquals(409, refusedByTenant.status());
        assertEquals("DISABLED_BY_TENANT", refusedByTenant.json().getString("reason"));
        assertEquals(409, refusedConsent.status());
        assertEquals("USER_CONSENT_NOT_ALLOWED", refusedConsent.json().getString("reason"));
        assertEquals("CLOUD_NOT_SUPPORTED", refusedCloud.json().getString("reason"));
        assertEquals(409, unknownTenant.status());
        assertEquals("TENANT_NOT_PROVISIONED", unknownTenant.json().getString("reason"));
    }

    @Test
    void usersCanDisconnectAtAnyTime_immediately_idempotently_andAreToldImportedContactsStay() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        connect(tenant, userId, "BOTH_WAYS");
        Tenants.setMode(tenant, "{\"mode\":\"DISABLED\"}");

        var first = disconnect(tenant, userId);
        var second = disconnect(tenant, userId);

        assertEquals(204, first.status());
        assertEquals(204, second.status());
        assertNotNull(first.header("LinkedIn-Imported-Data"));
        assertTrue(first.header("LinkedIn-Imported-Data").contains("not deleted"));
        Tenants.setMode(tenant, "{\"mode\":\"ENABLED\"}");
        assertFalse(Checks.eligibility(tenant, userId).json().getBoolean("connected"));
        assertEquals(204, disconnect(newId(), userId).status(), "even for a tenant without record");
    }

    @Test
    void disconnecting_countsOnTheVeryNextCheck() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        connect(tenant, userId, "BOTH_WAYS");
        assertTrue(Checks.eligibility(tenant, userId).json().getBoolean("connected"));

        disconnect(tenant, userId);

        var check = Checks.eligibility(tenant, userId).json();
        assertFalse(check.getBoolean("connected"));
        assertFalse(check.getBoolean("shareWorkDataWithLinkedIn"));
    }

    @Test
    void switchingToDisabled_withdrawsEveryConsentAtOnce_usersMustReconnectAfterReEnabling() {
        String tenant = Tenants.provisioned();
        List<String> users = IntStream.range(0, 3).mapToObj(i -> newId()).toList();
        users.forEach(u -> connect(tenant, u, "BOTH_WAYS"));

        Tenants.setMode(tenant, "{\"mode\":\"DISABLED\"}");
        Tenants.setMode(tenant, "{\"mode\":\"ENABLED\"}");

        for (String userId : users) {
            var check = Checks.eligibility(tenant, userId).json();
            assertTrue(check.getBoolean("eligible"));
            assertFalse(check.getBoolean("connected"), "consent withdrawn for " + userId);
        }
        connect(tenant, users.get(0), "BOTH_WAYS");
        assertTrue(Checks.eligibility(tenant, users.get(0)).json().getBoolean("connected"));
    }

    @Test
    void aHiddenProfile_isHiddenFromEveryViewer_whateverTheViewersStatus() {
        String tenant = Tenants.provisioned();
        String hidden = newId();
        String viewer = newId();
        connect(tenant, viewer, "BOTH_WAYS");

        assertEquals(200, setVisibility(tenant, hidden, false).status());
        var reply = cards(tenant, user(tenant, viewer), viewer, List.of(hidden));

        assertEquals(200, reply.status(), reply::toString);
        assertFalse(reply.json().getBoolean("cards[0].show"));
        assertEquals("NONE", reply.json().getString("cards[0].level"));
        assertEquals("SUBJECT_HIDDEN", reply.json().getString("cards[0].reason"));
        setVisibility(tenant, hidden, true);
        assertTrue(cards(tenant, checker(), viewer, List.of(hidden)).json().getBoolean("cards[0].show"));
    }

    @Test
    void theSelectionGovernsTheViewer_notTheSubject() {
        String group = newId();
        String tenant = Tenants.provisioned();
        Tenants.setMode(tenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}");
        String viewer = newId();
        String outsider = newId();
        LambdaEvents.post("/tenants/" + tenant + "/groups/" + group + "/members").as(directorySync(tenant))
                .json("{\"add\":[\"" + viewer + "\"]}").send();

        var seen = cards(tenant, checker(), viewer, List.of(outsider));
        var byOutsider = cards(tenant, checker(), outsider, List.of(viewer));

        assertTrue(seen.json().getBoolean("cards[0].show"));
        assertEquals("PUBLIC", seen.json().getString("cards[0].level"));
        assertFalse(byOutsider.json().getBoolean("cards[0].show"));
        assertEquals("NOT_SELECTED", byOutsider.json().getString("cards[0].reason"));
    }

    @Test
    void officePolicyDisabled_turnsOfficeFeaturesOff_andLocksTheOption_butNotProfileCards() {
        String tenant = Tenants.provisioned();
        String userId = newId();

        assertEquals(200, setOfficePolicy(tenant, userId, "DISABLED", directorySync(tenant)).status());
        var locked = setOfficeOption(tenant, userId, true);

        assertEquals(409, locked.status());
        assertEquals("OPTION_LOCKED_BY_POLICY", locked.json().getString("reason"));
        assertEquals("DISABLED_BY_OFFICE_POLICY",
                Checks.eligibility(tenant, userId, "OFFICE_DESKTOP").json().getString("reason"));
        assertEquals("ELIGIBLE", Checks.eligibility(tenant, userId, "PROFILE_CARD").json().getString("reason"));
    }

    @Test
    void officePolicyEnabled_turnsOfficeFeaturesOn_andAlsoLocksTheOption() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        setOfficeOption(tenant, userId, false);

        setOfficePolicy(tenant, userId, "ENABLED", globalAdmin(tenant));

        assertEquals("ELIGIBLE", Checks.eligibility(tenant, userId, "OFFICE_DESKTOP").json().getString("reason"));
        assertEquals(409, setOfficeOption(tenant, userId, false).status());
    }

    @Test
    void officePolicyNotConfigured_leavesTheUsersOwnOptionInForce() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        setOfficePolicy(tenant, userId, "DISABLED", globalAdmin(tenant));
        setOfficePolicy(tenant, userId, "NOT_CONFIGURED", globalAdmin(tenant));

        assertEquals(200, setOfficeOption(tenant, userId, false).status());
        assertEquals("DISABLED_BY_USER", Checks.eligibility(tenant, userId, "OFFICE_DESKTOP").json().getString("reason"));
        setOfficeOption(tenant, userId, true);
        assertEquals("ELIGIBLE", Checks.eligibility(tenant, userId, "OFFICE_DESKTOP").json().getString("reason"));
    }

    @Test
    void governmentSovereignAndGoLocalTenants_neverGetLinkedIn_onAnyClient_andNothingBeforeRollout() {
        for (String cloud : List.of("US_GOVERNMENT", "CHINA", "GERMANY")) {
            String tenant = Tenants.provisioned(cloud, "US", true);
            String userId = newId();
            for (String client : List.of("PROFILE_CARD", "OFFICE_DESKTOP")) {
                assertEquals("CLOUD_NOT_SUPPORTED", Checks.eligibility(tenant, userId, client).json().getString("reason"));
            }
            assertEquals("CLOUD_NOT_SUPPORTED", cards(tenant, checker(), userId, List.of(newId()))
                    .json().getString("cards[0].reason"));
        }
        String notRolledOut = Tenants.provisioned("PUBLIC", "US", false);
        assertEquals("NOT_ROLLED_OUT", cards(notRolledOut, checker(), newId(), List.of(newId()))
                .json().getString("cards[0].reason"));
    }

    @Test
    void profileCards_answerOnePerSubject_inOrder_duplicatesAllowed_upToAHundred() {
        String tenant = Tenants.provisioned();
        String viewer = newId();
        String hidden = newId();
        setVisibility(tenant, hidden, false);
        List<String> subjects = new java.util.ArrayList<>(IntStream.range(0, 97).mapToObj(i -> newId()).toList());
        subjects.add(1, hidden);
        subjects.add(hidden);
        subjects.add(subjects.get(0));

        var reply = cards(tenant, checker(), viewer, subjects);
        var tooMany = cards(tenant, checker(), viewer, IntStream.range(0, 101).mapToObj(i -> newId()).toList());
        var none = cards(tenant, checker(), viewer, List.of());

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(100, subjects.size());
        assertEquals(subjects, reply.json().getList("cards.subjectId"));
        assertEquals("SUBJECT_HIDDEN", reply.json().getString("cards[1].reason"));
        assertEquals("SUBJECT_HIDDEN", reply.json().getString("cards[98].reason"));
        assertEquals("ELIGIBLE", reply.json().getString("cards[99].reason"));
        assertEquals(viewer, reply.json().getString("viewerId"));
        assertEquals(30, reply.json().getLong("maxStalenessSeconds"));
        assertEquals(0, reply.json().getLong("settingVersion"));
        assertNotNull(reply.json().getString("evaluatedAt"));
        assertEquals(400, tooMany.status());
        assertEquals(400, none.status());
    }

    @Test
    void profileCards_forATenantWithoutRecord_are200_TenantNotProvisioned() {
        var reply = cards(newId(), checker(), newId(), List.of(newId()));

        assertEquals(200, reply.status());
        assertEquals("TENANT_NOT_PROVISIONED", reply.json().getString("cards[0].reason"));
        assertEquals("NONE", reply.json().getString("cards[0].level"));
    }

    @Test
    void usersEndpoints_refuseAnyCallerButThatUser_withoutLeaking() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        String path = UserEndpoints.path(tenant, userId, "linkedin-connection");

        for (var caller : List.of(user(tenant, newId()), user(newId(), userId), globalAdmin(tenant), checker())) {
            var reply = LambdaEvents.put(path).as(caller).json("{\"consent\":\"BOTH_WAYS\"}").send();
            assertEquals(403, reply.status(), reply::toString);
            assertFalse(reply.body().contains(tenant) || reply.body().contains(userId));
            assertEquals(403, LambdaEvents.delete(path).as(caller).send().status());
            assertEquals(403, LambdaEvents.put(UserEndpoints.path(tenant, userId, "office-option")).as(caller)
                    .json("{\"showLinkedInFeatures\":true}").send().status());
            assertEquals(403, LambdaEvents.put(UserEndpoints.path(tenant, userId, "linkedin-profile-visibility"))
                    .as(caller).json("{\"visibleInMicrosoftApps\":false}").send().status());
        }
        assertEquals(403, cards(tenant, user(tenant, newId()), userId, List.of(newId())).status());
        assertEquals(403, setOfficePolicy(tenant, userId, "DISABLED", user(tenant, userId)).status());
        assertEquals(403, setOfficePolicy(tenant, userId, "DISABLED", directorySync(newId())).status());
        assertEquals(401, LambdaEvents.delete(path).send().status());
    }

    @Test
    void usersEndpoints_refuseBadBodies() {
        String tenant = Tenants.provisioned();
        String userId = newId();

        assertEquals(400, connect(tenant, userId, "both_ways").status());
        assertEquals(400, LambdaEvents.put(UserEndpoints.path(tenant, userId, "linkedin-connection"))
                .as(user(tenant, userId)).json("{}").send().status());
        assertEquals(400, LambdaEvents.put(UserEndpoints.path(tenant, userId, "office-option"))
                .as(user(tenant, userId)).json("{\"showLinkedInFeatures\":\"yes\"}").send().status());
        assertEquals(400, setOfficePolicy(tenant, userId, "OFF", globalAdmin(tenant)).status());
        assertFalse(Checks.eligibility(tenant, userId).json().getBoolean("connected"));
    }

    @Test
    void userSettings_ofATenantWithoutRecord_are404() {
        String tenant = newId();
        String userId = newId();

        var visibility = setVisibility(tenant, userId, false);
        var option = setOfficeOption(tenant, userId, false);
        var policy = setOfficePolicy(tenant, userId, "DISABLED", globalAdmin(tenant));

        for (Reply reply : List.of(visibility, option, policy)) {
            assertEquals(404, reply.status(), reply::toString);
            assertEquals("TENANT_NOT_PROVISIONED", reply.json().getString("reason"));
        }
    }
}
