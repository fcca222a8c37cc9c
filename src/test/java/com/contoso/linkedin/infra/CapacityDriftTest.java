package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.ConfigKeys.envName;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.contoso.linkedin.infra.FunctionSplit.Function;

/** How long each function may run in infra/template.yaml, and with how much memory. */
class CapacityDriftTest {

    /** API Gateway's HTTP API waits at most this long for a Lambda integration. */
    private static final int HTTP_API_INTEGRATION_TIMEOUT_SECONDS = 30;
    /** The application's bound of one DynamoDB call, SDK retries included. */
    private static final String STORE_CALL_BOUND = "quarkus.dynamodb.api-call-timeout";

    private static Template template;

    @BeforeAll
    static void readTemplate() {
        template = Template.read();
    }

    /**
     * A function must outlive the bound of a store call (so that it answers 503 itself, with
     * Retry-After) and stop before the HTTP API stops waiting for it.
     */
    @Test
    void everyFunction_stopsBeforeTheApiGivesUp_andAfterAStoreCallCould() {
        String applicationBound = ConfigKeys.applicationProperties().getProperty(STORE_CALL_BOUND);
        assertAll(Stream.of(Function.values()).map(function -> (Executable) () -> {
            Object timeout = template.effective(function.logicalId, "Timeout");
            assertTrue(timeout instanceof Integer, function + " Timeout must be a number of seconds");
            Object bound = template.environment(function.logicalId).getOrDefault(envName(STORE_CALL_BOUND), applicationBound);
            assertNotNull(bound, STORE_CALL_BOUND + " must bound every DynamoDB call, or no timeout is safe");
            Duration storeCall = ConfigKeys.quarkusDuration(String.valueOf(bound));
            assertTrue((Integer) timeout < HTTP_API_INTEGRATION_TIMEOUT_SECONDS, function + ": " + timeout + " s");
            assertTrue(Duration.ofSeconds((Integer) timeout).compareTo(storeCall.plusSeconds(2)) >= 0,
                    function + ": a timeout of " + timeout + " s cuts off a store call bounded at " + storeCall);
            assertNotNull(template.effective(function.logicalId, "MemorySize"), function + " MemorySize");
        }));
    }
}
