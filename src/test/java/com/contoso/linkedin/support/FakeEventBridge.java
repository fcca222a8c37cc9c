package com.contoso.linkedin.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local EventBridge on 127.0.0.1 that answers PutEvents in AWS's JSON 1.1 protocol (the only
 * action the stream function calls): it keeps every entry it took, refuses the entries a test
 * names (as EventBridge does, per entry, in a 200 answer), or refuses whole calls.
 */
public final class FakeEventBridge implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> taken = new ArrayList<>();
    private final List<Integer> callSizes = new ArrayList<>();
    private volatile Predicate<JsonNode> refuseEntry = entry -> false;
    private volatile Predicate<Integer> refuseCall = call -> false;

    public FakeEventBridge() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::serve);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Entries matching this are answered with ErrorCode InternalFailure and not kept. */
    public void refuseEntries(Predicate<JsonNode> refuse) {
        refuseEntry = refuse;
    }

    /** Calls (numbered from 1) matching this are refused whole, as a role without events:PutEvents is. */
    public void refuseCalls(Predicate<Integer> refuse) {
        refuseCall = refuse;
    }

    /** The entries taken, in order, as sent (Source, DetailType, Detail, EventBusName, Time). */
    public synchronized List<JsonNode> taken() {
        return List.copyOf(taken);
    }

    /** The number of entries of each PutEvents call received, refused ones included. */
    public synchronized List<Integer> callSizes() {
        return List.copyOf(callSizes);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"AWSEvents.PutEvents".equals(target) || !exchange.getRequestHeaders().containsKey("Authorization")) {
                answer(exchange, 400, error("UnknownOperationException", "only signed PutEvents here"));
                return;
            }
            int call;
            synchronized (this) {
                callSizes.add(request.path("Entries").size());
                call = callSizes.size();
            }
            if (refuseCall.test(call)) {
                answer(exchange, 400, error("AccessDeniedException", "not authorized to perform events:PutEvents"));
                return;
            }
            ObjectNode response = JSON.createObjectNode();
            ArrayNode results = response.putArray("Entries");
            int failed = 0;
            for (JsonNode entry : request.path("Entries")) {
                if (refuseEntry.test(entry)) {
                    failed++;
                    results.addObject().put("ErrorCode", "InternalFailure").put("ErrorMessage", "try again");
                } else {
                    synchronized (this) {
                        taken.add(entry);
                    }
                    results.addObject().put("EventId", UUID.randomUUID().toString());
                }
            }
            response.put("FailedEntryCount", failed);
            answer(exchange, 200, response);
        }
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        HttpAnswers.send(exchange, status, "application/x-amz-json-1.1", body.toString());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
