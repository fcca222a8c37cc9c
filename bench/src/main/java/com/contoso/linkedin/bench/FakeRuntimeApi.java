package com.contoso.linkedin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback fake of the Lambda Runtime API (2018-06-01) for one function process. An
 * invocation's duration is what Lambda bills: from handing the event out on /next to receiving
 * the function's response. TCP_NODELAY is on (sun.net.httpserver.nodelay, set before the first
 * server is made): without it Nagle and delayed ACKs add ~40 ms to every invocation.
 */
final class FakeRuntimeApi implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final class Invocation {
        final String id = UUID.randomUUID().toString();
        final byte[] event;
        volatile long handedOutNanos;
        volatile long answeredNanos;
        volatile String response;
        volatile boolean error;
        final CompletableFuture<Invocation> done = new CompletableFuture<>();

        Invocation(String event) {
            this.event = event.getBytes(StandardCharsets.UTF_8);
        }

        long durationNanos() {
            return answeredNanos - handedOutNanos;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;
    volatile String initError;

    FakeRuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(threads);
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    Invocation submit(String event) {
        Invocation invocation = new Invocation(event);
        pending.add(invocation);
        return invocation;
    }

    /** Submits and waits for the answer. */
    Invocation invoke(String event) {
        Invocation invocation = submit(event);
        try {
            return invocation.done.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no answer from the function: " + initError, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.endsWith("/invocation/next")) {
                Invocation next = null;
                while (next == null && !closed) {
                    try {
                        next = pending.poll(200, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (next == null) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                inFlight.put(next.id, next);
                var headers = exchange.getResponseHeaders();
                headers.add("Lambda-Runtime-Aws-Request-Id", next.id);
                headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
                headers.add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:123456789012:function:bench");
                headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                headers.add("Content-Type", "application/json");
                next.handedOutNanos = System.nanoTime();
                exchange.sendResponseHeaders(200, next.event.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(next.event);
                }
            } else if (path.contains("/invocation/")) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                long answered = System.nanoTime();
                String id = path.substring(path.indexOf("/invocation/") + "/invocation/".length(), path.lastIndexOf('/'));
                Invocation invocation = inFlight.remove(id);
                exchange.sendResponseHeaders(202, -1);
                if (invocation != null) {
                    invocation.answeredNanos = answered;
                    invocation.response = new String(body, StandardCharsets.UTF_8);
                    invocation.error = path.endsWith("/error");
                    invocation.done.complete(invocation);
                }
            } else if (path.endsWith("/init/error")) {
                try (InputStream in = exchange.getRequestBody()) {
                    initError = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                exchange.sendResponseHeaders(202, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        threads.shutdownNow();
    }
}
