package com.contoso.linkedin.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Ids;
import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.Caller;
import com.contoso.linkedin.identity.Claims;
import com.contoso.linkedin.rest.Views.EligibilityView;
import com.contoso.linkedin.service.EligibilityService;
import com.contoso.linkedin.store.StoreUnavailableException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * {@code GET /tenants/{tenantId}/users/{userId}/linkedin-eligibility}, answered straight from the
 * Lambda event. It is asked on every profile card drawn, and Quarkus' HTTP layer (a virtual
 * connection, the Vert.x event loop, a worker thread, RESTEasy) costs about as much as the check
 * itself (README "Speed").
 *
 * <p>The same code decides as in {@link UserResource#eligibility}: claims, grants, the service,
 * the view, the problem documents, the access log line and {@code Cache-Control}. This route
 * answers only a well-formed, authorised check, and with exactly the HTTP layer's answer; it
 * declines everything else (no verified claims, ids that are no GUIDs, a caller without the
 * grant, a query or an {@code Accept} it does not know, a body), which then goes through the HTTP
 * layer, the one place with every other answer. Once it has called the store it answers itself,
 * failures included, so that no request costs two store calls.
 */
@ApplicationScoped
public class DirectEligibilityRoute {
    private static final Pattern PATH = Pattern.compile("/tenants/([^/]+)/users/([^/]+)/linkedin-eligibility");
    private static final Pattern CLIENT_QUERY = Pattern.compile("client=([A-Z_]+)");
    private static final String JSON = "application/json;charset=UTF-8";

    private final EligibilityService eligibility;
    private final ObjectMapper mapper;
    private final ObjectReader events;
    private final ObjectWriter responses;
    private final int retryAfterSeconds;

    public DirectEligibilityRoute(EligibilityService eligibility, ObjectMapper mapper, LinkedInConfig config) {
        this.eligibility = eligibility;
        this.mapper = mapper;
        this.events = mapper.readerFor(APIGatewayV2HTTPEvent.class);
        this.responses = mapper.writerFor(APIGatewayV2HTTPResponse.class);
        this.retryAfterSeconds = config.store().retryAfterSeconds();
    }

    private record Check(Caller caller, String tenantId, String userId, Client client) {
    }

    /** The Lambda response to this API Gateway event, or empty when the HTTP layer must answer it. */
    public Optional<byte[]> answer(byte[] rawEvent, Context lambda) throws IOException {
        long started = System.nanoTime();
        APIGatewayV2HTTPEvent event;
        Optional<Check> check;
        try {
            event = events.readValue(rawEvent);
            check = answerable(event);
        } catch (IOException | RuntimeException unusual) {
            return Optional.empty();
        }
        if (check.isEmpty()) {
            return Optional.empty();
        }
        APIGatewayV2HTTPResponse response = respond(check.get());
        AccessLog.write(Access.requestId(event, lambda), "GET", event.getRawPath(), check.get().caller().kind(),
                response.getStatusCode(), (System.nanoTime() - started) / 1000);
        return Optional.of(responses.writeValueAsBytes(response));
    }

    private static Optional<Check> answerable(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getHttp() == null || !"GET".equals(context.getHttp().getMethod())
                || event.getRawPath() == null || (event.getBody() != null && !event.getBody().isEmpty())
                || !acceptsJson(header(event, "accept"))) {
            return Optional.empty();
        }
        Matcher path = PATH.matcher(event.getRawPath());
        Optional<Client> client = client(event.getRawQueryString());
        Optional<Map<String, String>> claims = Access.verifiedClaims(event);
        if (!path.matches() || client.isEmpty() || claims.isEmpty() || !Ids.isGuid(path.group(1))
                || !Ids.isGuid(path.group(2))) {
            return Optional.empty();
        }
        Caller caller = Claims.toCaller(claims.get());
        String tenantId = Ids.requireGuid(path.group(1), "tenantId");
        String userId = Ids.requireGuid(path.group(2), "userId");
        if (!Access.admits(caller, tenantId, userId, UserResource.MAY_CHECK_ELIGIBILITY)) {
            return Optional.empty();
        }
        return Optional.of(new Check(caller, tenantId, userId, client.get()));
    }

    private APIGatewayV2HTTPResponse respond(Check check) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int status;
        Object body;
        try {
            var evaluation = eligibility.check(check.tenantId(), List.of(check.userId()), check.client());
            status = 200;
            body = EligibilityView.of(check.tenantId(), check.userId(), check.client(), evaluation.decisions().get(0),
                    evaluation.freshness());
            headers.put("Content-Type", JSON);
        } catch (StoreUnavailableException e) {
            ProblemMapper.logStoreUnavailable(e);
            status = ProblemMapper.STORE_UNAVAILABLE.status();
            body = ProblemMapper.STORE_UNAVAILABLE;
            headers.put("Content-Type", Problem.MEDIA_TYPE);
            headers.put("Retry-After", Integer.toString(retryAfterSeconds));
        } catch (RuntimeException e) {
            ProblemMapper.logUnexpected(e);
            status = ProblemMapper.INTERNAL_ERROR.status();
            body = ProblemMapper.INTERNAL_ERROR;
            headers.put("Content-Type", Problem.MEDIA_TYPE);
        }
        byte[] json = mapper.writeValueAsBytes(body);
        headers.put("Cache-Control", RequestFilters.NO_STORE);
        headers.put("content-length", Integer.toString(json.length));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withBody(new String(json, StandardCharsets.UTF_8)).withIsBase64Encoded(false).build();
    }

    /** No query, or the one {@code client} parameter with a known value; anything else is declined. */
    private static Optional<Client> client(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.of(Client.PROFILE_CARD);
        }
        Matcher query = CLIENT_QUERY.matcher(rawQuery);
        if (!query.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UserResource.client(query.group(1)));
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }

    /** Whether the HTTP layer would choose plain JSON for this {@code Accept} header. */
    private static boolean acceptsJson(String accept) {
        if (accept == null) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.trim().toLowerCase(Locale.ROOT);
            if (type.equals("*/*") || type.equals("application/*") || type.equals("application/json")) {
                return true;
            }
        }
        return false;
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
