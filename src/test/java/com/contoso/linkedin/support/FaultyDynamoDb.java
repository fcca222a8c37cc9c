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
 * told to misbehave the ways DynamoDB does in production: answer slowly, throttle, fail with a 5xx,
 * refuse for good (access denied, no table, an invalid request), or commit a write and lose its
 * answer on the way back. Only the chosen operation misbehaves, and only after letting the first
 * {@code skip} requests of it pass and for {@code times} requests, so a test can fail exactly one
 * step of a request; the proxy counts the requests of each operation it sees.
 */
public final class FaultyDynamoDb {

    public enum Fault {
        NONE, SLOW, THROTTLE, SERVER_ERROR, ACCESS_DENIED, NO_TABLE, INVALID, LOSE_ANSWER,
        /** A transaction cancelled because another one is under way on its first item. */
        CONFLICT,
        /** The connection closes without an answer, as when no store is there. */
        HANG_UP;

        /** The DynamoDB error this fault answers with: HTTP status and error type. */
        private Object[] error() {
            return switch (this) {
                case THROTTLE -> new Object[] { 400, "ProvisionedThroughputExceededException" };
                case SERVER_ERROR, LOSE_ANSWER -> new Object[] { 500, "InternalServerError" };
                case ACCESS_DENIED -> new Object[] { 400, "AccessDeniedException" };
                case NO_TABLE -> new Object[] { 400, "ResourceNotFoundException" };
                case INVALID -> new Object[] { 400, "ValidationException" };
                case CONFLICT -> new Object[] { 400, "TransactionCanceledException" };
                default -> null;
            };
        }
    }

    private static FaultyDynamoDb instance;

    private final URI target;
    private final HttpServer proxy;
    private volatile Fault fault = Fault.NONE;
    private volatile String operation = "";
    private volatile long delayMillis = 10_000;
    private volatile int skip;
    private volatile int times = Integer.MAX_VALUE;
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> seen =
            new java.util.concurrent.ConcurrentHashMap<>();

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
        inject(endpoint, fault, operation, delayMillis, 0, Integer.MAX_VALUE);
    }

    /** As above, letting the first {@code skip} requests of the operation pass, then misbehaving {@code times}. */
    public static void inject(String endpoint, Fault fault, String operation, long delayMillis, int skip, int times) {
        control(endpoint, CONTROL + fault + "/" + delayMillis + "/" + skip + "/" + times + "/" + operation, "POST");
    }

    public static void heal(String endpoint) {
        inject(endpoint, Fault.NONE, "", 0);
    }

    /** Requests of the operation the proxy saw since the last {@link #inject}. */
    public static int seen(String endpoint, String operation) {
        return Integer.parseInt(control(endpoint, COUNT + operation, "GET"));
    }

    private static String control(String endpoint, String path, String method) {
        try {
            HttpURLConnection control = (HttpURLConnection) URI.create(endpoint + path).toURL().openConnection();
            control.setRequestMethod(method);
            if (control.getResponseCode() != 200) {
                throw new IllegalStateException("proxy control refused: " + control.getResponseCode());
            }
            return new String(control.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String CONTROL = "/_fault/";
    private static final String COUNT = "/_count/";

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith(CONTROL)) {
            String[] parts = path.substring(CONTROL.length()).split("/", 5);
            fault = Fault.valueOf(parts[0]);
            delayMillis = Long.parseLong(parts[1]);
            skip = Integer.parseInt(parts[2]);
            times = Integer.parseInt(parts[3]);
            operation = parts.length > 4 ? parts[4] : "";
            seen.clear();
            answerControl(exchange, "");
            return;
        }
        if (path.startsWith(COUNT)) {
            var count = seen.get(path.substring(COUNT.length()));
            answerControl(exchange, Integer.toString(count == null ? 0 : count.get()));
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String op = target == null ? "" : target.substring(target.indexOf('.') + 1);
        int nth = seen.computeIfAbsent(op, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        boolean chosen = (op.equals(operation) || operation.isEmpty()) && nth > skip && nth <= skip + (long) times;
        Fault now = chosen ? fault : Fault.NONE;
        try {
            if (now == Fault.SLOW) {
                Thread.sleep(delayMillis);
            }
            if (now == Fault.HANG_UP) {
                return; // closed below before any answer: the client sees the connection end
            }
            if (now == Fault.LOSE_ANSWER) {
                // The write reaches the store and commits; its answer is lost on the way back.
                forward(exchange, body, false);
            }
            if (now.error() != null) {
                byte[] answer = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + now.error()[1]
                        + "\",\"message\":\"injected by the test\"" + (now == Fault.CONFLICT
                                ? ",\"CancellationReasons\":[{\"Code\":\"TransactionConflict\"},{\"Code\":\"None\"}]" : "")
                        + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders((int) now.error()[0], answer.length);
                exchange.getResponseBody().write(answer);
                return;
            }
            forward(exchange, body, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static void answerControl(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** Sends the request on to the store and, when {@code answer}, its answer back. */
    private void forward(HttpExchange exchange, byte[] body, boolean answer) throws IOException {
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
        byte[] reply = in == null ? new byte[0] : in.readAllBytes();
        if (!answer) {
            return;
        }
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null && !name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
        });
        exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
        if (reply.length > 0) {
            exchange.getResponseBody().write(reply);
        }
    }
}
