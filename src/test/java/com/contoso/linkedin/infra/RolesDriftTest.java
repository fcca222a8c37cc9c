package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.FunctionSplit.AUTHORIZER;
import static com.contoso.linkedin.infra.FunctionSplit.STREAM;
import static com.contoso.linkedin.infra.Template.list;
import static com.contoso.linkedin.infra.Template.map;
import static com.contoso.linkedin.infra.Template.strings;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.contoso.linkedin.infra.FunctionSplit.Function;
import com.contoso.linkedin.store.dynamodb.TableLayout;

/**
 * The IAM roles of infra/template.yaml as written: one per function, the declared DynamoDB
 * actions on the table's ARN only, and the function's own log group, nothing more. What the code
 * really calls is held against the same declarations by {@link IamActionsTest}.
 */
class RolesDriftTest {

    /** The only statement a function's role has besides its table access. */
    static final Set<String> LOG_ACTIONS = Set.of("logs:CreateLogStream", "logs:PutLogEvents");

    private static Template template;

    @BeforeAll
    static void readTemplate() {
        template = Template.read();
    }

    @Test
    void eachRole_allowsExactlyTheDeclaredTableActions_onTheTableArnOnly() {
        Map<String, Object> table = template.properties(template.the("AWS::DynamoDB::Table"));
        // One index, users-by-tenant, whose ARN FunctionSplit.tableGrants reads as its own partitions.
        assertFalse(table.containsKey("LocalSecondaryIndexes"), "a local index's ARN must be granted and checked here");
        assertTrue(list(table.getOrDefault("GlobalSecondaryIndexes", List.of())).stream().map(Template::map)
                .allMatch(index -> TableLayout.USERS_BY_TENANT.equals(index.get("IndexName"))),
                "another index: its ARN must be granted explicitly and checked here");
        assertAll(Stream.of(Function.values()).map(function -> (Executable) () -> assertEquals(function.actions,
                FunctionSplit.tableGrants(template, function),
                function + ": the role's DynamoDB actions and partitions (right) are not the declared ones (left)")));
    }

    @Test
    void eachFunction_logsOnlyToItsOwnLogGroup() {
        Set<String> groups = new TreeSet<>();
        assertAll(Stream.of(Function.values()).map(function -> (Executable) () -> {
            String group = template.logGroupOf(function.logicalId);
            assertEquals("AWS::Logs::LogGroup", template.type(group), function + " LoggingConfig.LogGroup");
            assertTrue(groups.add(group), function + " shares its log group " + group);
            List<Map<String, Object>> logStatements = template.statements(template.roleOf(function.logicalId)).stream()
                    .filter(s -> strings(s.get("Action")).stream().anyMatch(a -> !a.startsWith("dynamodb:")))
                    .toList();
            assertEquals(1, logStatements.size(), function + ": one statement for logs, nothing else besides the table");
            Map<String, Object> statement = logStatements.get(0);
            assertEquals(LOG_ACTIONS, Set.copyOf(strings(statement.get("Action"))), function + " log actions");
            assertEquals(List.of(Map.of("Fn::GetAtt", List.of(group, "Arn"))), list(statement.get("Resource")),
                    function + " may write only to its own log group");
            assertEquals(null, statement.get("Condition"));
        }));
    }

    @Test
    void rolesAreWrittenOut_oneForEachFunction_withNoSamPolicyTemplatesOrManagedPolicies() {
        Set<String> roles = new TreeSet<>();
        assertAll(Stream.of(Function.values()).map(function -> (Executable) () -> {
            Map<String, Object> functionProperties = template.properties(function.logicalId);
            assertFalse(functionProperties.containsKey("Policies"), function + ": SAM Policies grant more than the code needs");
            String role = template.roleOf(function.logicalId);
            assertTrue(roles.add(role), function + " shares role " + role);
            Map<String, Object> roleProperties = template.properties(role);
            assertFalse(roleProperties.containsKey("ManagedPolicyArns"), role + ": no managed policies");
            Map<String, Object> trust = map(list(map(roleProperties.get("AssumeRolePolicyDocument")).get("Statement")).get(0));
            assertEquals(Map.of("Service", "lambda.amazonaws.com"), trust.get("Principal"), role + " trust");
        }));
        List<String> samTemplates = new ArrayList<>();
        collectSamDynamoDbPolicies(template.root(), samTemplates);
        assertEquals(List.of(), samTemplates, "SAM's DynamoDB*Policy templates grant more than any function needs");
    }

    /**
     * Metrics reach CloudWatch through the log (embedded metric format) and the authorizer's
     * refusals through a metric filter: no role of the stack writes metrics, reads logs or
     * writes another function's log, whatever resources the observability part adds.
     */
    @Test
    void everyRoleOfTheStack_belongsToOneFunction_andWritesOnlyItsOwnLog() {
        List<String> functions = Stream.concat(Stream.of(Function.values()).map(f -> f.logicalId), Stream.of(AUTHORIZER))
                .toList();
        // The stream function's role reads the stream and puts events besides its log: StreamDriftTest.
        assertEquals(new TreeSet<>(Stream.concat(functions.stream(), Stream.of(STREAM)).map(template::roleOf).toList()),
                new TreeSet<>(template.logicalIdsOfType("AWS::IAM::Role")), "every role of the stack is a function's");
        assertEquals(List.of(), template.logicalIdsOfType("AWS::IAM::Policy"), "policies are inline in the roles");
        assertEquals(List.of(), template.logicalIdsOfType("AWS::IAM::ManagedPolicy"), "policies are inline in the roles");
        assertAll(functions.stream().map(function -> (Executable) () -> {
            String group = template.logGroupOf(function);
            for (Map<String, Object> statement : template.statements(template.roleOf(function))) {
                for (String action : strings(statement.get("Action"))) {
                    assertTrue(action.startsWith("dynamodb:") || LOG_ACTIONS.contains(action),
                            function + " may not " + action + " (metrics go through its log)");
                    if (LOG_ACTIONS.contains(action)) {
                        assertEquals(List.of(Map.of("Fn::GetAtt", List.of(group, "Arn"))), list(statement.get("Resource")),
                                function + " writes its own log group only");
                    }
                }
            }
        }));
    }

    private static void collectSamDynamoDbPolicies(Object node, List<String> found) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> entry : m.entrySet()) {
                if (String.valueOf(entry.getKey()).matches("DynamoDB\\w*Policy")) {
                    found.add(String.valueOf(entry.getKey()));
                }
                collectSamDynamoDbPolicies(entry.getValue(), found);
            }
        } else if (node instanceof List<?> l) {
            l.forEach(element -> collectSamDynamoDbPolicies(element, found));
        } else if (node instanceof String s && s.matches("DynamoDB\\w*Policy")) {
            found.add(s);
        }
    }
}
