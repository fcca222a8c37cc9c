package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/** SPEC section 4's general rules: sizes, content types, unknown routes, races on the setting. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class RequestRulesTest {
    private static final String USER = "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";


    @Test
    void bodiesOver64KiB_are413_andChangeNothing() {
        String tenant = Tenants.provisioned();
        String padding = "x".repeat(64 * 1024);

        var reply = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .json("{\"mode\":\"DISABLED\",\"changeReason\":\"" + padding + "\"}").send();

        assertEquals(413, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("content-type"));
        assertEquals(0, LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .send().json().getLong("version"));
    }

    /** As an unknown query name: refused once the caller is known, 413 past 64 KiB as every body. */
    @Test
    void aBodyWhereTheOperationTakesNone_isRefused_andChangesNothing() {
        String tenant = Tenants.provisioned();
        String user = newId();
        String selected = "/tenants/" + tenant + "/linkedin-integration/selected-users";
        String check = "/tenants/" + tenant + "/users/" + user + "/linkedin-eligibility";

        assertEquals(400, LambdaEvents.put(selected + "/" + user).json("{\"bogus\":1}").as(globalAdmin(tenant)).send().status());
        assertEquals(400, LambdaEvents.put(selected + "/" + user).json("garbage").as(globalAdmin(tenant)).send().status());
        Reply tooLarge = LambdaEvents.put(selected + "/" + user).json("x".repeat(70_000)).as(globalAdmin(tenant)).send();
        assertEquals(413, tooLarge.status(), tooLarge::toString);
        assertEquals("application/problem+json", tooLarge.header("content-type"));
        assertEquals(0, LambdaEvents.get(selected).as(globalAdmin(tenant)).send().json().getList("userIds").size());
        assertEquals(401, LambdaEvents.put(selected + "/" + user).json("{\"bogus\":1}").send().status());
        assertEquals(413, LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").json("x".repeat(70_000))
                .as(globalAdmin(tenant)).send().status());
        assertEquals(400, LambdaEvents.get(check).json("[1]").as(Identities.checker()).send().status());
        assertEquals(400, LambdaEvents.delete("/tenants/" + tenant + "/users/" + user + "/linkedin-connection")
                .json("{\"consent\":\"BOTH_WAYS\"}").as(Identities.user(tenant, user)).send().status());
        for (String notJsonSpace : List.of("\u000b", "{\u001c}", "\u2003", "\u00a0")) {
            assertEquals(400, LambdaEvents.put(selected + "/" + user).json(notJsonSpace).as(globalAdmin(tenant)).send().status());
        }

        assertEquals(400, LambdaEvents.put(selected + "/" + user + "/").json("garbage").as(globalAdmin(tenant)).send().status());
        // Nothing named: an empty object, or white space, is no body.
        assertEquals(200, LambdaEvents.put(selected + "/" + user).json(" { } ").as(globalAdmin(tenant)).send().status());
        assertEquals(200, LambdaEvents.get(check).json("{}").as(Identities.checker()).send().status());
        assertEquals(204, LambdaEvents.delete("/tenants/" + tenant + "/users/" + user + "/linkedin-connection")
                .json("\n").as(Identities.user(tenant, user)).send().status());
    }

    @Test
    void bodiesNotDeclaredAsJson_are415() {
        String tenant = Tenants.provisioned();

        var textPlain = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .header("content-type", "text/plain").rawBody("{\"mode\":\"DISABLED\"}").send();
        var none = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .rawBody("{\"mode\":\"DISABLED\"}").send();

        assertEquals(415, textPlain.status(), textPlain::toString);
        assertEquals(415, none.status(), none::toString);
        assertEquals("application/problem+json", none.header("content-type"));
    }

    @Test
    void emptyBodies_are400() {
        String tenant = Tenants.provisioned();

        var reply = LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .json("").send();

        assertEquals(400, reply.status(), reply::toString);
    }

    /** 401 first, as for every other refusal; then 406 as problem+json, whatever the header takes. */
    @Test
    void anAcceptThatTakesNoJson_is406_onceTheCallerIsKnown() {
        String tenant = Tenants.provisioned();
        String setting = "/tenants/" + tenant + "/linkedin-integration";
        String check = "/tenants/" + tenant + "/users/" + newId() + "/linkedin-eligibility";
        for (String accept : List.of("text/html", "application/problem+json", "application/json;q=0",
                "application/json;q=0, */*", "*/*;q=0")) {
            for (String path : List.of(setting, check, "/tenants/not-a-guid/linkedin-integration")) {
                Reply anonymous = LambdaEvents.get(path).header("accept", accept).send();
                assertEquals(401, anonymous.status(), () -> accept + " " + path + ": " + anonymous);
            }
            Reply refused = LambdaEvents.get(setting).header("accept", accept).as(globalAdmin(tenant)).send();
            assertEquals(406, refused.status(), () -> accept + ": " + refused);
            assertEquals("application/problem+json", refused.header("content-type"));
            Reply checked = LambdaEvents.get(check).header("accept", accept).as(Identities.checker()).send();
            assertEquals(406, checked.status(), () -> accept + ": " + checked);
        }
        Reply slash = LambdaEvents.get(setting + "/").header("accept", "application/json;q=0").as(globalAdmin(tenant)).send();
        assertEquals(406, slash.status(), () -> "a trailing slash, matched as without: " + slash);
        Reply wrongMethod = LambdaEvents.request("PATCH", setting).header("accept", "text/html").as(globalAdmin(tenant)).send();
        assertEquals(405, wrongMethod.status(), () -> "a method the path does not take: " + wrongMethod);
        for (String accept : List.of("text/html, application/json;q=0.5", "application/*", "*/*;q=0.1", "", "  ",
                "application/json ;q=1", "Application/Json ; Q=1", "*/* ;q=0.5")) {
            Reply answered = LambdaEvents.get(setting).header("accept", accept).as(globalAdmin(tenant)).send();
            assertEquals(200, answered.status(), () -> accept + ": " + answered);
            assertEquals(200, LambdaEvents.get(check).header("accept", accept).as(Identities.checker()).send().status());
        }
    }

    @Test
    void unknownRoutesAndMethods_areProblems() {
        String tenant = Tenants.provisioned();

        var unknown = LambdaEvents.get("/tenants/" + tenant + "/linkedin").as(globalAdmin(tenant)).send();
        var wrongMethod = LambdaEvents.delete("/tenants/" + tenant + "/linkedin-integration")
                .as(globalAdmin(tenant)).json("{}").send();

        assertEquals(404, unknown.status());
        assertEquals("application/problem+json", unknown.header("content-type"));
        assertEquals(405, wrongMethod.status(), wrongMethod::toString);
        assertEquals("application/problem+json", wrongMethod.header("content-type"));
        assertEquals("GET, HEAD, OPTIONS, PUT", wrongMethod.header("Allow"));
        assertEquals("ENABLED", LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .send().json().getString("mode"), "nothing changed");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            // RESTEasy matched these to a sibling resource and answered 404 ...
            "POST, /linkedin-integration/audit, 'GET, HEAD, OPTIONS'",
            "GET, /linkedin-integration/preview, 'OPTIONS, POST'",
            "DELETE, /linkedin-integration/selected-users, 'GET, HEAD, OPTIONS'",
            "GET, /users/" + USER + ", 'DELETE, OPTIONS'",
            // ... and these 405 without Allow.
            "PATCH, '', 'DELETE, GET, HEAD, OPTIONS, PUT'",
            "GET, /linkedin-eligibility/batch, 'OPTIONS, POST'",
            "PUT, /profile-cards/linkedin, 'OPTIONS, POST'",
            "POST, /users/" + USER + "/linkedin-eligibility, 'GET, HEAD, OPTIONS'" })
    void aMethodThePathDoesNotTake_is405_namingTheMethodsItTakes(String method, String suffix, String allow) {
        String tenant = Tenants.provisioned();

        var reply = LambdaEvents.request(method, "/tenants/" + tenant + suffix).as(globalAdmin(tenant)).send();

        assertEquals(405, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("content-type"));
        assertEquals(allow, reply.header("Allow"));
    }

    @Test
    void options_namesThePathsMethods_andAnUnknownPathIs404() {
        String tenant = Tenants.provisioned();

        var options = LambdaEvents.request("OPTIONS", "/tenants/" + tenant + "/linkedin-integration").send();
        var unknown = LambdaEvents.request("OPTIONS", "/tenants/" + tenant + "/linkedin").send();

        assertEquals(204, options.status(), options::toString);
        assertEquals("GET, HEAD, OPTIONS, PUT", options.header("Allow"));
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("application/problem+json", unknown.header("content-type"));
    }

    @Test
    void concurrentPutsWithTheSameIfMatch_exactlyOneWins_andOnlyItIsAudited() throws Exception {
        String tenant = Tenants.provisioned();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            List<Callable<Reply>> puts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String group = newId();
                puts.add(() -> LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                        .header("If-Match", "\"0\"")
                        .json("{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}").send());
            }
            replies.addAll(pool.invokeAll(puts));
        } finally {
            pool.shutdown();
        }

        List<Reply> winners = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            int status = reply.get().status();
            assertFalse(status != 200 && status != 412, () -> "unexpected " + status);
            if (status == 200) {
                winners.add(reply.get());
            }
        }
        assertEquals(1, winners.size());
        var audit = LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration/audit").query("kind=SETTING")
                .as(globalAdmin(tenant))
                .send().json();
        assertEquals(1, audit.getList("entries").size());
        assertEquals(winners.get(0).json().getString("selectedGroupId"), audit.getString("entries[0].after.selectedGroupId"));
    }
}
