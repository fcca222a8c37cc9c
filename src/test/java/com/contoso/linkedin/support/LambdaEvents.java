package com.contoso.linkedin.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/**
 * Raw API Gateway HTTP API (payload 2.0) events, sent through the production dispatch
 * ({@link Dispatch}) the way API Gateway invokes the function in AWS, with the caller as the deployed Lambda authorizer
 * hands it on ({@code requestContext.authorizer.lambda}), or as an HTTP API JWT authorizer does
 * ({@code requestContext.authorizer.jwt.claims}).
 */
public final class LambdaEvents {
    /** Where the caller's verified claims arrive in the event. */
    public enum Authorizer {
        /** The function set's Lambda authorizer: its context keys, lists space-separated. */
        LAMBDA,
        /** An HTTP API JWT authorizer: every claim, lists flattened to "[a b]". */
        JWT
    }

    /** The context keys the Lambda authorizer hands on (SPEC section 5). */
    private static final java.util.List<String> CONTEXT_KEYS = java.util.List.of("tid", "oid", "azp", "idtyp", "scp",
            "roles", "wids");

    private final String method;
    private final String path;
    private String rawQuery = "";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Map<String, String> claims;
    private Authorizer authorizer = Authorizer.LAMBDA;
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
        return as(claims, Authorizer.LAMBDA);
    }

    public LambdaEvents as(Map<String, String> claims, Authorizer authorizer) {
        this.claims = claims;
        this.authorizer = authorizer;
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
            context.put("authorizer", authorizer == Authorizer.JWT
                    ? Map.of("jwt", Map.of("claims", claims, "scopes", java.util.List.of()))
                    : Map.of("lambda", lambdaContext(claims)));
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

    /** What the Lambda authorizer would hand on for these claims. */
    private static Map<String, String> lambdaContext(Map<String, String> claims) {
        Map<String, String> context = new LinkedHashMap<>();
        for (String key : CONTEXT_KEYS) {
            String value = claims.get(key);
            if (value != null) {
                context.put(key, value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1)
                        : value);
            }
        }
        return context;
    }

    public Reply send() {
        return sendRaw(event());
    }

    /** Any event, well-formed or not, through the production dispatch ({@link Dispatch}). */
    public static Reply sendRaw(Object event) {
        return Dispatch.send(event);
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
