package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.ConfigKeys.envName;
import static com.contoso.linkedin.infra.Template.list;
import static com.contoso.linkedin.infra.Template.map;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.infra.FunctionSplit.Function;
import com.contoso.linkedin.store.dynamodb.TableLayout;

/**
 * How infra/template.yaml configures the API functions and the table: the handler and runtime
 * the code has, environment variables that are configuration keys the code reads, and the key
 * schema the code's table layout uses. The authorizer's own settings: {@link AuthorizerDriftTest}.
 */
class ConfigDriftTest {

    /** Environment variables that are not configuration keys, with why they are there. */
    private static final Set<String> NON_CONFIG_VARIABLES = Set.of(
            "DISABLE_SIGNAL_HANDLERS" /* Quarkus native on Lambda */);

    private static Template template;

    @BeforeAll
    static void readTemplate() {
        template = Template.read();
    }

    @Test
    void everyFunction_getsTheTableFromTheTemplate_andOnlyConfigKeysTheCodeReads() {
        String table = template.the("AWS::DynamoDB::Table");
        Set<String> appKeys = ConfigKeys.of(LinkedInConfig.class);
        Map<String, String> quarkusKeys = ConfigKeys.runtimeQuarkusKeys();
        assertAll(Stream.of(Function.values()).map(function -> (Executable) () -> {
            Map<String, Object> environment = template.environment(function.logicalId);
            assertEquals(Map.of("Ref", table), environment.get(envName("linkedin.table-name")),
                    function + ": LINKEDIN_TABLE_NAME must be the template's table");
            assertTrue(environment.containsKey(envName("linkedin.tenant-cache.max-staleness")),
                    function + ": LINKEDIN_TENANT_CACHE_MAX_STALENESS must be set");
            assertEquals(Map.of("Ref", "OperatorTenantId"), environment.get(envName("linkedin.identity.operator-tenant-id")),
                    function + ": the any-tenant roles' operator tenant is the template's parameter");
            assertEquals(Map.of("Ref", "TrustedClientIds"), environment.get(envName("linkedin.identity.trusted-client-ids")),
                    function + ": the any-tenant roles' trusted apps are the template's parameter");
            assertEquals(Map.of("Fn::Sub", MetricsCatalog.NAMESPACE), environment.get(envName("linkedin.metrics.namespace")),
                    function + ": its metrics in the stack's namespace, which the stack's alarms and dashboard read");
            for (String variable : environment.keySet()) {
                if (variable.startsWith("LINKEDIN_")) {
                    assertTrue(appKeys.stream().map(ConfigKeys::envName).anyMatch(variable::equals),
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

    /**
     * A duration parameter takes exactly the ISO-8601 durations the function reads (Java's
     * {@link Duration#parse}) that are not negative: what the pattern lets through must not fail
     * every function's start.
     */
    @ParameterizedTest
    @ValueSource(strings = { "TenantCacheMaxStaleness", "OffboardedAuditRetention" })
    void durationParameters_takeWhatTheFunctionsRead(String parameter) {
        Pattern allowed = Pattern.compile(Template.text(template.parameter(parameter).get("AllowedPattern")));
        List<String> samples = List.of("PT0S", "PT30S", "PT0.5S", "PT5M", "PT1H", "PT1H30M", "PT1H5S", "PT2M30.25S",
                "P400D", "P1DT12H", "P", "PT", "P1DT", "PT1.5H", "PT30S5M", "PT5M1H", "PT1S1S", "-PT1S", "PT-1S", "30",
                "P1W", "P1Y", "pt30s", "PT0.000000001S", "PT0.0000000001S", "P0D");
        assertAll(samples.stream().map(sample -> (Executable) () -> assertEquals(parses(sample),
                allowed.matcher(sample).matches(), parameter + " and Duration.parse disagree on " + sample)));
        assertTrue(allowed.matcher(Template.text(template.parameter(parameter).get("Default"))).matches());
    }

    private static boolean parses(String text) {
        try {
            return !Duration.parse(text).isNegative() && text.startsWith("P");
        } catch (DateTimeParseException refused) {
            return false;
        }
    }

    @Test
    void table_hasTheCodesKeySchema_andIsKeptSafe() {
        String table = template.the("AWS::DynamoDB::Table");
        Map<String, Object> resource = template.resource(table);
        Map<String, Object> properties = template.properties(table);
        assertAll(
                () -> assertEquals(List.of(Map.of("AttributeName", TableLayout.PK, "KeyType", "HASH"),
                        Map.of("AttributeName", TableLayout.SK, "KeyType", "RANGE")), properties.get("KeySchema")),
                () -> assertEquals(Set.of(Map.of("AttributeName", TableLayout.PK, "AttributeType", "S"),
                        Map.of("AttributeName", TableLayout.SK, "AttributeType", "S"),
                        Map.of("AttributeName", TableLayout.TENANT_KEY, "AttributeType", "S"),
                        Map.of("AttributeName", TableLayout.USER_KEY, "AttributeType", "S")),
                        Set.copyOf(list(properties.get("AttributeDefinitions")))),
                // The index of user items by tenant: erasure of an offboarded tenant and the export
                // of its selection find its users without a scan (TableLayout).
                () -> assertEquals(List.of(Map.of("IndexName", TableLayout.USERS_BY_TENANT,
                        "KeySchema", List.of(Map.of("AttributeName", TableLayout.TENANT_KEY, "KeyType", "HASH"),
                                Map.of("AttributeName", TableLayout.USER_KEY, "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "KEYS_ONLY"))), properties.get("GlobalSecondaryIndexes")),
                () -> assertEquals("PAY_PER_REQUEST", properties.get("BillingMode")),
                () -> assertEquals(Map.of("PointInTimeRecoveryEnabled", true), properties.get("PointInTimeRecoverySpecification")),
                () -> assertEquals(true, properties.get("DeletionProtectionEnabled")),
                () -> assertEquals(true, map(properties.get("SSESpecification")).get("SSEEnabled")),
                () -> assertEquals("Retain", resource.get("DeletionPolicy")),
                () -> assertEquals("Retain", resource.get("UpdateReplacePolicy")),
                () -> assertFalse(properties.containsKey("TableName"), "a fixed name would clash between stacks"),
                () -> assertEquals(Map.of("AttributeName", TableLayout.EXPIRES_AT, "Enabled", true),
                        properties.get("TimeToLiveSpecification"), "an offboarded tenant's audit entries expire"));
    }

    @Test
    void jvmRuntime_usesTheFunctionHandler_withSnapStartOnThePublishedAlias() throws Exception {
        Map<String, Object> globals = template.globalFunction();
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
}
