package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.Template.list;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.infra.FunctionSplit.Caller;
import com.contoso.linkedin.infra.FunctionSplit.Function;
import com.contoso.linkedin.infra.FunctionSplit.Route;
import com.contoso.linkedin.infra.FunctionSplit.Sample;
import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.SharedDynamoDbLocal;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What each function's routes really send to DynamoDB is what its role in infra/template.yaml
 * allows, no more and no less. Every route's sample request goes, as every caller that may send
 * it, through the production dispatch of the real application (support/Dispatch: the hot routes,
 * then Quarkus' HTTP layer) against DynamoDB Local, on a table made as the template declares
 * it; {@link IamRecorder}, on the application's own client, notes each request as IAM
 * authorizes it.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
public class IamActionsTest {

    /** Ids of one request: a fresh tenant, two users and a group. */
    record RequestIds(String tenantId, String userId, String otherUserId, String groupId) {
        static RequestIds fresh() {
            return new RequestIds(uuid(), uuid(), uuid(), uuid());
        }

        private static String uuid() {
            return UUID.randomUUID().toString();
        }

        String fill(String text) {
            return text == null ? null
                    : text.replace("{tenantId}", tenantId).replace("{userId}", userId)
                            .replace("{otherUserId}", otherUserId).replace("{groupId}", groupId)
                            .replace("{key}", "linkedin-profile-card-level"); // the OFREP flag that reads two users
        }
    }

    private static final Template TEMPLATE = Template.read();

    @Inject
    LinkedInConfig config;

    @ParameterizedTest
    @EnumSource(Function.class)
    void eachFunctionsRoutes_callExactlyTheDynamoDbActionsItsRoleAllows(Function function) {
        Map<String, Set<String>> called = new TreeMap<>();
        Set<String> tables = new TreeSet<>();
        for (Route route : function.routes) {
            for (Sample sample : route.samples()) {
                for (Caller caller : route.callers()) {
                    RequestIds ids = RequestIds.fresh();
                    if (sample.given() != FunctionSplit.Given.NOTHING) {
                        Tenants.provision(ids.tenantId(), "PUBLIC", "US", true, true);
                    }
                    if (sample.given() == FunctionSplit.Given.TENANT_AND_SELECTED_USER) {
                        Reply selected = LambdaEvents.put("/tenants/" + ids.tenantId()
                                + "/linkedin-integration/selected-users/" + ids.userId())
                                .as(Identities.globalAdmin(ids.tenantId())).send();
                        assertEquals(200, selected.status(), selected::toString);
                    }
                    IamRecorder.reset();

                    Reply reply = send(route, sample, caller, ids);

                    assertTrue(reply.status() >= 200 && reply.status() < 300,
                            () -> route + " " + sample + " as " + caller + " did not take its success path: " + reply);
                    for (IamRecorder.Call call : IamRecorder.calls()) {
                        called.computeIfAbsent(call.action(), k -> new TreeSet<>()).add(call.partition());
                        tables.add(call.table());
                    }
                }
            }
        }
        assertAll(
                () -> assertEquals(function.actions, called,
                        function + ": its routes call (right) other DynamoDB actions or partitions than declared (left)"),
                () -> assertEquals(FunctionSplit.tableGrants(TEMPLATE, function), called,
                        function + ": its routes call (right) other DynamoDB actions or partitions than its role allows (left)"),
                () -> assertEquals(Set.of(config.tableName()), tables,
                        function + " must use the table named by linkedin.table-name"));
    }

    /** The routes above ran on a table made from the template, not on one the application made itself. */
    @Test
    void theApplication_runsOnTheTableTheTemplateDeclares() {
        Map<String, Object> declared = TEMPLATE.properties(TEMPLATE.the("AWS::DynamoDB::Table"));
        assertTrue(config.tableName().startsWith(TemplateTable.PREFIX), config.tableName());
        try (DynamoDbClient dynamo = SharedDynamoDbLocal.client()) {
            TableDescription table = dynamo.describeTable(b -> b.tableName(config.tableName())).table();
            assertEquals(declared.get("KeySchema"), table.keySchema().stream()
                    .map(k -> Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString())).toList());
            assertEquals(Set.copyOf(list(declared.get("AttributeDefinitions"))), Set.copyOf(table.attributeDefinitions().stream()
                    .map(a -> Map.of("AttributeName", a.attributeName(), "AttributeType", a.attributeTypeAsString())).toList()));
        }
    }

    private static Reply send(Route route, Sample sample, Caller caller, RequestIds ids) {
        LambdaEvents event = LambdaEvents.request(route.method(), ids.fill(route.path()))
                .as(caller.claims(ids.tenantId(), ids.userId()));
        if (sample.body() != null) {
            event.json(ids.fill(sample.body()));
        }
        return event.send();
    }
}
