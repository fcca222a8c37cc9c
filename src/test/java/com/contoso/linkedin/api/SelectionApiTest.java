package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.directorySync;
import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.globalReader;
import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
class SelectionApiTest {

    private static Reply members(String tenant, String group, java.util.Map<String, String> caller, String body) {
        return LambdaEvents.post("/tenants/" + tenant + "/groups/" + group + "/members").as(caller).json(body).send();
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String selectedTenant(String group) {
        String tenant = Tenants.provisioned();
        Tenants.setMode(tenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}");
        return tenant;
    }

    @Test
    void groupMembers_addedAreSelected_removedAreNot() {
        String group = newId();
        String tenant = selectedTenant(group);
        String member = newId();
        String outsider = newId();

        var added = members(tenant, group, directorySync(tenant), "{\"add\":" + ids(List.of(member)) + "}");
        assertEquals(200, added.status(), added::toString);
        assertEquals("ELIGIBLE", Checks.reason(tenant, member));
        assertEquals("NOT_SELECTED", Checks.reason(tenant, outsider));

        var removed = members(tenant, group, globalAdmin(tenant), "{\"remove\":" + ids(List.of(member)) + "}");
        assertEquals(200, removed.status());
        assertEquals("NOT_SELECTED", Checks.reason(tenant, member));
    }

    @Test
    void groupMembers_countOnlyTheChangesReallyMade() {
        String group = newId();
        String tenant = selectedTenant(group);
        String member = newId();
        String neverMember = newId();
        members(tenant, group, directorySync(tenant), "{\"add\":" + ids(List.of(member)) + "}");

        var again = members(tenant, group, directorySync(tenant),
                "{\"add\":" + ids(List.of(member, member)) + ",\"remove\":" + ids(List.of(neverMember)) + "}");
        assertEquals(200, again.status(), again::toString);
        assertEquals(0, again.json().getInt("added"));
        assertEquals(0, again.json().getInt("removed"));

        var leaving = members(tenant, group, globalAdmin(tenant),
                "{\"add\":" + ids(List.of(neverMember)) + ",\"remove\":" + ids(List.of(member)) + "}");
        assertEquals(1, leaving.json().getInt("added"));
        assertEquals(1, leaving.json().getInt("removed"));
    }

    @Test
    void legacySelection_oneByOne_keepsWorkingBesideTheGroup() {
        String tenant = selectedTenant(newId());
        String user = newId();
        String path = "/tenants/" + tenant + "/linkedin-integration/selected-users/" + user;

        var select = LambdaEvents.put(path).as(globalAdmin(tenant)).send();
        assertEquals(200, select.status(), select::toString);
        assertEquals("ELIGIBLE", Checks.reason(tenant, user));

        var unselect = LambdaEvents.delete(path).as(globalAdmin(tenant)).send();
        assertEquals(204, unselect.status());
        assertEquals("NOT_SELECTED", Checks.reason(tenant, user));
    }

    @Test
    void selection_isForGlobalAdmins_syncForTheSyncRoleOfItsOwnTenant() {
        String tenant = Tenants.provisioned();
        String user = newId();
        String group = newId();

        assertEquals(403, LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration/selected-users/" + user)
                .as(globalReader(tenant)).send().status());
        assertEquals(403, LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration/selected-users/" + user)
                .as(directorySync(tenant)).send().status());
        assertEquals(403, members(tenant, group, directorySync(newId()), "{\"add\":[\"" + user + "\"]}").status());
        assertEquals(403, members(tenant, group, globalAdmin(newId()), "{\"add\":[\"" + user + "\"]}").status());
    }

    @Test
    void groupMembers_refusesBadBodies() {
        String tenant = Tenants.provisioned();
        String group = newId();
        String user = newId();
        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> newId()).toList();

        assertEquals(400, members(tenant, group, globalAdmin(tenant), "{}").status());
        assertEquals(400, members(tenant, group, globalAdmin(tenant), "{\"add\":[\"not-a-guid\"]}").status());
        assertEquals(400, members(tenant, group, globalAdmin(tenant), "{\"add\":" + ids(tooMany) + "}").status());
        assertEquals(400, members(tenant, group, globalAdmin(tenant),
                "{\"add\":[\"" + user + "\"],\"remove\":[\"" + user + "\"]}").status());
        assertEquals(400, members(tenant, "group-1", globalAdmin(tenant), "{\"add\":[\"" + user + "\"]}").status());
    }

    @Test
    void groupMembers_syncsAThousandUsersInOneCall() {
        String group = newId();
        String tenant = selectedTenant(group);
        List<String> users = IntStream.range(0, 1000).mapToObj(i -> newId()).toList();

        var reply = members(tenant, group, directorySync(tenant), "{\"add\":" + ids(users) + "}");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1000, reply.json().getInt("added"));
        assertEquals("ELIGIBLE", Checks.reason(tenant, users.get(0)));
        assertEquals("ELIGIBLE", Checks.reason(tenant, users.get(999)));
    }

    @Test
    void concurrentSyncsOfDifferentGroups_loseNoMembership() throws Exception {
        String tenant = Tenants.provisioned();
        String user = newId();
        List<String> groups = IntStream.range(0, 8).mapToObj(i -> newId()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> syncs = groups.stream().<Callable<Integer>>map(group -> () -> members(tenant, group,
                    directorySync(tenant), "{\"add\":[\"" + user + "\"]}").status()).toList();
            for (var result : pool.invokeAll(syncs)) {
                assertEquals(200, result.get());
            }
        } finally {
            pool.shutdown();
        }

        // The user is in every group: selecting any one of them makes the user eligible.
        for (String group : groups) {
            Tenants.setMode(tenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}");
            assertEquals("ELIGIBLE", Checks.reason(tenant, user), () -> "membership lost for " + group);
        }
    }

    @Test
    void selectionEndpoints_answer404_forATenantWithoutRecord() {
        String tenant = newId();
        String user = newId();

        var select = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration/selected-users/" + user)
                .as(globalAdmin(tenant)).send();
        var sync = members(tenant, newId(), globalAdmin(tenant), "{\"add\":[\"" + user + "\"]}");

        assertEquals(404, select.status());
        assertEquals("TENANT_NOT_PROVISIONED", select.json().getString("reason"));
        assertEquals(404, sync.status());
    }
}
