package com.contoso.linkedin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.contoso.linkedin.lambda.SyntheticContext;
import com.contoso.linkedin.rest.DirectRoutes;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Arc;

/**
 * The direct routes as {@code lambda.FunctionHandler} uses them on Lambda: the raw event's
 * bytes in, the Lambda response's bytes out (or nothing, when the HTTP layer must answer).
 */
public final class DirectRoute {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DirectRoute() {
    }

    public static Optional<Reply> answer(LambdaEvents event) {
        return answerRaw(event.event());
    }

    public static Optional<Reply> answerRaw(Object event) {
        try {
            byte[] bytes = event instanceof byte[] raw ? raw : JSON.writeValueAsBytes(event);
            Optional<byte[]> answer = Arc.container().instance(DirectRoutes.class).get()
                    .answer(bytes, new SyntheticContext("lambda-request"));
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            JsonNode response = JSON.readTree(answer.get());
            Map<String, String> headers = new TreeMap<>();
            response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            return Optional.of(new Reply(response.path("statusCode").asInt(), headers,
                    response.path("body").isNull() ? null : response.path("body").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The two answers are the same HTTP response: status, headers (names as HTTP compares them),
     * and body, where only the evaluation time may differ (both a recent instant). Framing headers
     * are left out: API Gateway frames the response it sends itself, and the HTTP layer's virtual
     * channel reports a large body as chunked (an empty {@code transfer-encoding}) where the direct
     * route gives its exact {@code content-length}, which is checked instead.
     */
    public static void assertSameAnswer(Reply http, Reply direct) {
        assertEquals(http.status(), direct.status(), () -> "status: HTTP layer " + brief(http) + " / direct " + brief(direct));
        assertEquals(withoutFraming(http.headers()), withoutFraming(direct.headers()),
                () -> "headers: HTTP layer " + brief(http) + " / direct " + brief(direct));
        assertEquals(direct.body().getBytes(StandardCharsets.UTF_8).length,
                Integer.parseInt(direct.header("content-length")), "content-length of the direct answer");
        assertEquals(withoutEvaluationTime(http.body()), withoutEvaluationTime(direct.body()),
                () -> "body: HTTP layer " + brief(http) + " / direct " + brief(direct));
    }

    private static String brief(Reply reply) {
        String text = reply.toString();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static Map<String, String> withoutFraming(Map<String, String> headers) {
        Map<String, String> lower = lowerCaseNames(headers);
        lower.remove("content-length");
        lower.remove("transfer-encoding");
        return lower;
    }

    private static Map<String, String> lowerCaseNames(Map<String, String> headers) {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    private static JsonNode withoutEvaluationTime(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            stripEvaluationTimes(json);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every {@code evaluatedAt}, at any depth, once it is seen to be a recent instant. */
    private static void stripEvaluationTimes(JsonNode json) {
        if (json instanceof ObjectNode object && object.has("evaluatedAt")) {
            Instant at = Instant.parse(object.remove("evaluatedAt").asText());
            assertTrue(Duration.between(at, Instant.now()).abs().toSeconds() < 60, "evaluatedAt is now: " + at);
        }
        json.forEach(DirectRoute::stripEvaluationTimes);
    }
}
