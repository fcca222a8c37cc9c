package com.contoso.linkedin.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Entra ID's key set endpoint on 127.0.0.1: serves the public halves of the
 * keys it is given (or a failure), and counts every read, with its time.
 */
public final class KeySetServer implements AutoCloseable {

    /**
     * What the endpoint answers; TRICKLE sends the key set a byte every 200 ms (over a minute in all),
     * KEYS_AND_BROKEN_ONES the keys after entries no parser can use (an RSA key without its modulus,
     * one whose x5c is no certificate, a string), ONLY_BROKEN_ONES those entries alone.
     */
    public enum Answer { KEYS, ERROR_500, NOT_JSON, TRICKLE, KEYS_AND_BROKEN_ONES, ONLY_BROKEN_ONES }

    private static final String BROKEN_KEYS = "{\"kty\":\"RSA\",\"kid\":\"no-modulus\",\"e\":\"AQAB\"},\"not a key\","
            + "{\"kty\":\"RSA\",\"kid\":\"no-certificate\",\"e\":\"AQAB\",\"n\":\"AQAB\",\"x5c\":[\"AAAA\"]}";

    private final HttpServer server;
    private final List<Long> reads = new ArrayList<>();
    private volatile List<JWK> keys;
    private volatile Answer answer = Answer.KEYS;

    public KeySetServer(JWK... keys) throws IOException {
        this.keys = List.of(keys);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/common/discovery/v2.0/keys", this::serve);
        server.start();
    }

    /** A key set address where nothing listens (a port just closed). */
    public static URI unreachable() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/common/discovery/v2.0/keys");
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/common/discovery/v2.0/keys");
    }

    /** Serves these keys from now on (a rotation). */
    public void serve(JWK... newKeys) {
        keys = List.of(newKeys);
        answer = Answer.KEYS;
    }

    public void answer(Answer newAnswer) {
        answer = newAnswer;
    }

    public synchronized int reads() {
        return reads.size();
    }

    /** When each read arrived (System.currentTimeMillis()). */
    public synchronized List<Long> readTimes() {
        return List.copyOf(reads);
    }

    private void serve(HttpExchange exchange) throws IOException {
        synchronized (this) {
            reads.add(System.currentTimeMillis());
        }
        Answer now = answer;
        int status = now == Answer.ERROR_500 ? 500 : 200;
        String body = switch (now) {
            case KEYS, TRICKLE -> new JWKSet(keys).toPublicJWKSet().toString();
            case KEYS_AND_BROKEN_ONES -> new JWKSet(keys).toPublicJWKSet().toString().replaceFirst("\\[",
                    java.util.regex.Matcher.quoteReplacement("[" + BROKEN_KEYS + ","));
            case ONLY_BROKEN_ONES -> "{\"keys\":[" + BROKEN_KEYS + "]}";
            case ERROR_500 -> "{\"error\":\"server_error\"}";
            case NOT_JSON -> "<html><body>Service unavailable</body></html>";
        };
        if (now == Answer.TRICKLE) {
            trickle(exchange, body.getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (exchange) {
            HttpAnswers.send(exchange, status, now == Answer.NOT_JSON ? "text/html" : "application/json", body);
        }
    }

    /** Each byte within any client's read timeout, the whole far beyond any sensible bound. */
    private static void trickle(HttpExchange exchange, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            for (byte b : body) {
                exchange.getResponseBody().write(b);
                exchange.getResponseBody().flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException clientGone) {
            // the reader closed the connection: what a bounded read does
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
