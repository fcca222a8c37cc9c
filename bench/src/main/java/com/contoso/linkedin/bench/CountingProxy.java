package com.contoso.linkedin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of DynamoDB Local that counts the requests passing through it by
 * their X-Amz-Target header (the DynamoDB operation): the store calls a function really makes,
 * seen from outside the function. Used only by the counting phase, never while timing.
 */
final class CountingProxy implements AutoCloseable {
    private static final byte[] TARGET = "x-amz-target: dynamodb_20120810.".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final int targetPort;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    CountingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    synchronized Map<String, Integer> snapshot() {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pump(client.getInputStream(), upstream.getOutputStream(), true);
                pump(upstream.getInputStream(), client.getOutputStream(), false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out, boolean count) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65536];
            StringBuilder carry = new StringBuilder();
            try (in; out) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    if (count) {
                        carry.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                        countTargets(carry);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // connection closed
            }
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void countTargets(StringBuilder carry) {
        String text = carry.toString().toLowerCase();
        String target = new String(TARGET, StandardCharsets.US_ASCII);
        int from = 0;
        int consumed = 0;
        for (int at; (at = text.indexOf(target, from)) >= 0;) {
            int end = text.indexOf('\r', at);
            if (end < 0) {
                break;
            }
            String operation = carry.substring(at + target.length(), end).trim();
            counts.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            from = end;
            consumed = end;
        }
        // keep only a tail that may hold a header split across reads
        int keepFrom = Math.max(consumed, carry.length() - 256);
        carry.delete(0, keepFrom);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
