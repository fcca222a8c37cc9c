package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.ConfigKeys.envName;
import static com.contoso.linkedin.infra.FunctionSplit.AUTHORIZER;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.infra.FunctionSplit.Function;

import io.smallrye.config.WithDefault;

/**
 * How long each function may run in infra/template.yaml, with how much memory, and how many of
 * it may run at once. The application ends every store call by the request's deadline (Lambda's
 * remaining time less {@code linkedin.store.answer-margin}), so a timeout needs only leave the
 * store useful time after that margin, and API Gateway time for a cold start.
 */
class CapacityDriftTest {

    /** API Gateway's HTTP API waits at most this long for a Lambda integration... */
    private static final int HTTP_API_INTEGRATION_TIMEOUT_SECONDS = 30;
    /** ...a cold start or SnapStart restore included, for which a timeout leaves this much. */
    private static final int COLD_START_ALLOWANCE_SECONDS = 5;
    /** The hot path fails fast: a profile card drawn is better served by a quick 503 than a long wait. */
    private static final int HOT_PATH_MAX_TIMEOUT_SECONDS = 5;
    private static final String ANSWER_MARGIN = "linkedin.store.answer-margin";
    private static final String CONNECTION_TIMEOUT = "quarkus.dynamodb.sync-client.connection-timeout";

    /**
     * The concurrency parameter of each function that has one: a bound on the hot path, a
     * reservation for each writer. Setting reads and the authorizer share the unreserved pool.
     */
    private static final Map<String, String> CONCURRENCY = Map.of(
            Function.ELIGIBILITY.logicalId, "EligibilityMaxConcurrency",
            Function.SETTING_WRITE.logicalId, "SettingWriteReservedConcurrency",
            Function.DIRECTORY_ADMIN.logicalId, "DirectoryAdminReservedConcurrency",
            Function.TENANT_OPERATOR.logicalId, "TenantOperatorReservedConcurrency",
            Function.USER_SELF_SERVICE.logicalId, "UserSelfServiceReservedConcurrency");

    private static Template template;

    @BeforeAll
    static void readTemplate() {
        template = Template.read();
    }

    @Test
    void everyFunction_leavesTheStoreUsefulTimeAfterTheAnswerMargin_andAnswersBeforeTheApiGivesUp() throws Exception {
        Properties application = ConfigKeys.applicationProperties();
        String defaultMargin = application.getProperty(ANSWER_MARGIN,
                LinkedInConfig.Store.class.getMethod("answerMargin").getAnnotation(WithDefault.class).value());
        String connect = application.getProperty(CONNECTION_TIMEOUT);
        assertNotNull(connect, CONNECTION_TIMEOUT + " must bound a connection to the store");
        // The least a request can do with the store: open a connection and have an answer.
        Duration leastUseful = ConfigKeys.quarkusDuration(connect).plusSeconds(1);
        assertAll(Stream.of(Function.values()).map(function -> (Executable) () -> {
            Object timeout = template.effective(function.logicalId, "Timeout");
            assertTrue(timeout instanceof Integer, function + " Timeout must be a number of seconds");
            int seconds = (Integer) timeout;
            Object margin = template.environment(function.logicalId).getOrDefault(envName(ANSWER_MARGIN), defaultMargin);
            assertTrue(margin instanceof String, function + ": " + ANSWER_MARGIN + " must be a duration the test can read");
            Duration storeTime = Duration.ofSeconds(seconds).minus(ConfigKeys.quarkusDuration((String) margin));
            assertTrue(storeTime.compareTo(leastUseful) > 0, function + ": " + seconds + " s less the answer margin "
                    + margin + " leaves the store " + storeTime + ", not more than " + leastUseful);
            assertTrue(seconds < HTTP_API_INTEGRATION_TIMEOUT_SECONDS, function + ": " + seconds + " s");
            assertTrue(seconds + COLD_START_ALLOWANCE_SECONDS <= HTTP_API_INTEGRATION_TIMEOUT_SECONDS, function + ": "
                    + seconds + " s leaves API Gateway less than " + COLD_START_ALLOWANCE_SECONDS + " s for a cold start");
            assertNotNull(template.effective(function.logicalId, "MemorySize"), function + " MemorySize");
        }));
    }

    @Test
    void theHotPath_failsFastest_andTheGroupMemberSync_waitsLongest() {
        Map<Function, Integer> timeouts = new EnumMap<>(Function.class);
        Stream.of(Function.values()).forEach(f -> timeouts.put(f, (Integer) template.effective(f.logicalId, "Timeout")));
        int hot = timeouts.get(Function.ELIGIBILITY);
        int sync = timeouts.get(Function.DIRECTORY_ADMIN);
        assertAll(
                () -> assertTrue(hot <= HOT_PATH_MAX_TIMEOUT_SECONDS, "the eligibility function waits " + hot + " s"),
                () -> assertTrue(timeouts.entrySet().stream().filter(t -> t.getKey() != Function.ELIGIBILITY)
                        .allMatch(t -> t.getValue() > hot), "the hot path's timeout is the shortest: " + timeouts),
                () -> assertTrue(timeouts.entrySet().stream().filter(t -> t.getKey() != Function.DIRECTORY_ADMIN)
                        .allMatch(t -> t.getValue() < sync), "the member sync's timeout is the longest: " + timeouts));
    }

    /**
     * Each concurrency is a parameter, applied only when it is not 0: passed on, 0 would stop
     * the function. Nothing else reserves concurrency.
     */
    @Test
    void concurrency_isReservedForTheWriters_andBoundOnTheHotPath_fromParameters_onlyWhenSet() {
        assertFalse(template.globalFunction().containsKey("ReservedConcurrentExecutions"), "not for every function");
        assertAll(template.logicalIdsOfType("AWS::Serverless::Function").stream().map(function -> (Executable) () -> {
            Object reserved = template.properties(function).get("ReservedConcurrentExecutions");
            String parameter = CONCURRENCY.get(function);
            if (parameter == null) {
                assertNull(reserved, function + " shares the unreserved pool");
                return;
            }
            assertNotNull(reserved, function + " must take its concurrency from " + parameter);
            List<Object> choice = Template.list(Template.map(reserved).get("Fn::If"));
            String condition = String.valueOf(choice.get(0));
            Map<String, Object> definition = template.parameter(parameter);
            assertAll(
                    () -> assertEquals(List.of(condition, Map.of("Ref", parameter), Map.of("Ref", "AWS::NoValue")), choice,
                            function + ": the parameter when set, nothing otherwise"),
                    () -> assertEquals("Number", definition.get("Type"), parameter),
                    () -> assertEquals(0, definition.get("MinValue"), parameter),
                    () -> assertTrue(template.holds(condition, Map.of(parameter, "50")), condition + " with " + parameter + " 50"),
                    () -> assertFalse(template.holds(condition, Map.of(parameter, "0")),
                            condition + ": 0 is 'not reserved', never a reservation of 0 (every call throttled)"));
        }));
        assertTrue(CONCURRENCY.keySet().stream().noneMatch(AUTHORIZER::equals));
    }

    /**
     * A new account's concurrency quota can be far below the usual 1000, and Lambda keeps a part
     * of it unreserved (100 where the quota allows): a reservation by default could fail the
     * first deployment. The defaults reserve nothing; production sets the values infra/README.md
     * recommends.
     */
    @Test
    void defaults_reserveNothing_soThatAFreshAccountCanDeploy() {
        assertAll(CONCURRENCY.entrySet().stream().map(entry -> (Executable) () -> {
            assertEquals(0, template.parameter(entry.getValue()).get("Default"), entry.getValue());
            String condition = String.valueOf(Template.list(Template.map(
                    template.properties(entry.getKey()).get("ReservedConcurrentExecutions")).get("Fn::If")).get(0));
            assertFalse(template.holdsWithDefaults(condition), entry.getKey() + " reserves concurrency by default");
        }));
    }
}
