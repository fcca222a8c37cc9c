package com.contoso.linkedin.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * The Lambda authorizer's side of R6 and R7: target/authorizer.zip unzipped as Lambda's java21
 * runtime lays it out, run by AWS's runtime interface client; a loopback stand-in for Entra ID's
 * key set endpoint; Entra-shaped access tokens of many tenants signed by a key the benchmark makes.
 */
final class AuthorizerSide implements AutoCloseable {

    static {
        // Read once, by the first HttpServer made in this JVM, which may be the key set's: without
        // TCP_NODELAY every invocation through the fake Runtime API gains ~40 ms (FakeRuntimeApi).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final String HANDLER = "com.contoso.linkedin.lambda.AuthorizerHandler::handleRequest";
    static final String AUDIENCE = "api://linkedin-integration-bench";

    private final HttpServer keySet;
    private final AtomicInteger keySetReads = new AtomicInteger();
    private final RSAKey key;
    final List<String> tokens = new ArrayList<>();
    final Packaging packaging;

    AuthorizerSide(Path authorizerZip, Path work, Path jdk, String ric) throws Exception {
        key = new RSAKeyGenerator(2048).keyID("bench-key").generate();
        byte[] keys = new JWKSet(key).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
        keySet = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        keySet.createContext("/common/discovery/v2.0/keys", exchange -> {
            keySetReads.incrementAndGet();
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(keys);
                }
            }
        });
        keySet.start();
        // 100 callers of 100 tenants: API Gateway asks the authorizer once per token and cache period.
        for (int i = 0; i < 100; i++) {
            tokens.add(token(UUID.randomUUID().toString(), i % 2 == 0));
        }
        Path task = Bench.unzip(authorizerZip, work.resolve("authorizer"));
        packaging = new Packaging("authorizer", "JDK 17, authorizer.zip as Lambda's java runtime loads it", jdk,
                task + ":" + task.resolve("lib") + "/*:" + ric, List.of(), List.of(), null);
    }

    /** The authorizer's settings, as infra/template.yaml sets them, pointing at the local key set. */
    Map<String, String> env() {
        Map<String, String> env = FunctionProcess.lambdaEnvironment("AuthorizerFunction", 512);
        env.put("LINKEDIN_IDENTITY_JWKS_URI",
                "http://127.0.0.1:" + keySet.getAddress().getPort() + "/common/discovery/v2.0/keys");
        env.put("LINKEDIN_IDENTITY_AUDIENCES", AUDIENCE);
        return env;
    }

    FunctionProcess start(FakeRuntimeApi api, Path log) throws IOException {
        return FunctionProcess.start(packaging, List.of(), api, env(), log, HANDLER);
    }

    int keySetReads() {
        return keySetReads.get();
    }

    /** An HTTP API Lambda authorizer event (payload 2.0) carrying the i-th token. */
    String event(int i) {
        return event("Bearer " + tokens.get(i % tokens.size()));
    }

    static String event(String authorization) {
        return "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":\"arn:aws:execute-api:us-east-1:123456789012:bench/$default/GET/tenants\","
                + "\"identitySource\":[\"" + authorization + "\"],\"routeKey\":\"GET /tenants/{tenantId}\",\"rawPath\":\"/tenants/x\","
                + "\"rawQueryString\":\"\",\"headers\":{\"authorization\":\"" + authorization + "\",\"host\":\"api.example.com\"},"
                + "\"requestContext\":{\"accountId\":\"123456789012\",\"apiId\":\"bench\",\"requestId\":\"" + UUID.randomUUID()
                + "\",\"stage\":\"$default\",\"http\":{\"method\":\"GET\",\"path\":\"/tenants/x\",\"protocol\":\"HTTP/1.1\","
                + "\"sourceIp\":\"192.0.2.10\",\"userAgent\":\"bench\"},\"timeEpoch\":1795892400000}}";
    }

    static FakeRuntimeApi.Invocation expectAuthorized(FakeRuntimeApi.Invocation invocation) {
        if (invocation.error || invocation.response == null || !invocation.response.contains("\"isAuthorized\":true")) {
            throw new IllegalStateException("the authorizer did not authorize: " + invocation.response);
        }
        return invocation;
    }

    static FakeRuntimeApi.Invocation expectRefused(FakeRuntimeApi.Invocation invocation) {
        if (invocation.error || !"{\"isAuthorized\":false}".equals(invocation.response)) {
            throw new IllegalStateException("the authorizer did not refuse: " + invocation.response);
        }
        return invocation;
    }

    /** An app-only token (roles) or a delegated one (scp, wids), valid for an hour. */
    private String token(String tenant, boolean appOnly) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().audience(AUDIENCE)
                .issuer("https://login.microsoftonline.com/" + tenant + "/v2.0").issueTime(java.util.Date.from(now))
                .notBeforeTime(java.util.Date.from(now.minusSeconds(60))).expirationTime(java.util.Date.from(now.plusSeconds(3600)))
                .claim("tid", tenant).claim("oid", UUID.randomUUID().toString()).claim("azp", UUID.randomUUID().toString())
                .claim("ver", "2.0");
        if (appOnly) {
            claims.claim("idtyp", "app").claim("roles", List.of("LinkedInIntegration.ReadWrite", "Directory.Sync"));
        } else {
            claims.claim("scp", "LinkedInIntegration.Manage").claim("wids",
                    List.of("62e90394-69f5-4237-9190-012177145e10", "b79fbf4d-3ef9-4689-8143-76b194e85509"));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** An expired token of the same key: refused. */
    String expiredToken() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().audience(AUDIENCE).expirationTime(new java.util.Date(1_000_000_000_000L)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String describe(List<Double> values) {
        return values.stream().map(v -> String.format(java.util.Locale.ROOT, "%.2f", v)).collect(Collectors.joining(" "));
    }

    @Override
    public void close() {
        keySet.stop(0);
    }
}
