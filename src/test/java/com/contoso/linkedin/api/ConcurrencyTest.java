package com.contoso.linkedin.api;

import static com.contoso.linkedin.api.UserEndpoints.connect;
import static com.contoso.linkedin.api.UserEndpoints.disconnect;
import static com.contoso.linkedin.api.UserEndpoints.setOfficeOption;
import static com.contoso.linkedin.api.UserEndpoints.setVisibility;
import static com.contoso.linkedin.support.Identities.checker;
import static com.contoso.linkedin.support.Identities.directorySync;
import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/** Real concurrency against DynamoDB Local: no write is lost to another. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class ConcurrencyTest {

    private static List<Reply> concurrently(List<Callable<Reply>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : pool.invokeAll(calls)) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void oneUsersConcurrentChanges_toDifferentChoices_areAllKept() throws Exception {
        String tenant = Tenants.provisioned();
        String user = newId();
        String group = newId();

        List<Reply> replies = concurrently(List.of(
                () -> connect(tenant, user, "BOTH_WAYS"),
                () -> setVisibility(tenant, user, false),
                () -> setOfficeOption(tenant, user, false),
                () -> LambdaEvents.post("/tenants/" + tenant + "/groups/" + group + "/members").as(directorySync(tenant))
                        .json("{\"add\":[\"" + user + "\"]}").send()));

        replies.forEach(reply -> assertEquals(200, reply.status(), reply::toString));
        Tenants.setMode(tenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + group + "\"}");
        var check = Checks.eligibility(tenant, user).json();
        assertTrue(check.getBoolean("connected"), "connection kept");
        assertTrue(check.getBoolean("shareWorkDataWithLinkedIn"));
        assertEquals("DISABLED_BY_USER", Checks.eligibility(tenant, user, "OFFICE_DESKTOP").json().getString("reason"),
                "office option and group membership kept");
        var card = LambdaEvents.post("/tenants/" + tenant + "/profile-cards/linkedin").as(checker())
                .json("{\"viewerId\":\"" + user + "\",\"subjectIds\":[\"" + user + "\"]}").send().json();
        assertEquals("SUBJECT_HIDDEN", card.getString("cards[0].reason"), "visibility kept");
    }

    @Test
    void manyUsersConnectingAndDisconnectingAtOnce_endExactlyAsEachAsked() throws Exception {
        String tenant = Tenants.provisioned();
        List<String> users = IntStream.range(0, 24).mapToObj(i -> newId()).toList();
        concurrently(users.stream().<Callable<Reply>>map(u -> () -> connect(tenant, u, "LINKEDIN_TO_MICROSOFT")).toList());

        List<String> leaving = users.subList(0, 12);
        List<Callable<Reply>> calls = new ArrayList<>();
        leaving.forEach(u -> calls.add(() -> disconnect(tenant, u)));
        users.subList(12, 24).forEach(u -> calls.add(() -> connect(tenant, u, "BOTH_WAYS")));
        List<Reply> replies = concurrently(calls);

        replies.forEach(reply -> assertTrue(reply.status() == 200 || reply.status() == 204, reply::toString));
        var batch = LambdaEvents.post("/tenants/" + tenant + "/linkedin-eligibility/batch").as(checker())
                .json("{\"userIds\":" + users.stream().map(u -> "\"" + u + "\"").toList() + "}").send().json();
        List<Boolean> connected = batch.getList("decisions.connected");
        List<Boolean> sharing = batch.getList("decisions.shareWorkDataWithLinkedIn");
        for (int i = 0; i < users.size(); i++) {
            if (i < 12) {
                assertFalse(connected.get(i), "disconnect lost for user " + i);
            } else {
                assertTrue(connected.get(i) && sharing.get(i), "reconnect with the new consent lost for user " + i);
            }
        }
    }
}
