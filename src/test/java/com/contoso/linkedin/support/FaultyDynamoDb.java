package com.contoso.linkedin.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The JVM's one DynamoDB Local ({@link SharedDynamoDbLocal}) behind a loopback proxy that can be
 * told to misbehave the ways DynamoDB does in production: answer slowly, or throttle. Only the
 * chosen operations misbehave, so a test can fail exactly one step of a request.
 */
public final class FaultyDynamoDb {

    public enum Fault {
        NONE, SLOW, THROTTLE
    }

    private static FaultyDynamoDb instance;

    private final URI target;
    private final HttpServer proxy;
    private volatile Fault fault = Fault.NONE;
    private volatile String operation = "";
    private volatile long delayMillis = 10_000;

    private FaultyDynamoDb(URI target) throws IOException {
        this.target = target;
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.setExecutor(Executors.newCachedThreadPool());
        proxy.createContext("/", this::handle);
        proxy.start();
    }

    /** One proxy for the test run (per class loader), in front of the shared store. */
    public static synchronized FaultyDynamoDb get() {
        if (instance == null) {
            try {
                instance = new FaultyDynamoDb(URI.create(SharedDynamoDbLocal.endpoint()));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the faulty store", e);
            }
        }
        return instance;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getAddress().getPort();
    }

    /**
     * Makes the named operation (e.g. "GetItem", "TransactWriteItems"; "" for all) of the proxy at
     * {@code endpoint} misbehave. Through HTTP, because the Quarkus test and its profile live in
     * different class loaders and so see different static state.
     */
    public static void inject(String endpoint, Fault fault, String operation, long delayMillis) {
        try {
            HttpURLConnection control = (HttpURLConnection) URI.create(endpoint + CONTROL + fault + "/"
                    + delayMillis + "/" + operation).toURL().openConnection();
            control.setRequestMethod("POST");
            if (control.getResponseCode() != 204) {
                throw new IllegalStateException("fault not injected: " + control.getResponseCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void heal(String endpoint) {
        inject(endpoint, Fault.NONE, "", 0);
    }

    private static final String CONTROL = "/_fault/";

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith(CONTROL)) {
            String[] parts = path.substring(CONTROL.length()).split("/", 3);
            fault = Fault.valueOf(parts[0]);
            delayMillis = Long.parseLong(parts[1]);
            operation = parts.length > 2 ? parts[2] : "";
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        boolean chosen = target != null && target.endsWith("." + operation) || operation.isEmpty();
        Fault now = chosen ? fault : Fault.NONE;
        try {
            if (now == Fault.THROTTLE) {
                byte[] answer = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                        + "\"message\":\"Throughput exceeds the current capacity\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(400, answer.length);
                exchange.getResponseBody().write(answer);
                return;
            }
            if (now == Fault.SLOW) {
                Thread.sleep(delayMillis);
            }
            forward(exchange, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) target.resolve(exchange.getRequestURI()).toURL()
                .openConnection();
        connection.setRequestMethod(exchange.getRequestMethod());
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Length") && !header.getKey().equalsIgnoreCase("Host")) {
                header.getValue().forEach(value -> connection.addRequestProperty(header.getKey(), value));
            }
        }
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        byte[] answer = in == null ? new byte[0] : in.readAllBytes();
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null && !name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
        });
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
    }
}
