package com.contoso.linkedin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.amazonaws.services.lambda.runtime.Context;
import com.contoso.linkedin.lambda.EventDispatch;
import com.contoso.linkedin.lambda.HotRoutes;
import com.contoso.linkedin.lambda.SyntheticContext;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Arc;

/**
 * Sends API Gateway events to the function in-process, the way {@code lambda.FunctionHandler}
 * does on Lambda: the event's JSON bytes in, the Lambda response's bytes out, through the
 * production dispatch ({@link EventDispatch}: the hot routes first, then Quarkus' handler), or
 * through one of its two paths alone, to hold them to the same answer. Every answer to an operation
 * of the API is held to the committed OpenAPI document ({@link ApiContract}).
 */
public final class Dispatch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Dispatch() {
    }

    /** The production dispatch, as Lambda invokes the function. */
    public static Reply send(Object event) {
        return send(event, new SyntheticContext("lambda-request"));
    }

    public static Reply send(Object event, Context context) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        byte[] request;
        try {
            request = bytes(event);
            dispatch().handle(request, output, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checked(request, output.toByteArray());
    }

    /** The hot routes alone: their answer, or empty when they leave the event to the HTTP layer. */
    public static Optional<Reply> hotRoutes(Object event) {
        try {
            byte[] request = bytes(event);
            return Arc.container().instance(HotRoutes.class).get().answer(request, new SyntheticContext("lambda-request"))
                    .map(answer -> checked(request, answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quarkus' handler and HTTP layer alone, as a native build answers every event. */
    public static Reply httpLayer(Object event) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        byte[] request;
        try {
            request = bytes(event);
            dispatch().throughHttpLayer(request, output, new SyntheticContext("lambda-request"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checked(request, output.toByteArray());
    }

    /**
     * The answer, once it is seen to be framed whole (no {@code transfer-encoding}; a body's
     * {@code content-length} is its size) and to be what infra/openapi.yaml says of the operation
     * asked (if any).
     */
    private static Reply checked(byte[] request, byte[] answer) {
        ApiContract.Exchange.of(request, answer).ifPresent(ApiContract.committed()::check);
        Reply reply = reply(answer);
        assertNull(reply.header("transfer-encoding"), () -> "framed whole: " + brief(reply));
        if (reply.body() != null && !reply.body().isEmpty()) {
            assertEquals(Integer.toString(reply.body().getBytes(StandardCharsets.UTF_8).length),
                    reply.header("content-length"), () -> "content-length: " + brief(reply));
        }
        return reply;
    }

    private static EventDispatch dispatch() {
        return Arc.container().instance(EventDispatch.class).get();
    }

    /** The event's JSON, as the function receives it. */
    public static byte[] bytes(Object event) {
        if (event instanceof LambdaEvents built) {
            event = built.event();
        }
        try {
            return event instanceof byte[] raw ? raw : JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply reply(byte[] answer) {
        try {
            JsonNode response = JSON.readTree(answer);
            Map<String, String> headers = new TreeMap<>();
            response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            return new Reply(response.path("statusCode").asInt(), headers,
                    response.path("body").isMissingNode() || response.path("body").isNull() ? null
                            : response.path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The two answers are the same HTTP response: status, headers (names as HTTP compares them),
     * and body, where only the evaluation time may differ (both a recent instant, so the sizes
     * are compared through each answer's own framing, checked when it was received).
     */
    public static void assertSameAnswer(Reply http, Reply direct) {
        assertEquals(http.status(), direct.status(), () -> "status: HTTP layer " + brief(http) + " / direct " + brief(direct));
        assertEquals(retryAfterPresence(http), retryAfterPresence(direct), "both or neither say Retry-After");
        assertEquals(comparable(http.headers()), comparable(direct.headers()),
                () -> "headers: HTTP layer " + brief(http) + " / direct " + brief(direct));
        assertEquals(withoutEvaluationTime(http.body()), withoutEvaluationTime(direct.body()),
                () -> "body: HTTP layer " + brief(http) + " / direct " + brief(direct));
    }

    private static String brief(Reply reply) {
        String text = reply.toString();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static boolean retryAfterPresence(Reply reply) {
        String seconds = reply.header("retry-after");
        assertTrue(seconds == null || Integer.parseInt(seconds) >= 1, "Retry-After is at least 1 s: " + seconds);
        return seconds != null;
    }

    private static Map<String, String> comparable(Map<String, String> headers) {
        Map<String, String> lower = lowerCaseNames(headers);
        // The evaluation time's digits may differ in number (an instant drops trailing zeros).
        lower.remove("content-length");
        // Jittered on purpose: compared as present and at least a second (retryAfterPresence).
        lower.remove("retry-after");
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
        json.forEach(Dispatch::stripEvaluationTimes);
    }
}
