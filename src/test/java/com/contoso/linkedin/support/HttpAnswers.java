package com.contoso.linkedin.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/** How the tests' loopback fakes of outside services (EventBridge, Entra ID's key set) answer. */
final class HttpAnswers {

    private HttpAnswers() {
    }

    /** Sends {@code body} with this status and content type, whole, and ends the exchange's body. */
    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
