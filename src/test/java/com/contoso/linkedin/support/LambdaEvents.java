package com.contoso.linkedin.support;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/**
 * Raw API Gateway HTTP API (payload 2.0) events posted to the mock event server's /_lambda_, the
 * way API Gateway invokes the function in AWS, with the JWT authorizer's claims in the context.
 */
public final class LambdaEvents {
    private final String method;
    private final String path;
    private String rawQuery = "";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Map<String, String> claims;
    private String body;

    private LambdaEvents(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static LambdaEvents get(String path) {
        return new LambdaEvents("GET", path);
    }

    public static LambdaEvents put(String path) {
        return new LambdaEvents("PUT", path);
    }

    public static LambdaEvents post(String path) {
        return new LambdaEvents("POST", path);
    }

    public static LambdaEvents delete(String path) {
        return new LambdaEvents("DELETE", path);
    }

    public static LambdaEvents request(String method, String path) {
        return new LambdaEvents(method, path);
    }

    public LambdaEvents as(Map<String, String> claims) {
        this.claims = claims;
        return this;
    }

    public LambdaEvents query(String rawQuery) {
        this.rawQuery = rawQuery;
        return this;
    }

    public LambdaEvents header(String name, String value) {
        headers.put(name.toLowerCase(), value);
        return this;
    }

    /** A JSON body with its content type, as clients send it. */
    public LambdaEvents json(String json) {
        header("content-type", "application/json");
        this.body = json;
        return this;
    }

    public LambdaEvents rawBody(String body) {
        this.body = body;
        return this;
    }

    public Map<String, Object> event() {
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "192.0.2.10");
        http.put("userAgent", "tests");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "123456789012");
        context.put("apiId", "api");
        context.put("domainName", "api.example.com");
        context.put("requestId", "req-" + UUID.randomUUID());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", "27/Nov/2026:19:00:00 +0000");
        context.put("timeEpoch", 1_795_892_400_000L);
        context.put("http", http);
        if (claims != null) {
            context.put("authorizer", Map.of("jwt", Map.of("claims", claims, "scopes", java.util.List.of())));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery);
        Map<String, String> allHeaders = new LinkedHashMap<>(headers);
        allHeaders.putIfAbsent("host", "api.example.com");
        event.put("headers", allHeaders);
        event.put("requestContext", context);
        event.put("isBase64Encoded", false);
        if (body != null) {
            event.put("body", body);
        }
        return event;
    }

    public Reply send() {
        return sendRaw(event());
    }

    /** Posts any event, well-formed or not, to the function. */
    public static Reply sendRaw(Object event) {
        JsonPath reply = given().contentType("application/json").body(event)
                .post("/_lambda_").then().extract().jsonPath();
        return new Reply(reply.getInt("statusCode"), reply.getMap("headers", String.class, String.class),
                reply.getString("body"));
    }

    /** The function's answer, as API Gateway would turn it into an HTTP response. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public JsonPath json() {
            return new JsonPath(body == null ? "{}" : body);
        }

        public String header(String name) {
            if (headers == null) {
                return null;
            }
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}
