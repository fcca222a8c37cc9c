package com.contoso.linkedin.infra;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.identity.ForbiddenException;
import com.contoso.linkedin.identity.Grant.Roles;
import com.contoso.linkedin.identity.token.EntraTokenVerifier;
import com.contoso.linkedin.identity.token.VerifierSettings;
import com.contoso.linkedin.lambda.AuthorizerHandler;
import com.contoso.linkedin.lambda.StreamHandler;
import com.contoso.linkedin.rest.EligibilityResource;
import com.contoso.linkedin.store.LinkedInStore;
import com.contoso.linkedin.store.dynamodb.DynamoDbLinkedInStore;
import com.contoso.linkedin.store.dynamodb.TableLayout;
import com.contoso.linkedin.support.DynamoDbLocalResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Keeps infra/template.yaml and the code in step. One declared table ({@link Function}) says which
 * function owns which routes of SPEC section 4 and which DynamoDB actions, on which partitions,
 * its code path calls. The test holds that table against the JAX-RS annotations of the compiled
 * resources, against the template (events, roles, environment, table), and against what the code
 * really sends to DynamoDB when each route runs (DynamoDB Local behind a recording client).
 *
 * <p>Plain JUnit: nothing of Quarkus is started; the resources are built by hand around the real
 * services and store.
 */
class TemplateDriftTest {

    private static final Path TEMPLATE = Path.of("infra", "template.yaml");

    /** Partitions of the key design (store/dynamodb/TableLayout): tenant record, setting and audit... */
    private static final String TENANT_KEYS = "TENANT#*";
    /** ...and one partition per user. */
    private static final String USER_KEYS = "USER#*";
    /** A statement without a dynamodb:LeadingKeys condition reaches every partition. */
    private static final Set<String> EVERY_KEY = Set.of(TENANT_KEYS, USER_KEYS);

    private static final String GET_ITEM = "dynamodb:GetItem";
    private static final String BATCH_GET_ITEM = "dynamodb:BatchGetItem";
    private static final String QUERY = "dynamodb:Query";
    private static final String UPDATE_ITEM = "dynamodb:UpdateItem";
    private static final String PUT_ITEM = "dynamodb:PutItem";

    /** The only statement a function's role has besides its table access. */
    private static final Set<String> LOG_ACTIONS = Set.of("logs:CreateLogStream", "logs:PutLogEvents");
    /** API Gateway's HTTP API waits at most this long for a Lambda integration. */
    private static final int HTTP_API_INTEGRATION_TIMEOUT_SECONDS = 30;
    /** The application's bound of one DynamoDB call, SDK retries included. */
    private static final String STORE_CALL_BOUND = "quarkus.dynamodb.api-call-timeout";
    /** The Lambda authorizer: its own artifact, no route, no table, its own settings (identity/token). */
    private static final String AUTHORIZER = "AuthorizerFunction";
    /**
     * The stream function: its own artifact, invoked by the table's stream only (events/README.md).
     * Optional here until infra/ deploys it; checked whenever the template has it.
     */
    private static final String STREAM = "StreamFunction";
    /** How long API Gateway waits for a Lambda authorizer of an HTTP API. */
    private static final int HTTP_API_AUTHORIZER_TIMEOUT_SECONDS = 10;
    /** Environment variables that are not configuration keys, with why they are there. */
    private static final Set<String> NON_CONFIG_VARIABLES = Set.of(
            "DISABLE_SIGNAL_HANDLERS" /* Quarkus native on Lambda */);

    /** A route and a request that takes its success path; {userId} etc. are filled in per run. */
    record Route(String method, String path, String sampleBody) {
        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /**
     * The function split: routes per function and the DynamoDB actions (with the partitions they
     * touch) its code path calls. infra/template.yaml and infra/README.md say the same.
     */
    enum Function {
        ELIGIBILITY("EligibilityFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS, USER_KEYS), BATCH_GET_ITEM, Set.of(USER_KEYS)),
                new Route("GET", "/tenants/{tenantId}/users/{userId}/linkedin-eligibility", null),
                new Route("POST", "/tenants/{tenantId}/linkedin-eligibility/batch",
                        "{\"userIds\":[\"{userId}\",\"{otherUserId}\"]}"),
                new Route("POST", "/tenants/{tenantId}/profile-cards/linkedin",
                        "{\"viewerId\":\"{userId}\",\"subjectIds\":[\"{otherUserId}\"]}"),
                new Route("POST", "/ofrep/v1/evaluate/flags/{key}",
                        "{\"context\":{\"targetingKey\":\"{otherUserId}\",\"tenantId\":\"{tenantId}\",\"viewerId\":\"{userId}\"}}"),
                new Route("POST", "/ofrep/v1/evaluate/flags",
                        "{\"context\":{\"targetingKey\":\"{userId}\",\"tenantId\":\"{tenantId}\",\"viewerId\":\"{otherUserId}\"}}")),
        SETTING_READ("SettingReadFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS), QUERY, Set.of(TENANT_KEYS)),
                new Route("GET", "/tenants/{tenantId}/linkedin-integration", null),
                new Route("GET", "/tenants/{tenantId}/linkedin-integration/audit", null)),
        SETTING_WRITE("SettingWriteFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS), UPDATE_ITEM, Set.of(TENANT_KEYS), PUT_ITEM, Set.of(TENANT_KEYS)),
                new Route("PUT", "/tenants/{tenantId}/linkedin-integration",
                        "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"{groupId}\",\"changeReason\":\"drift test\"}")),
        TENANT_OPERATOR("TenantOperatorFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS), UPDATE_ITEM, Set.of(TENANT_KEYS)),
                new Route("PUT", "/tenants/{tenantId}",
                        "{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":true,\"usersCanConsentToApps\":true}"),
                new Route("GET", "/tenants/{tenantId}", null)),
        DIRECTORY_ADMIN("DirectoryAdminFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS), UPDATE_ITEM, Set.of(USER_KEYS)),
                new Route("PUT", "/tenants/{tenantId}/linkedin-integration/selected-users/{userId}", null),
                new Route("DELETE", "/tenants/{tenantId}/linkedin-integration/selected-users/{userId}", null),
                new Route("POST", "/tenants/{tenantId}/groups/{groupId}/members",
                        "{\"add\":[\"{userId}\"],\"remove\":[\"{otherUserId}\"]}"),
                new Route("PUT", "/tenants/{tenantId}/users/{userId}/office-policy", "{\"policy\":\"ENABLED\"}")),
        USER_SELF_SERVICE("UserSelfServiceFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS, USER_KEYS), UPDATE_ITEM, Set.of(USER_KEYS)),
                new Route("PUT", "/tenants/{tenantId}/users/{userId}/office-option", "{\"showLinkedInFeatures\":true}"),
                new Route("PUT", "/tenants/{tenantId}/users/{userId}/linkedin-profile-visibility",
                        "{\"visibleInMicrosoftApps\":false}"),
                new Route("PUT", "/tenants/{tenantId}/users/{userId}/linkedin-connection", "{\"consent\":\"BOTH_WAYS\"}"),
                new Route("DELETE", "/tenants/{tenantId}/users/{userId}/linkedin-connection", null));

        final String logicalId;
        final Map<String, Set<String>> actions;
        final List<Route> routes;

        Function(String logicalId, Map<String, Set<String>> actions, Route... routes) {
            this.logicalId = logicalId;
            this.actions = actions;
            this.routes = List.of(routes);
        }
    }

    private static Map<String, Object> template;
    private static Map<String, Method> codeRoutes;

    @BeforeAll
    static void readTemplateAndCode() throws Exception {
        assertTrue(Files.isRegularFile(TEMPLATE), "run from the project directory: " + TEMPLATE.toAbsolutePath());
        try (Reader reader = Files.newBufferedReader(TEMPLATE)) {
            template = new Yaml(new CloudFormationConstructor()).load(reader);
        }
        codeRoutes = scanJaxRsRoutes();
    }

    // ---- routes ------------------------------------------------------------------------------

    @Test
    void declaredRoutes_areExactlyTheJaxRsRoutesOfTheCode() {
        List<String> declared = Stream.of(Function.values()).flatMap(f -> f.routes.stream()).map(Route::key).toList();
        assertEquals(declared.size(), Set.copyOf(declared).size(), "a route is declared for two functions: " + declared);
        assertEquals(new TreeSet<>(codeRoutes.keySet()), new TreeSet<>(declared),
                "the JAX-RS routes (left) and the function split of this test (right) differ");
    }

    @Test
    void everyCodeRoute_isAnEventOfItsFunction_exactlyOnce() {
        Map<String, List<String>> inTemplate = templateRoutes();
        assertAll(Stream.of(Function.values()).flatMap(function -> function.routes.stream()
                .map(route -> (Executable) () -> assertEquals(List.of(function.logicalId),
                        inTemplate.getOrDefault(route.key(), List.of()),
                        route + " must be an HttpApi event of " + function.logicalId + " and of nothing else"))));
    }

    @Test
    void everyTemplateRoute_existsInTheCode() {
        Set<String> unknown = new TreeSet<>(templateRoutes().keySet());
        unknown.removeAll(codeRoutes.keySet());
        assertEquals(Set.of(), unknown, "routes in the template that no JAX-RS method serves");

        Map<String, Object> api = properties(the("AWS::Serverless::HttpApi"));
        Set<String> throttled = new TreeSet<>(map(api.getOrDefault("RouteSettings", Map.of())).keySet());
        throttled.removeAll(codeRoutes.keySet());
        assertEquals(Set.of(), throttled, "RouteSettings name routes the code does not have");
    }

    @Test
    void routesReachFunctionsOnlyThroughTheirEvents() {
        Map<String, Object> api = properties(the("AWS::Serverless::HttpApi"));
        assertAll(
                () -> assertEquals(Stream.concat(Stream.of(Function.values()).map(f -> f.logicalId),
                        Stream.of(AUTHORIZER, STREAM).filter(resources()::containsKey)).sorted().toList(),
                        logicalIdsOfType("AWS::Serverless::Function"),
                        "the template's functions are the declared ones, the authorizer and the stream function"),
                () -> assertEquals(List.of(), logicalIdsOfType("AWS::Lambda::Function"), "functions are SAM functions here"),
                () -> assertFalse(api.containsKey("DefinitionBody") || api.containsKey("DefinitionUri"),
                        "an OpenAPI definition would add routes outside the functions' events"),
                () -> assertEquals(List.of(), logicalIdsOfType("AWS::ApiGatewayV2::Route"),
                        "routes belong in the functions' HttpApi events, where this test sees them"),
                () -> assertEquals(List.of(), logicalIdsOfType("AWS::ApiGatewayV2::Integration")),
                () -> assertNotNull(map(api.get("Auth")).get("DefaultAuthorizer"), "every route needs the Lambda authorizer"));
    }

    // ---- IAM ---------------------------------------------------------------------------------

    @Test
    void eachRole_allowsExactlyTheDeclaredTableActions_onTheTableArnOnly() {
        String table = the("AWS::DynamoDB::Table");
        Map<String, Object> tableProperties = properties(table);
        assertFalse(tableProperties.containsKey("GlobalSecondaryIndexes") || tableProperties.containsKey("LocalSecondaryIndexes"),
                "the table has indexes now: their ARNs must be granted explicitly and checked here");
        Object tableArn = Map.of("Fn::GetAtt", List.of(table, "Arn"));

        assertAll(Stream.of(Function.values()).map(function -> (Executable) () -> {
            Map<String, Set<String>> granted = new TreeMap<>();
            for (Map<String, Object> statement : statements(roleOf(function))) {
                List<String> actions = strings(statement.get("Action"));
                if (!actions.stream().allMatch(a -> a.startsWith("dynamodb:"))) {
                    continue; // the log statement, checked below
                }
                assertEquals(List.of(tableArn), list(statement.get("Resource")),
                        function + ": table actions must name the table's ARN only");
                Set<String> partitions = leadingKeys(function, statement.get("Condition"));
                actions.forEach(a -> granted.computeIfAbsent(a, k -> new TreeSet<>()).addAll(partitions));
            }
            assertEquals(sorted(function.actions), granted,
                    function + ": the role's DynamoDB actions and partitions (right) are not the declared ones (left)");
        }));
    }

    @Test
    void eachFunction_logsOnlyToItsOwnLogGroup() {
        Set<String> groups = new TreeSet<>();
        assertAll(Stream.of(Function.values()).map(function -> (Executable) () -> {
            Map<String, Object> logging = map(effective(function, "LoggingConfig"));
            String group = ref(logging.get("LogGroup"));
            assertEquals("AWS::Logs::LogGroup", type(group), function + " LoggingConfig.LogGroup");
            assertTrue(groups.add(group), function + " shares its log group " + group);
            List<Map<String, Object>> logStatements = statements(roleOf(function)).stream()
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
            Map<String, Object> functionProperties = properties(function.logicalId);
            assertFalse(functionProperties.containsKey("Policies"), function + ": SAM Policies grant more than the code needs");
            String role = roleOf(function);
            assertTrue(roles.add(role), function + " shares role " + role);
            Map<String, Object> roleProperties = properties(role);
            assertFalse(roleProperties.containsKey("ManagedPolicyArns"), role + ": no managed policies");
            Map<String, Object> trust = map(list(map(roleProperties.get("AssumeRolePolicyDocument")).get("Statement")).get(0));
            assertEquals(Map.of("Service", "lambda.amazonaws.com"), trust.get("Principal"), role + " trust");
        }));
        List<String> samTemplates = new ArrayList<>();
        collectSamDynamoDbPolicies(template, samTemplates);
        assertEquals(List.of(), samTemplates, "SAM's DynamoDB*Policy templates grant more than any function needs");
    }

    /**
     * Runs every route's code path against DynamoDB Local through a client that records each
     * call: what a function's routes call is exactly what its role grants.
     */
    @Test
    void declaredActions_areTheOnesEachFunctionsCodePathCalls() throws Exception {
        DynamoDbLocalResource local = new DynamoDbLocalResource();
        String endpoint = local.start().get("quarkus.dynamodb.endpoint-override");
        String tableName = "drift-" + UUID.randomUUID();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            createTableAsTheTemplateDeclaresIt(dynamo, tableName);
            List<Executable> checks = new ArrayList<>();
            for (Function function : Function.values()) {
                Map<String, Set<String>> called = new TreeMap<>();
                Set<String> tables = new TreeSet<>();
                for (Route route : function.routes) {
                    RequestIds ids = RequestIds.fresh();
                    run(new Route("PUT", "/tenants/{tenantId}", Function.TENANT_OPERATOR.routes.get(0).sampleBody()), ids,
                            dynamo, tableName);
                    List<Call> calls = new ArrayList<>();
                    run(route, ids, recording(dynamo, calls), tableName);
                    for (Call call : calls) {
                        called.computeIfAbsent(call.action(), k -> new TreeSet<>()).add(call.partition());
                        tables.add(call.table());
                    }
                }
                checks.add(() -> assertEquals(sorted(function.actions), called,
                        function + ": its routes call (right) other DynamoDB actions or partitions than declared (left)"));
                checks.add(() -> assertEquals(Set.of(tableName), tables,
                        function + " must use the table named by linkedin.table-name"));
            }
            assertAll(checks);
        } finally {
            local.stop();
        }
    }

    // ---- configuration and table -------------------------------------------------------------

    @Test
    void everyFunction_getsTheTableFromTheTemplate_andOnlyConfigKeysTheCodeReads() throws IOException {
        String table = the("AWS::DynamoDB::Table");
        Set<String> appKeys = configKeys(LinkedInConfig.class);
        Map<String, String> quarkusKeys = runtimeQuarkusKeys();
        assertAll(Stream.of(Function.values()).map(function -> (Executable) () -> {
            Map<String, Object> environment = environment(function);
            assertEquals(Map.of("Ref", table), environment.get(envName("linkedin.table-name")),
                    function + ": LINKEDIN_TABLE_NAME must be the template's table");
            assertTrue(environment.containsKey(envName("linkedin.tenant-cache.max-staleness")),
                    function + ": LINKEDIN_TENANT_CACHE_MAX_STALENESS must be set");
            assertEquals(Map.of("Ref", "OperatorTenantId"), environment.get(envName("linkedin.identity.operator-tenant-id")),
                    function + ": the any-tenant roles' operator tenant is the template's parameter");
            assertEquals(Map.of("Ref", "TrustedClientIds"), environment.get(envName("linkedin.identity.trusted-client-ids")),
                    function + ": the any-tenant roles' trusted apps are the template's parameter");
            for (String variable : environment.keySet()) {
                if (variable.startsWith("LINKEDIN_")) {
                    assertTrue(appKeys.stream().map(TemplateDriftTest::envName).anyMatch(variable::equals),
                            function + ": " + variable + " is no key of LinkedInConfig " + appKeys);
                } else if (variable.startsWith("QUARKUS_")) {
                    assertTrue(quarkusKeys.containsKey(variable),
                            function + ": " + variable + " is no run-time Quarkus configuration key on the class path");
                } else {
                    assertTrue(NON_CONFIG_VARIABLES.contains(variable), function + ": unexpected variable " + variable);
                }
            }
        }));
    }

    @Test
    void table_hasTheCodesKeySchema_andIsKeptSafe() {
        String table = the("AWS::DynamoDB::Table");
        Map<String, Object> resource = resource(table);
        Map<String, Object> properties = properties(table);
        assertAll(
                () -> assertEquals(List.of(Map.of("AttributeName", TableLayout.PK, "KeyType", "HASH"),
                        Map.of("AttributeName", TableLayout.SK, "KeyType", "RANGE")), properties.get("KeySchema")),
                () -> assertEquals(Set.of(Map.of("AttributeName", TableLayout.PK, "AttributeType", "S"),
                        Map.of("AttributeName", TableLayout.SK, "AttributeType", "S")),
                        Set.copyOf(list(properties.get("AttributeDefinitions")))),
                () -> assertEquals("PAY_PER_REQUEST", properties.get("BillingMode")),
                () -> assertEquals(Map.of("PointInTimeRecoveryEnabled", true), properties.get("PointInTimeRecoverySpecification")),
                () -> assertEquals(true, properties.get("DeletionProtectionEnabled")),
                () -> assertEquals(true, map(properties.get("SSESpecification")).get("SSEEnabled")),
                () -> assertEquals("Retain", resource.get("DeletionPolicy")),
                () -> assertEquals("Retain", resource.get("UpdateReplacePolicy")),
                () -> assertFalse(properties.containsKey("TableName"), "a fixed name would clash between stacks"),
                () -> assertFalse(properties.containsKey("TimeToLiveSpecification"), "nothing in the design expires"));
    }

    /**
     * A function must outlive the bound of a store call (so that it answers 503 itself, with
     * Retry-After) and stop before the HTTP API stops waiting for it.
     */
    @Test
    void everyFunction_stopsBeforeTheApiGivesUp_andAfterAStoreCallCould() throws IOException {
        Properties application = new Properties();
        try (InputStream in = TemplateDriftTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            assertNotNull(in, "application.properties on the class path");
            application.load(in);
        }
        assertAll(Stream.of(Function.values()).map(function -> (Executable) () -> {
            Object timeout = effective(function, "Timeout");
            assertTrue(timeout instanceof Integer, function + " Timeout must be a number of seconds");
            Object bound = environment(function).getOrDefault(envName(STORE_CALL_BOUND),
                    application.getProperty(STORE_CALL_BOUND));
            assertNotNull(bound, STORE_CALL_BOUND + " must bound every DynamoDB call, or no timeout is safe");
            Duration storeCall = quarkusDuration(String.valueOf(bound));
            assertTrue((Integer) timeout < HTTP_API_INTEGRATION_TIMEOUT_SECONDS, function + ": " + timeout + " s");
            assertTrue(Duration.ofSeconds((Integer) timeout).compareTo(storeCall.plusSeconds(2)) >= 0,
                    function + ": a timeout of " + timeout + " s cuts off a store call bounded at " + storeCall);
            assertNotNull(effective(function, "MemorySize"), function + " MemorySize");
        }));
    }

    /** Quarkus reads durations as ISO-8601 or as a number with a unit, such as 6S or 500ms. */
    private static Duration quarkusDuration(String value) {
        String text = value.trim();
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.toLowerCase(Locale.ROOT).matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        return Duration.parse(text.toUpperCase(Locale.ROOT).startsWith("P") ? text : "PT" + text);
    }

    @Test
    void jvmRuntime_usesTheFunctionHandler_withSnapStartOnThePublishedAlias() throws Exception {
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        List<Object> handler = list(map(globals.get("Handler")).get("Fn::If"));
        List<Object> runtime = list(map(globals.get("Runtime")).get("Fn::If"));
        List<Object> snapStart = list(map(map(globals.get("SnapStart")).get("ApplyOn")).get("Fn::If"));
        assertEquals(List.of(runtime.get(0), "provided.al2023", "java21"), runtime);
        assertEquals(List.of(runtime.get(0), "None", "PublishedVersions"), snapStart);
        assertEquals(runtime.get(0), handler.get(0));
        String[] jvmHandler = String.valueOf(handler.get(2)).split("::");
        Class<?> handlerClass = Class.forName(jvmHandler[0], false, getClass().getClassLoader());
        assertTrue(Stream.of(handlerClass.getMethods()).anyMatch(m -> m.getName().equals(jvmHandler[1])),
                "the JVM handler must exist on the class path: " + handler.get(2));
        assertNotNull(globals.get("AutoPublishAlias"), "SnapStart applies to published versions only");
        assertEquals("../target/function.zip", globals.get("CodeUri"), "the one artifact of ./mvnw package");
    }

    // ---- the Lambda authorizer ---------------------------------------------------------------

    @Test
    void everyRoute_isBehindTheLambdaAuthorizer_withSimpleResponses_andTheBoundedCache() {
        Map<String, Object> auth = map(properties(the("AWS::Serverless::HttpApi")).get("Auth"));
        Map<String, Object> authorizers = map(auth.get("Authorizers"));
        assertEquals(1, authorizers.size(), "one authorizer: " + authorizers.keySet());
        Map<String, Object> authorizer = map(authorizers.get(auth.get("DefaultAuthorizer")));
        Object function = authorizer.get("FunctionArn");
        assertAll(
                () -> assertTrue(function.equals(Map.of("Ref", AUTHORIZER + ".Alias"))
                        || function.equals(Map.of("Fn::GetAtt", List.of(AUTHORIZER, "Arn"))),
                        "the default authorizer is " + AUTHORIZER + ": " + function),
                () -> assertFalse(authorizer.containsKey("JwtConfiguration"), "a JWT authorizer accepts one issuer only"),
                () -> assertEquals("2.0", authorizer.get("AuthorizerPayloadFormatVersion")),
                () -> assertEquals(true, authorizer.get("EnableSimpleResponses")),
                () -> assertEquals(List.of("Authorization"), map(authorizer.get("Identity")).get("Headers")),
                () -> assertEquals(Map.of("Ref", "AuthorizerCacheTtlSeconds"), map(authorizer.get("Identity")).get("ReauthorizeEvery")),
                () -> assertTrue(Boolean.TRUE.equals(authorizer.get("EnableFunctionDefaultPermissions"))
                        || authorizer.containsKey("FunctionInvokeRole"), "API Gateway needs leave to invoke the authorizer"));
        // every event keeps the default authorizer: templateRoutes() refuses an event with Auth of its own
        assertFalse(templateRoutes().isEmpty());
    }

    @Test
    void authorizerCacheTtl_isAParameter_boundedBelowATokensLife() {
        Map<String, Object> ttl = map(map(template.get("Parameters")).get("AuthorizerCacheTtlSeconds"));
        assertAll(
                () -> assertEquals("Number", ttl.get("Type")),
                () -> assertEquals(300, ttl.get("Default")),
                () -> assertEquals(0, ttl.get("MinValue")),
                () -> assertEquals(3600, ttl.get("MaxValue"), "never longer than an Entra access token lives"));
    }

    @Test
    void authorizer_deploysItsOwnZip_onJava21_withTheHandlerTheCodeHas() throws Exception {
        Map<String, Object> authorizer = properties(AUTHORIZER);
        String[] handler = String.valueOf(authorizer.get("Handler")).split("::");
        Class<?> type = Class.forName(handler[0], false, getClass().getClassLoader());
        assertAll(
                () -> assertEquals("../target/authorizer.zip", authorizer.get("CodeUri")),
                () -> assertEquals("java21", authorizer.get("Runtime"), "whatever FunctionRuntime the API functions use"),
                () -> assertEquals(AuthorizerHandler.class, type),
                () -> assertEquals("handleRequest", handler[1]),
                () -> assertNotNull(type.getMethod(handler[1], InputStream.class, java.io.OutputStream.class, Context.class)),
                () -> assertEquals(Map.of("ApplyOn", "None"), authorizer.get("SnapStart")),
                () -> assertTrue((Integer) authorizer.get("MemorySize") <= 512, "a small function"));
    }

    @Test
    void authorizer_answersBeforeApiGatewayGivesUp_evenWhenItReadsTheKeySet() {
        Object timeout = properties(AUTHORIZER).get("Timeout");
        assertTrue(timeout instanceof Integer, "Timeout in seconds");
        assertTrue((Integer) timeout < HTTP_API_AUTHORIZER_TIMEOUT_SECONDS, timeout + " s");
        assertTrue(Duration.ofSeconds((Integer) timeout).compareTo(EntraTokenVerifier.KEY_SET_READ_BOUND.plusSeconds(1)) >= 0,
                timeout + " s cuts off a key set read bounded at " + EntraTokenVerifier.KEY_SET_READ_BOUND);
    }

    @Test
    void authorizer_hasItsOwnRole_thatOnlyWritesItsOwnLog_andReachesNoTable() {
        Map<String, Object> function = properties(AUTHORIZER);
        String role = String.valueOf(list(map(function.get("Role")).get("Fn::GetAtt")).get(0));
        String group = ref(map(function.get("LoggingConfig")).get("LogGroup"));
        List<Map<String, Object>> statements = statements(role);
        assertAll(
                () -> assertEquals("AWS::IAM::Role", type(role)),
                () -> assertFalse(function.containsKey("Policies"), "no SAM policies"),
                () -> assertFalse(properties(role).containsKey("ManagedPolicyArns"), "no managed policies"),
                () -> assertTrue(Stream.of(Function.values()).map(TemplateDriftTest::roleOf).noneMatch(role::equals),
                        "a role of its own"),
                () -> assertEquals("AWS::Logs::LogGroup", type(group)),
                () -> assertTrue(Stream.of(Function.values()).map(f -> ref(map(effective(f, "LoggingConfig")).get("LogGroup")))
                        .noneMatch(group::equals), "a log group of its own"),
                () -> assertEquals(1, statements.size(), "logs only: " + statements),
                () -> assertEquals(LOG_ACTIONS, Set.copyOf(strings(statements.get(0).get("Action")))),
                () -> assertEquals(List.of(Map.of("Fn::GetAtt", List.of(group, "Arn"))), list(statements.get(0).get("Resource"))),
                () -> assertEquals(Map.of(), map(function.getOrDefault("Events", Map.of())), "routes: none"));
    }

    /** The authorizer is no Quarkus application: its variables are the settings identity/token reads, nothing else. */
    @Test
    void authorizer_getsOnlyItsOwnSettings_andTheAudiencesFromTheTemplate() {
        // as SAM merges them: Globals' variables, then the function's own
        Map<String, Object> globals = map(map(template.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
        Map<String, Object> variables = new TreeMap<>(
                map(map(globals.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of())));
        variables.putAll(map(map(properties(AUTHORIZER).get("Environment")).get("Variables")));
        Set<String> settings = new TreeSet<>(VerifierSettings.KEYS.stream().map(VerifierSettings::environmentName).toList());
        assertAll(
                () -> assertTrue(settings.containsAll(variables.keySet()),
                        "variables (" + variables.keySet() + ") the authorizer does not read; it reads " + settings),
                () -> assertEquals(Map.of("Fn::Join", List.of(",", Map.of("Ref", "JwtAudience"))),
                        variables.get(VerifierSettings.environmentName(VerifierSettings.AUDIENCES)),
                        "without audiences the authorizer refuses every token"),
                () -> assertEquals(envName(VerifierSettings.JWKS_URI), VerifierSettings.environmentName(VerifierSettings.JWKS_URI),
                        "the authorizer names its variables as MicroProfile Config does"));
    }

    // ---- the stream function (events/README.md) --------------------------------------------------

    @Test
    void streamFunction_deploysItsOwnZip_onJava21_withTheHandlerTheCodeHas() throws Exception {
        assumeTrue(resources().containsKey(STREAM), "infra/ does not deploy the stream function yet");
        Map<String, Object> stream = properties(STREAM);
        String[] handler = String.valueOf(stream.get("Handler")).split("::");
        Class<?> type = Class.forName(handler[0], false, getClass().getClassLoader());
        assertAll(
                () -> assertEquals("../target/stream.zip", stream.get("CodeUri")),
                () -> assertEquals("java21", stream.get("Runtime"), "JVM only, whatever FunctionRuntime the API functions use"),
                () -> assertEquals(StreamHandler.class, type),
                () -> assertNotNull(type.getMethod(handler[1], InputStream.class, java.io.OutputStream.class, Context.class)),
                () -> assertEquals(Map.of("ApplyOn", "None"), stream.get("SnapStart")),
                // The handler starts no PutEvents call (10 s at most) with less than 11 s left.
                () -> assertTrue((Integer) stream.get("Timeout") >= 30, stream.get("Timeout") + " s"),
                () -> assertTrue(Set.of("LINKEDIN_EVENTS_BUS_NAME", "LINKEDIN_EVENTS_ENDPOINT_OVERRIDE")
                        .containsAll(map(map(stream.get("Environment")).get("Variables")).keySet()),
                        "variables the stream function does not read"));
    }

    @Test
    void streamFunction_readsTheTablesStreamWithBothImages_andReportsFailedRecordsToItsDeadLetterQueue() {
        assumeTrue(resources().containsKey(STREAM), "infra/ does not deploy the stream function yet");
        String table = the("AWS::DynamoDB::Table");
        Map<String, Object> events = map(properties(STREAM).get("Events"));
        assertEquals(1, events.size(), "the table's stream, nothing else: " + events.keySet());
        Map<String, Object> event = map(events.values().iterator().next());
        Map<String, Object> mapping = map(event.get("Properties"));
        Object queue = list(map(map(map(mapping.get("DestinationConfig")).get("OnFailure")).get("Destination")).get("Fn::GetAtt")).get(0);
        Map<String, Object> dlq = properties(String.valueOf(queue));
        assertAll(
                () -> assertEquals("DynamoDB", event.get("Type")),
                () -> assertEquals(Map.of("Fn::GetAtt", List.of(table, "StreamArn")), mapping.get("Stream")),
                () -> assertEquals("NEW_AND_OLD_IMAGES",
                        map(properties(table).get("StreamSpecification")).get("StreamViewType"), "a MODIFY is compared"),
                () -> assertEquals(List.of("ReportBatchItemFailures"), list(mapping.get("FunctionResponseTypes")),
                        "the handler answers which records failed"),
                () -> assertEquals(true, mapping.get("BisectBatchOnFunctionError")),
                () -> assertTrue(mapping.get("MaximumRetryAttempts") instanceof Integer retries && retries >= 0,
                        "bounded retries (the default retries until the record expires, blocking the shard)"),
                () -> assertTrue((Integer) mapping.get("BatchSize") <= 100, "a batch's PutEvents calls fit the timeout"),
                () -> assertEquals("AWS::SQS::Queue", type(String.valueOf(queue))),
                () -> assertTrue(dlq.get("SqsManagedSseEnabled") == Boolean.TRUE || dlq.containsKey("KmsMasterKeyId"),
                        "the dead-letter queue is encrypted"),
                () -> assertTrue(logicalIdsOfType("AWS::CloudWatch::Alarm").stream().map(TemplateDriftTest::properties)
                        .anyMatch(alarm -> "AWS/SQS".equals(alarm.get("Namespace")) && String.valueOf(alarm.get("Dimensions"))
                                .contains(String.valueOf(queue))), "an alarm on the dead-letter queue's depth"));
    }

    @Test
    void streamFunction_hasItsOwnRole_thatReadsTheStreamOnly_putsEvents_andSendsToItsQueue() {
        assumeTrue(resources().containsKey(STREAM), "infra/ does not deploy the stream function yet");
        Map<String, Object> function = properties(STREAM);
        String role = String.valueOf(list(map(function.get("Role")).get("Fn::GetAtt")).get(0));
        Set<String> actions = new TreeSet<>();
        statements(role).forEach(statement -> actions.addAll(strings(statement.get("Action"))));
        assertAll(
                () -> assertEquals("AWS::IAM::Role", type(role)),
                () -> assertFalse(function.containsKey("Policies") || properties(role).containsKey("ManagedPolicyArns"),
                        "no SAM or managed policies"),
                () -> assertTrue(Stream.of(Function.values()).map(TemplateDriftTest::roleOf).noneMatch(role::equals)
                        && !role.equals(String.valueOf(list(map(properties(AUTHORIZER).get("Role")).get("Fn::GetAtt")).get(0))),
                        "a role of its own"),
                () -> assertEquals(new TreeSet<>(Set.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
                        "dynamodb:GetShardIterator", "dynamodb:ListStreams", "events:PutEvents", "sqs:SendMessage",
                        "logs:CreateLogStream", "logs:PutLogEvents")), actions, "no table item: the stream's images suffice"),
                () -> assertTrue(statements(role).stream().filter(st -> strings(st.get("Action")).get(0).startsWith("dynamodb:"))
                        .allMatch(st -> String.valueOf(st.get("Resource")).contains(table() + ".Arn}/stream/")
                                || String.valueOf(st.get("Resource")).contains("StreamArn")), "the table's stream only"));
    }

    private static String table() {
        return the("AWS::DynamoDB::Table");
    }

    // ---- the code's routes -------------------------------------------------------------------

    /** Every JAX-RS resource method under com.contoso.linkedin, by "METHOD /path". */
    private static Map<String, Method> scanJaxRsRoutes() throws Exception {
        Path classes = Path.of(EligibilityResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve("com/contoso/linkedin");
        assertTrue(Files.isDirectory(root), "compiled classes expected under " + root);
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('\\', '/').replace('/', '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
        }
        Map<String, Method> routes = new TreeMap<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, TemplateDriftTest.class.getClassLoader());
            jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
            for (Method method : type.getDeclaredMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    assertFalse(method.isAnnotationPresent(jakarta.ws.rs.Path.class),
                            name + "." + method.getName() + ": sub-resource locators are not mapped by the template");
                    continue;
                }
                assertNotNull(classPath, name + " has resource methods but no @Path: JAX-RS would not serve them");
                assertTrue(Modifier.isPublic(method.getModifiers()), name + "." + method.getName() + " is not public");
                jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                String key = httpMethod + " " + joinPaths(classPath.value(), methodPath == null ? "" : methodPath.value());
                Method previous = routes.put(key, method);
                assertEquals(null, previous, "two methods serve " + key);
            }
        }
        assertFalse(routes.isEmpty(), "no JAX-RS route found under " + root);
        // Reached only by events that name no method or path (lambda/EventMapping): API Gateway
        // never routes to it, so the template must not map it.
        assertNotNull(routes.remove("GET /_invalid-event"), "the internal invalid-event route moved");
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String joinPaths(String classPath, String methodPath) {
        String path = ("/" + classPath + "/" + methodPath)
                .replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}") // {id: regex} is {id} to API Gateway
                .replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    // ---- the template ------------------------------------------------------------------------

    /** "METHOD /path" of every HttpApi event, with the functions that declare it. */
    private static Map<String, List<String>> templateRoutes() {
        String api = the("AWS::Serverless::HttpApi");
        Map<String, List<String>> routes = new TreeMap<>();
        for (String function : logicalIdsOfType("AWS::Serverless::Function")) {
            if (function.equals(STREAM)) {
                continue; // invoked by the table's stream: streamFunction_* below
            }
            Map<String, Object> events = map(properties(function).getOrDefault("Events", Map.of()));
            for (Map.Entry<String, Object> event : events.entrySet()) {
                Map<String, Object> definition = map(event.getValue());
                String where = function + "." + event.getKey();
                assertEquals("HttpApi", definition.get("Type"), where + ": functions are invoked through the HTTP API only");
                Map<String, Object> properties = map(definition.get("Properties"));
                assertEquals(Map.of("Ref", api), properties.get("ApiId"), where + " must be on the template's HTTP API");
                assertFalse(properties.containsKey("Auth"), where + ": every route keeps the API's Lambda authorizer");
                assertEquals("2.0", properties.get("PayloadFormatVersion"),
                        where + ": the code reads requestContext.authorizer of payload 2.0");
                String key = String.valueOf(properties.get("Method")).toUpperCase(Locale.ROOT) + " " + properties.get("Path");
                routes.computeIfAbsent(key, k -> new ArrayList<>()).add(function);
            }
        }
        return routes;
    }

    private static String roleOf(Function function) {
        Object role = properties(function.logicalId).get("Role");
        List<Object> getAtt = list(map(role).get("Fn::GetAtt"));
        assertEquals("Arn", getAtt.get(1), function + " Role");
        String logicalId = String.valueOf(getAtt.get(0));
        assertEquals("AWS::IAM::Role", type(logicalId), function + " must have its role written out in the template");
        return logicalId;
    }

    private static List<Map<String, Object>> statements(String role) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : list(properties(role).getOrDefault("Policies", List.of()))) {
            for (Object statement : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> s = map(statement);
                assertEquals("Allow", s.get("Effect"), role + ": " + s);
                assertFalse(s.containsKey("NotAction") || s.containsKey("NotResource"), role + ": " + s);
                statements.add(s);
            }
        }
        return statements;
    }

    /** The partitions a statement reaches: all, or those of its dynamodb:LeadingKeys condition. */
    private static Set<String> leadingKeys(Function function, Object condition) {
        if (condition == null) {
            return EVERY_KEY;
        }
        Map<String, Object> like = map(map(condition).get("ForAllValues:StringLike"));
        assertEquals(Set.of("ForAllValues:StringLike"), map(condition).keySet(), function + " condition " + condition);
        assertEquals(Set.of("dynamodb:LeadingKeys"), like.keySet(), function + " condition " + condition);
        Set<String> partitions = Set.copyOf(strings(like.get("dynamodb:LeadingKeys")));
        assertTrue(EVERY_KEY.containsAll(partitions), function + ": unknown partitions " + partitions);
        return partitions;
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

    /** A function property, or the Globals one SAM applies when the function has none. */
    private static Object effective(Function function, String property) {
        Object own = properties(function.logicalId).get(property);
        if (own != null) {
            return own;
        }
        return map(map(template.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of())).get(property);
    }

    /** Globals' variables overlaid with the function's own, as SAM merges them. */
    private static Map<String, Object> environment(Function function) {
        Map<String, Object> variables = new TreeMap<>();
        Map<String, Object> globals = map(map(template.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
        variables.putAll(map(map(globals.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of())));
        Map<String, Object> own = properties(function.logicalId);
        variables.putAll(map(map(own.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of())));
        return variables;
    }

    private static Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    private static Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        assertNotNull(resource, "no resource " + logicalId + " in " + TEMPLATE);
        return map(resource);
    }

    private static Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).getOrDefault("Properties", Map.of()));
    }

    private static String type(String logicalId) {
        return String.valueOf(resource(logicalId).get("Type"));
    }

    private static List<String> logicalIdsOfType(String type) {
        return resources().entrySet().stream().filter(e -> type.equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The one resource of a type. */
    private static String the(String type) {
        List<String> ids = logicalIdsOfType(type);
        assertEquals(1, ids.size(), "exactly one " + type + " expected: " + ids);
        return ids.get(0);
    }

    private static String ref(Object value) {
        Object target = map(value).get("Ref");
        assertNotNull(target, "a !Ref expected: " + value);
        return String.valueOf(target);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "a mapping expected: " + value);
        return (Map<String, Object>) value;
    }

    /** A list, or a single value as CloudFormation allows in place of a one-element list. */
    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List ? (List<Object>) value : List.of(value);
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private static Map<String, Set<String>> sorted(Map<String, Set<String>> actions) {
        Map<String, Set<String>> sorted = new TreeMap<>();
        actions.forEach((action, partitions) -> sorted.put(action, new TreeSet<>(partitions)));
        return sorted;
    }

    /** Reads !Ref, !Sub, !GetAtt and the other short forms as their long form, like CloudFormation. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        private static final List<String> FUNCTIONS = List.of("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs",
                "If", "ImportValue", "Join", "Not", "Or", "Select", "Split", "Sub", "Transform", "GetAtt", "Ref",
                "Condition");

        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic(function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String function;

            Intrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                if (function.equals("GetAtt") && value instanceof String dotted) {
                    value = List.of(dotted.split("\\.", 2));
                }
                String key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                return Map.of(key, value);
            }
        }
    }

    // ---- configuration keys ------------------------------------------------------------------

    /** Every key of a @ConfigMapping interface, e.g. linkedin.tenant-cache.max-staleness. */
    private static Set<String> configKeys(Class<?> mapping) {
        Set<String> keys = new TreeSet<>();
        collectKeys(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), keys);
        return keys;
    }

    private static void collectKeys(Class<?> type, String prefix, Set<String> keys) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String key = prefix + "." + configName(method);
            if (method.getReturnType().isInterface() && method.getReturnType().getName().startsWith("com.contoso")) {
                collectKeys(method.getReturnType(), key, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static String configName(Method method) {
        WithName name = method.getAnnotation(WithName.class);
        return name != null ? name.value() : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The environment variable SmallRye Config reads for a key. */
    private static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Run-time configuration of the Quarkus extensions on the class path, by environment variable. */
    private static Map<String, String> runtimeQuarkusKeys() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> keys = new TreeMap<>();
        Enumeration<URL> models = TemplateDriftTest.class.getClassLoader()
                .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
        while (models.hasMoreElements()) {
            try (InputStream in = models.nextElement().openStream()) {
                collectRuntimeKeys(json.readTree(in), keys);
            }
        }
        return keys;
    }

    private static void collectRuntimeKeys(JsonNode node, Map<String, String> keys) {
        JsonNode path = node.get("path");
        if (path != null && path.has("environmentVariable") && node.has("phase")) {
            if (node.get("phase").asText().equals("RUN_TIME")) {
                keys.put(path.get("environmentVariable").asText(), path.get("property").asText());
            }
        }
        node.forEach(child -> collectRuntimeKeys(child, keys));
    }

    // ---- running a route's code path ---------------------------------------------------------

    /** Ids of one run: a fresh tenant, two users and a group. */
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
                            .replace("{otherUserId}", otherUserId).replace("{groupId}", groupId);
        }

        String pathParameter(String name) {
            return switch (name) {
                case "tenantId" -> tenantId;
                case "userId" -> userId;
                case "groupId" -> groupId;
                case "key" -> "linkedin-profile-card-level"; // the OFREP flag that reads two users
                default -> throw new AssertionError("no sample value for path parameter " + name);
            };
        }

        /** The signed-in user of the request, Global Administrator and Reader of its tenant. */
        Map<String, String> userClaims() {
            Map<String, String> claims = new LinkedHashMap<>();
            claims.put("tid", tenantId);
            claims.put("oid", userId);
            claims.put("scp", "access_as_user");
            claims.put("wids", "[" + Roles.GLOBAL_ADMINISTRATOR + " " + Roles.GLOBAL_READER + "]");
            return claims;
        }

        /** An app of the tenant holding every app role, trusted as the operator's (see {@link Wiring}). */
        Map<String, String> appClaims() {
            Map<String, String> claims = new LinkedHashMap<>();
            claims.put("tid", tenantId);
            claims.put("oid", otherUserId);
            claims.put("azp", groupId);
            claims.put("roles", "[" + String.join(" ", Roles.INTEGRATION_READ_WRITE, Roles.ELIGIBILITY_CHECK,
                    Roles.DIRECTORY_SYNC, Roles.OPERATE_TENANTS) + "]");
            return claims;
        }
    }

    private static void createTableAsTheTemplateDeclaresIt(DynamoDbClient dynamo, String tableName) {
        Map<String, Object> properties = properties(the("AWS::DynamoDB::Table"));
        dynamo.createTable(b -> b.tableName(tableName)
                .billingMode(String.valueOf(properties.get("BillingMode")))
                .attributeDefinitions(list(properties.get("AttributeDefinitions")).stream().map(TemplateDriftTest::map)
                        .map(a -> AttributeDefinition.builder().attributeName(String.valueOf(a.get("AttributeName")))
                                .attributeType(String.valueOf(a.get("AttributeType"))).build())
                        .toList())
                .keySchema(list(properties.get("KeySchema")).stream().map(TemplateDriftTest::map)
                        .map(k -> KeySchemaElement.builder().attributeName(String.valueOf(k.get("AttributeName")))
                                .keyType(String.valueOf(k.get("KeyType"))).build())
                        .toList()));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    }

    /** Calls the route's JAX-RS method as the HTTP API would, on a freshly wired application. */
    private static void run(Route route, RequestIds ids, DynamoDbClient dynamo, String tableName) throws Exception {
        Method method = codeRoutes.get(route.key());
        assertNotNull(method, "no JAX-RS method serves " + route);
        // Every endpoint admits the signed-in admin and user, or else the app with every role.
        try {
            runAs(route, method, ids, new Wiring(dynamo, tableName, ids, ids.userClaims()));
        } catch (ForbiddenException appsOnly) {
            runAs(route, method, ids, new Wiring(dynamo, tableName, ids, ids.appClaims()));
        }
    }

    private static void runAs(Route route, Method method, RequestIds ids, Wiring wiring) throws Exception {
        Object resource = wiring.get(method.getDeclaringClass());
        Parameter[] parameters = method.getParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            if (parameter.isAnnotationPresent(RestPath.class) || parameter.isAnnotationPresent(PathParam.class)) {
                arguments[i] = ids.pathParameter(pathParameterName(parameter));
            } else if (parameter.getType() == HttpHeaders.class) {
                arguments[i] = jsonHeaders();
            } else if (parameter.getType() == UriInfo.class) {
                arguments[i] = noQuery();
            } else if (parameter.getType() == String.class && parameter.getAnnotations().length == 0) {
                assertNotNull(route.sampleBody(), route + " reads a body: give it a sample in Function");
                arguments[i] = ids.fill(route.sampleBody());
            } else {
                fail(route + ": this test cannot supply parameter " + parameter + " of " + method);
            }
        }
        try {
            method.invoke(resource, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ForbiddenException forbidden) {
                throw forbidden;
            }
            throw new AssertionError(route + " did not take its success path with the sample request", e.getCause());
        }
    }

    private static String pathParameterName(Parameter parameter) {
        RestPath rest = parameter.getAnnotation(RestPath.class);
        if (rest != null && !rest.value().isEmpty()) {
            return rest.value();
        }
        PathParam path = parameter.getAnnotation(PathParam.class);
        if (path != null) {
            return path.value();
        }
        assertTrue(parameter.isNamePresent(), "compile with -parameters to name " + parameter);
        return parameter.getName();
    }

    /**
     * Builds the application's objects by their constructors, as CDI would for these beans: the
     * real resources, services and DynamoDB store, with the Lambda event of one request.
     */
    private static final class Wiring {
        private final Map<Class<?>, Object> made = new HashMap<>();
        private final Map<Class<?>, Class<?>> implementations = Map.of(LinkedInStore.class, DynamoDbLinkedInStore.class);

        Wiring(DynamoDbClient dynamo, String tableName, RequestIds ids, Map<String, String> claims) {
            made.put(DynamoDbClient.class, dynamo);
            // The request's tenant is the operator's, and its app (azp) a trusted one.
            made.put(LinkedInConfig.class, configWithDefaults(LinkedInConfig.class,
                    LinkedInConfig.class.getAnnotation(ConfigMapping.class).prefix(), Map.of(
                            "linkedin.table-name", tableName,
                            "linkedin.identity.operator-tenant-id", Optional.of(ids.tenantId()),
                            "linkedin.identity.trusted-client-ids", Optional.of(Set.of(ids.groupId())))));
            made.put(Clock.class, Clock.systemUTC());
            made.put(ObjectMapper.class, new ObjectMapper().findAndRegisterModules());
            made.put(APIGatewayV2HTTPEvent.class, event(claims));
            made.put(Context.class, stub(Context.class, Map.of("getAwsRequestId", "drift-test")));
            made.put(Instance.class, stub(Instance.class, Map.of("isResolvable", false, "isUnsatisfied", true)));
        }

        <T> T get(Class<T> type) throws Exception {
            Object existing = made.get(type);
            if (existing != null) {
                return type.cast(existing);
            }
            Class<?> concrete = implementations.getOrDefault(type, type);
            if (concrete.isInterface() || Modifier.isAbstract(concrete.getModifiers())) {
                throw new AssertionError("the test does not know how to make a " + type.getName());
            }
            Constructor<?>[] constructors = concrete.getDeclaredConstructors();
            assertEquals(1, constructors.length, concrete.getName() + ": one constructor expected");
            Constructor<?> constructor = constructors[0];
            constructor.setAccessible(true);
            Object[] arguments = new Object[constructor.getParameterCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = get(constructor.getParameterTypes()[i]);
            }
            Object instance = constructor.newInstance(arguments);
            made.put(type, instance);
            return type.cast(instance);
        }

        private static APIGatewayV2HTTPEvent event(Map<String, String> claims) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(claims);
            jwt.setScopes(List.of());
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            authorizer.setJwt(jwt);
            APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
            context.setAuthorizer(authorizer);
            context.setRequestId("drift-" + UUID.randomUUID());
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            event.setRequestContext(context);
            event.setHeaders(Map.of("content-type", "application/json"));
            return event;
        }
    }

    /** A @ConfigMapping with its @WithDefault values, some keys overridden. */
    private static Object configWithDefaults(Class<?> type, String prefix, Map<String, Object> overrides) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, "config " + prefix);
            }
            String key = prefix + "." + configName(method);
            if (overrides.containsKey(key)) {
                return overrides.get(key);
            }
            WithDefault value = method.getAnnotation(WithDefault.class);
            Class<?> returned = method.getReturnType();
            if (value == null && returned.isInterface()) {
                return configWithDefaults(returned, key, overrides);
            }
            assertNotNull(value, key + " has no default: give it a value in the test");
            if (returned == String.class) {
                return value.value();
            } else if (returned == int.class || returned == Integer.class) {
                return Integer.valueOf(value.value());
            } else if (returned == long.class || returned == Long.class) {
                return Long.valueOf(value.value());
            } else if (returned == boolean.class || returned == Boolean.class) {
                return Boolean.valueOf(value.value());
            } else if (returned == Duration.class) {
                return Duration.parse(value.value());
            }
            throw new AssertionError(key + ": the test cannot convert a default to " + returned);
        });
    }

    private static HttpHeaders jsonHeaders() {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] { HttpHeaders.class },
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(proxy, method, args, "headers");
                    }
                    boolean contentType = args != null && args.length == 1
                            && HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(String.valueOf(args[0]));
                    switch (method.getName()) {
                        case "getHeaderString":
                            return contentType ? "application/json" : null;
                        case "getRequestHeader":
                            return contentType ? List.of("application/json") : List.of();
                        case "getRequestHeaders":
                            MultivaluedHashMap<String, String> all = new MultivaluedHashMap<>();
                            all.putSingle(HttpHeaders.CONTENT_TYPE, "application/json");
                            return all;
                        default:
                            throw new UnsupportedOperationException("HttpHeaders." + method.getName() + " in the drift test");
                    }
                });
    }

    private static UriInfo noQuery() {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] { UriInfo.class },
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(proxy, method, args, "uri");
                    }
                    if (method.getName().equals("getQueryParameters")) {
                        return new MultivaluedHashMap<String, String>();
                    }
                    throw new UnsupportedOperationException("UriInfo." + method.getName() + " in the drift test");
                });
    }

    /** An interface answering the given methods by name, and nothing else. */
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, type.getSimpleName());
            }
            if (answers.containsKey(method.getName())) {
                return answers.get(method.getName());
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " in the drift test");
        }));
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, String name) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> name;
        };
    }

    // ---- recording DynamoDB calls ------------------------------------------------------------

    /** One authorization unit of a DynamoDB call: the IAM action, the table and the partition kind. */
    record Call(String action, String table, String partition) {
    }

    private static final Set<String> NOT_DATA_CALLS = Set.of("close", "serviceName", "serviceClientConfiguration");

    /**
     * A client that forwards to the real one and notes each call the way IAM authorizes it: a
     * transaction by its parts, a batch by its keys.
     */
    private static DynamoDbClient recording(DynamoDbClient real, List<Call> calls) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, "recording client");
            }
            if (method.isDefault() && args != null && args.length == 1 && args[0] instanceof Consumer) {
                // the builder overloads build the request and call the request overload
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (!NOT_DATA_CALLS.contains(method.getName())) {
                calls.addAll(describe(method.getName(), args == null || args.length == 0 ? null : args[0]));
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] { DynamoDbClient.class }, handler);
    }

    private static List<Call> describe(String operation, Object request) {
        List<Call> calls = new ArrayList<>();
        if (request instanceof GetItemRequest r) {
            calls.add(new Call(GET_ITEM, r.tableName(), partition(r.key())));
        } else if (request instanceof BatchGetItemRequest r) {
            r.requestItems().forEach((table, keys) -> keys.keys()
                    .forEach(key -> calls.add(new Call(BATCH_GET_ITEM, table, partition(key)))));
        } else if (request instanceof QueryRequest r) {
            calls.add(new Call(QUERY, r.tableName(), queriedPartition(r)));
        } else if (request instanceof UpdateItemRequest r) {
            calls.add(new Call(UPDATE_ITEM, r.tableName(), partition(r.key())));
        } else if (request instanceof PutItemRequest r) {
            calls.add(new Call(PUT_ITEM, r.tableName(), partition(r.item())));
        } else if (request instanceof DeleteItemRequest r) {
            calls.add(new Call("dynamodb:DeleteItem", r.tableName(), partition(r.key())));
        } else if (request instanceof TransactWriteItemsRequest r) {
            for (TransactWriteItem item : r.transactItems()) {
                if (item.update() != null) {
                    calls.add(new Call(UPDATE_ITEM, item.update().tableName(), partition(item.update().key())));
                }
                if (item.put() != null) {
                    calls.add(new Call(PUT_ITEM, item.put().tableName(), partition(item.put().item())));
                }
                if (item.delete() != null) {
                    calls.add(new Call("dynamodb:DeleteItem", item.delete().tableName(), partition(item.delete().key())));
                }
                if (item.conditionCheck() != null) {
                    calls.add(new Call("dynamodb:ConditionCheckItem", item.conditionCheck().tableName(),
                            partition(item.conditionCheck().key())));
                }
            }
        } else if (request instanceof TransactGetItemsRequest r) {
            r.transactItems().forEach(item -> calls.add(new Call(GET_ITEM, item.get().tableName(), partition(item.get().key()))));
        } else if (request instanceof BatchWriteItemRequest r) {
            r.requestItems().forEach((table, writes) -> writes.forEach(write -> calls.add(new Call("dynamodb:BatchWriteItem",
                    table, partition(write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key())))));
        } else {
            // Scan, DescribeTable, PartiQL...: whatever it is, the declared table must name it.
            calls.add(new Call("dynamodb:" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1),
                    "?", "*"));
        }
        return calls;
    }

    private static String partition(Map<String, AttributeValue> key) {
        return partitionKind(key.get(TableLayout.PK).s());
    }

    private static String partitionKind(String pk) {
        int hash = pk.indexOf('#');
        return hash < 0 ? pk : pk.substring(0, hash + 1) + "*";
    }

    private static final Pattern NAME = Pattern.compile("#\\w+");

    private static String queriedPartition(QueryRequest query) {
        String condition = query.keyConditionExpression();
        Map<String, String> names = query.hasExpressionAttributeNames() ? query.expressionAttributeNames() : Map.of();
        Matcher placeholders = NAME.matcher(condition);
        StringBuilder resolved = new StringBuilder();
        while (placeholders.find()) {
            placeholders.appendReplacement(resolved, Matcher.quoteReplacement(names.getOrDefault(placeholders.group(), placeholders.group())));
        }
        placeholders.appendTail(resolved);
        Matcher equality = Pattern.compile("(?:^|[^\\w])" + Pattern.quote(TableLayout.PK) + "\\s*=\\s*(:\\w+)").matcher(resolved);
        assertTrue(equality.find(), "cannot read the partition of query " + condition);
        return partitionKind(query.expressionAttributeValues().get(equality.group(1)).s());
    }
}
