package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.ConfigKeys.envName;
import static com.contoso.linkedin.infra.FunctionSplit.AUTHORIZER;
import static com.contoso.linkedin.infra.Template.list;
import static com.contoso.linkedin.infra.Template.map;
import static com.contoso.linkedin.infra.Template.strings;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.Context;
import com.contoso.linkedin.config.ProcessSettings;
import com.contoso.linkedin.identity.token.EntraTokenVerifier;
import com.contoso.linkedin.identity.token.VerifierSettings;
import com.contoso.linkedin.infra.FunctionSplit.Function;
import com.contoso.linkedin.lambda.AuthorizerHandler;

/**
 * The API's Lambda authorizer in infra/template.yaml: the default authorizer of every route,
 * with simple responses and a bounded answer cache; its own zip, handler, role, log group and
 * settings (identity/token/VerifierSettings); a timeout inside API Gateway's wait.
 */
class AuthorizerDriftTest {

    /** How long API Gateway waits for a Lambda authorizer of an HTTP API. */
    private static final int HTTP_API_AUTHORIZER_TIMEOUT_SECONDS = 10;

    private static Template template;

    @BeforeAll
    static void readTemplate() {
        template = Template.read();
    }

    @Test
    void everyRoute_isBehindTheLambdaAuthorizer_withSimpleResponses_andTheBoundedCache() {
        Map<String, Object> auth = map(template.properties(template.the("AWS::Serverless::HttpApi")).get("Auth"));
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
        // every event keeps the default authorizer: templateRoutes refuses an event with Auth of its own
        assertFalse(RoutesDriftTest.templateRoutes(template).isEmpty());
    }

    @Test
    void authorizerCacheTtl_isAParameter_boundedBelowATokensLife() {
        Map<String, Object> ttl = template.parameter("AuthorizerCacheTtlSeconds");
        assertAll(
                () -> assertEquals("Number", ttl.get("Type")),
                () -> assertEquals(300, ttl.get("Default")),
                () -> assertEquals(0, ttl.get("MinValue")),
                () -> assertEquals(3600, ttl.get("MaxValue"), "never longer than an Entra access token lives"));
    }

    @Test
    void authorizer_deploysItsOwnZip_onJava21_withTheHandlerTheCodeHas() throws Exception {
        Map<String, Object> authorizer = template.properties(AUTHORIZER);
        String[] handler = String.valueOf(authorizer.get("Handler")).split("::");
        Class<?> type = Class.forName(handler[0], false, getClass().getClassLoader());
        assertAll(
                () -> assertEquals("../target/authorizer.zip", authorizer.get("CodeUri")),
                () -> assertEquals("java21", authorizer.get("Runtime"), "whatever FunctionRuntime the API functions use"),
                () -> assertEquals(AuthorizerHandler.class, type),
                () -> assertEquals("handleRequest", handler[1]),
                () -> assertNotNull(type.getMethod(handler[1], InputStream.class, OutputStream.class, Context.class)),
                () -> assertEquals(Map.of("ApplyOn", "None"), authorizer.get("SnapStart")),
                () -> assertTrue((Integer) authorizer.get("MemorySize") <= 512, "a small function"));
    }

    @Test
    void authorizer_answersBeforeApiGatewayGivesUp_evenWhenItReadsTheKeySet() {
        Object timeout = template.properties(AUTHORIZER).get("Timeout");
        assertTrue(timeout instanceof Integer, "Timeout in seconds");
        assertTrue((Integer) timeout < HTTP_API_AUTHORIZER_TIMEOUT_SECONDS, timeout + " s");
        assertTrue(Duration.ofSeconds((Integer) timeout).compareTo(EntraTokenVerifier.KEY_SET_READ_BOUND.plusSeconds(1)) >= 0,
                timeout + " s cuts off a key set read bounded at " + EntraTokenVerifier.KEY_SET_READ_BOUND);
    }

    @Test
    void authorizer_hasItsOwnRole_thatOnlyWritesItsOwnLog_andReachesNoTable() {
        Map<String, Object> function = template.properties(AUTHORIZER);
        String role = template.roleOf(AUTHORIZER);
        String group = template.logGroupOf(AUTHORIZER);
        List<Map<String, Object>> statements = template.statements(role);
        assertAll(
                () -> assertEquals("AWS::IAM::Role", template.type(role)),
                () -> assertFalse(function.containsKey("Policies"), "no SAM policies"),
                () -> assertFalse(template.properties(role).containsKey("ManagedPolicyArns"), "no managed policies"),
                () -> assertTrue(Stream.of(Function.values()).map(f -> template.roleOf(f.logicalId)).noneMatch(role::equals),
                        "a role of its own"),
                () -> assertEquals("AWS::Logs::LogGroup", template.type(group)),
                () -> assertTrue(Stream.of(Function.values()).map(f -> template.logGroupOf(f.logicalId))
                        .noneMatch(group::equals), "a log group of its own"),
                () -> assertEquals(1, statements.size(), "logs only: " + statements),
                () -> assertEquals(RolesDriftTest.LOG_ACTIONS, Set.copyOf(strings(statements.get(0).get("Action")))),
                () -> assertEquals(List.of(Map.of("Fn::GetAtt", List.of(group, "Arn"))), list(statements.get(0).get("Resource"))),
                () -> assertEquals(Map.of(), map(function.getOrDefault("Events", Map.of())), "routes: none"));
    }

    /** The authorizer is no Quarkus application: its variables are the settings identity/token reads, nothing else. */
    @Test
    void authorizer_getsOnlyItsOwnSettings_andTheAudiencesFromTheTemplate() {
        // as SAM merges them: Globals' variables, then the function's own
        Map<String, Object> variables = new TreeMap<>(template.environment(AUTHORIZER));
        Set<String> settings = new TreeSet<>(VerifierSettings.KEYS.stream().map(ProcessSettings::environmentName).toList());
        assertAll(
                () -> assertTrue(settings.containsAll(variables.keySet()),
                        "variables (" + variables.keySet() + ") the authorizer does not read; it reads " + settings),
                () -> assertEquals(Map.of("Fn::Join", List.of(",", Map.of("Ref", "JwtAudience"))),
                        variables.get(ProcessSettings.environmentName(VerifierSettings.AUDIENCES)),
                        "without audiences the authorizer refuses every token"),
                () -> assertEquals(envName(VerifierSettings.JWKS_URI), ProcessSettings.environmentName(VerifierSettings.JWKS_URI),
                        "the authorizer names its variables as MicroProfile Config does"));
    }
}
