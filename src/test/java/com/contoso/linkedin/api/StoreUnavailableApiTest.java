package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.checker;
import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.newId;
import static com.contoso.linkedin.support.Identities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.support.Dispatch;
import com.contoso.linkedin.support.FaultyDynamoDb;
import com.contoso.linkedin.support.FaultyDynamoDb.Fault;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Privacy first: with no store (every connection to it ends without an answer), every answer is
 * 503 with Retry-After, never an eligible or shown.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@TestProfile(StoreFaultTest.BehindFaultyProxy.class)
class StoreUnavailableApiTest {

    @ConfigProperty(name = "quarkus.dynamodb.endpoint-override")
    String store;

    /** Every request to the store ends without an answer, as when no store is there. */
    @BeforeEach
    void noStore() {
        FaultyDynamoDb.inject(store, Fault.HANG_UP, "", 0);
    }

    @AfterEach
    void heal() {
        FaultyDynamoDb.heal(store);
    }

    @Test
    void checksBatchesAndCards_answer503_neverAGuess() {
        String tenant = newId();
        String userId = newId();

        List<Reply> replies = List.of(
                LambdaEvents.get("/tenants/" + tenant + "/users/" + userId + "/linkedin-eligibility").as(checker()).send(),
                LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch").as(checker())
                        .json("{\"userIds\":[\"" + userId + "\"]}").send(),
                LambdaEvents.post("/tenants/" + tenant + "/profile-cards/linkedin").as(checker())
                        .json("{\"viewerId\":\"" + userId + "\",\"subjectIds\":[\"" + newId() + "\"]}").send());

        for (Reply reply : replies) {
            assertEquals(503, reply.status(), reply::toString);
            assertEquals("application/problem+json", reply.header("content-type"));
            assertNotNull(reply.header("Retry-After"));
            assertFalse(reply.body().contains("eligible") || reply.body().contains("\"show\""));
            assertFalse(reply.body().contains("127.0.0.1"), "no internals in the answer");
        }
    }

    @Test
    void theDirectRoute_answers503_asTheHttpLayerDoes() {
        String tenant = newId();
        String userId = newId();
        List<LambdaEvents> events = List.of(
                LambdaEvents.get("/tenants/" + tenant + "/users/" + userId + "/linkedin-eligibility").as(checker()),
                LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch").as(checker())
                        .json("{\"userIds\":[\"" + userId + "\"]}"),
                LambdaEvents.post("/tenants/" + tenant + "/profile-cards/linkedin").as(checker())
                        .json("{\"viewerId\":\"" + userId + "\",\"subjectIds\":[\"" + newId() + "\"]}"));

        for (LambdaEvents event : events) {
            Reply direct = Dispatch.hotRoutes(event).orElseThrow();
            assertEquals(503, direct.status(), direct::toString);
            Dispatch.assertSameAnswer(Dispatch.httpLayer(event), direct);
        }
    }

    @Test
    void writes_answer503() {
        String tenant = newId();
        String userId = newId();

        assertEquals(503, LambdaEvents.put("/tenants/" + tenant + "/linkedin-integration").as(globalAdmin(tenant))
                .json("{\"mode\":\"DISABLED\"}").send().status());
        assertEquals(503, LambdaEvents.delete("/tenants/" + tenant + "/users/" + userId + "/linkedin-connection")
                .as(user(tenant, userId)).send().status());
    }
}
