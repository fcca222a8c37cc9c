package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.lambda.SyntheticContext;
import com.contoso.linkedin.support.Dispatch;
import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/** One structured line per request, with the fields operators filter on, and nothing secret. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class RequestLogTest {

    @Inject
    LinkedInConfig config;

    private final List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord ext = (ExtLogRecord) record;
            ext.copyMdc();
            lines.add(ext);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("com.contoso.linkedin.access").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("com.contoso.linkedin.access").removeHandler(capture);
    }

    @Test
    void eachRequest_leavesOneLine_withRequestIdRouteTenantCallerKindStatusAndLatency() {
        String tenant = Tenants.provisioned();
        String user = newId();
        lines.clear();

        var reply = LambdaEvents.get("/tenants/" + tenant + "/users/" + user + "/linkedin-eligibility")
                .as(Identities.checker()).send();

        assertEquals(200, reply.status());
        assertEquals(1, lines.size(), () -> "lines: " + lines.size());
        ExtLogRecord line = lines.get(0);
        assertTrue(line.getMdc("requestId").startsWith("req-"));
        assertEquals("GET /tenants/{id}/users/{id}/linkedin-eligibility", line.getMdc("route"));
        assertEquals(tenant, line.getMdc("tenantId"));
        assertEquals("app", line.getMdc("callerKind"));
        assertEquals("200", line.getMdc("status"));
        assertTrue(Double.parseDouble(line.getMdc("latencyMs")) >= 0);
    }

    @Test
    void everyLine_carriesTheLambdaRequestIdAndTheTraceId_onBothPaths() {
        String tenant = Tenants.provisioned();
        lines.clear();
        System.setProperty("com.amazonaws.xray.traceHeader", "Root=1-674b2e1a-0123456789abcdef01234567;Parent=1a;Sampled=1");
        try {
            Dispatch.send(LambdaEvents.get("/tenants/" + tenant + "/users/" + newId() + "/linkedin-eligibility")
                    .as(Identities.checker()), new SyntheticContext("lambda-hot-1"));
            Dispatch.send(LambdaEvents.get("/tenants/" + tenant + "/linkedin-integration")
                    .as(Identities.globalReader(tenant)), new SyntheticContext("lambda-http-1"));
        } finally {
            System.clearProperty("com.amazonaws.xray.traceHeader");
        }

        assertEquals(2, lines.size());
        assertEquals("lambda-hot-1", lines.get(0).getMdc("lambdaRequestId"));
        assertEquals("lambda-http-1", lines.get(1).getMdc("lambdaRequestId"));
        lines.forEach(line -> assertEquals("1-674b2e1a-0123456789abcdef01234567", line.getMdc("traceId")));
        assertEquals(null, org.jboss.logging.MDC.get("lambdaRequestId"), "nothing of the request stays on the thread");
    }

    @Test
    void requests_leaveTheirMetrics_inTheOutput_asEmbeddedMetricFormat_withoutAnyId() throws Exception {
        String tenant = Tenants.provisioned();
        String user = newId();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            LambdaEvents.get("/tenants/" + tenant + "/users/" + user + "/linkedin-eligibility").as(Identities.checker())
                    .send();
            com.contoso.linkedin.metrics.Metrics.flushIfDue(java.time.Duration.ZERO, config.metrics().namespace());
        } finally {
            System.setOut(stdout);
        }

        List<com.fasterxml.jackson.databind.JsonNode> documents = new java.util.ArrayList<>();
        for (String line : out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{") && line.contains("\"_aws\"")) {
                documents.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
            }
        }
        assertTrue(documents.stream().anyMatch(d -> d.path("Decisions").asDouble() >= 1
                && "ELIGIBLE".equals(d.path("Reason").asText()) && "PROFILE_CARD".equals(d.path("Client").asText())),
                documents::toString);
        assertTrue(documents.stream().anyMatch(d -> "ok".equals(d.path("Outcome").asText())
                && d.path("StoreCalls").asDouble() >= 1), documents::toString);
        assertTrue(documents.stream().anyMatch(d -> d.has("StoreLatency")), documents::toString);
        assertTrue(documents.stream().allMatch(d -> d.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace")
                .asText().equals("LinkedInIntegration/test")), "the namespace of linkedin.metrics.namespace");
        assertFalse(out.toString(java.nio.charset.StandardCharsets.UTF_8).contains(user), "no user id in any metric");
        assertTrue(documents.stream().noneMatch(d -> d.toString().contains(tenant)), "no tenant id in any metric");
    }

    @Test
    void theDirectRoute_leavesTheSameOneLine() {
        String tenant = Tenants.provisioned();
        Map<String, Object> check = LambdaEvents.get("/tenants/" + tenant + "/users/" + newId()
                + "/linkedin-eligibility").as(Identities.checker()).event();
        lines.clear();
        Dispatch.httpLayer(check);
        Dispatch.hotRoutes(check).orElseThrow();

        assertEquals(2, lines.size(), () -> "lines: " + lines.size());
        for (String field : List.of("requestId", "route", "tenantId", "callerKind", "status")) {
            assertEquals(lines.get(0).getMdc(field), lines.get(1).getMdc(field), field);
        }
        assertEquals(lines.get(0).getFormattedMessage(), lines.get(1).getFormattedMessage());
        assertTrue(Double.parseDouble(lines.get(1).getMdc("latencyMs")) >= 0);
    }

    @Test
    void logLines_neverHoldTokensClaimsOrUserIds() {
        String tenant = Tenants.provisioned();
        String user = newId();
        Map<String, String> claims = Identities.user(tenant, user);
        String token = "e30.bm90LWpzb24.c2lnbmF0dXJl"; // payload "not-json": no claims
        lines.clear();

        LambdaEvents.put("/tenants/" + tenant + "/users/" + user + "/linkedin-connection").as(claims)
                .header("Authorization", "Bearer " + token).json("{\"consent\":\"BOTH_WAYS\"}").send();
        LambdaEvents.get("/tenants/" + tenant + "/users/" + user + "/linkedin-eligibility")
                .header("Authorization", "Bearer " + token).send();

        assertEquals(2, lines.size());
        for (ExtLogRecord line : lines) {
            String everything = line.getFormattedMessage() + " " + line.getMdcCopy();
            assertFalse(everything.contains(token), everything);
            assertFalse(everything.contains(user), "no user id: " + everything);
        }
        assertEquals("user", lines.get(0).getMdc("callerKind"));
        assertEquals("none", lines.get(1).getMdc("callerKind"));
        assertEquals("401", lines.get(1).getMdc("status"));
    }
}
