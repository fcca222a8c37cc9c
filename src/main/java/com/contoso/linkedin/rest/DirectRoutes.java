package com.contoso.linkedin.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Ids;
import com.contoso.linkedin.identity.ApiGatewayEvents;
import com.contoso.linkedin.identity.Caller;
import com.contoso.linkedin.identity.Callers;
import com.contoso.linkedin.identity.Grant;
import com.contoso.linkedin.rest.Bodies.BatchBody;
import com.contoso.linkedin.rest.Bodies.ProfileCardsBody;
import com.contoso.linkedin.service.EligibilityService;
import com.contoso.linkedin.store.StoreUnavailableException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;

/**
 * The three questions asked on every profile card drawn, answered straight from the Lambda event:
 * {@code GET …/users/{userId}/linkedin-eligibility}, {@code POST …/linkedin-eligibility/batch} and
 * {@code POST …/profile-cards/linkedin}. Quarkus' HTTP layer (a virtual connection, the Vert.x event
 * loop, a worker thread, RESTEasy) costs about as much as a check itself (README "Speed").
 *
 * <p>The same code decides as in {@link UserResource} and {@link EligibilityResource}: claims, the
 * endpoints' grants, the strict body reader, the service, the views, the problem documents, the
 * access-log line and {@code Cache-Control}. These routes answer only a well-formed, authorised
 * request, and with exactly the HTTP layer's answer; they decline everything else (no verified
 * claims, ids that are no GUIDs, a caller without the grant, a body the strict reader refuses, a
 * query or an {@code Accept} they do not know), which then goes through the HTTP layer, the one
 * place with every other answer. Nothing is read from the store before that decision; once the
 * store is asked, the answer is given here, failures included, so no request costs two reads.
 */
@ApplicationScoped
public class DirectRoutes {
    private static final Pattern CHECK = Pattern.compile("/tenants/([^/]+)/users/([^/]+)/linkedin-eligibility");
    private static final Pattern BATCH = Pattern.compile("/tenants/([^/]+)/linkedin-eligibility/batch");
    private static final Pattern CARDS = Pattern.compile("/tenants/([^/]+)/profile-cards/linkedin");
    private static final Pattern CLIENT_QUERY = Pattern.compile("client=([A-Z_]+)");
    private static final String JSON = "application/json;charset=UTF-8";

    private final EligibilityService eligibility;
    private final Callers callers;
    private final JsonBodies bodies;
    /** The application's mapper, which writes response bodies in the HTTP layer too. */
    private final ObjectMapper mapper;
    private final ObjectReader events;
    private final ObjectWriter responses;
    private final int retryAfterSeconds;

    public DirectRoutes(EligibilityService eligibility, Callers callers, JsonBodies bodies, ObjectMapper mapper,
            LinkedInConfig config) {
        this.eligibility = eligibility;
        this.callers = callers;
        this.bodies = bodies;
        this.mapper = mapper;
        // Events are read and responses written with the Lambda runtime's own mapper, exactly as
        // Quarkus' handler does; it built their (de)serializers already, at start-up.
        ObjectMapper lambda = Objects.requireNonNullElse(AmazonLambdaMapperRecorder.objectMapper, mapper);
        this.events = lambda.readerFor(APIGatewayV2HTTPEvent.class);
        this.responses = lambda.writerFor(APIGatewayV2HTTPResponse.class);
        this.retryAfterSeconds = config.store().retryAfterSeconds();
    }

    /** An authorised, well-formed request: who asks, and what answers it. */
    private record Call(Caller caller, Supplier<Object> answer) {
    }

    /** The Lambda response to this API Gateway event, or empty when the HTTP layer must answer it. */
    public Optional<byte[]> answer(byte[] rawEvent, Context lambda) throws IOException {
        long started = System.nanoTime();
        APIGatewayV2HTTPEvent event;
        Optional<Call> call;
        try {
            event = events.readValue(rawEvent);
            call = answerable(event);
        } catch (IOException | RuntimeException unusual) {
            return Optional.empty();
        }
        if (call.isEmpty()) {
            return Optional.empty();
        }
        APIGatewayV2HTTPResponse response = respond(call.get());
        AccessLog.write(ApiGatewayEvents.requestId(event, lambda), event.getRequestContext().getHttp().getMethod(),
                event.getRawPath(), call.get().caller().logKind(), response.getStatusCode(),
                (System.nanoTime() - started) / 1000);
        return Optional.of(responses.writeValueAsBytes(response));
    }

    private Optional<Call> answerable(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getHttp() == null || event.getRawPath() == null || event.getIsBase64Encoded()
                || !acceptsJson(ApiGatewayEvents.header(event, "accept").orElse(null))) {
            return Optional.empty();
        }
        Optional<Caller> identified = callers.of(event);
        if (identified.isEmpty()) {
            return Optional.empty();
        }
        Caller caller = identified.get();
        String method = context.getHttp().getMethod();
        Matcher path;
        if ("GET".equals(method) && (path = CHECK.matcher(event.getRawPath())).matches()) {
            return check(event, caller, path.group(1), path.group(2));
        }
        if ("POST".equals(method) && (path = BATCH.matcher(event.getRawPath())).matches()) {
            return batch(event, caller, path.group(1));
        }
        if ("POST".equals(method) && (path = CARDS.matcher(event.getRawPath())).matches()) {
            return cards(event, caller, path.group(1));
        }
        return Optional.empty();
    }

    private Optional<Call> check(APIGatewayV2HTTPEvent event, Caller caller, String rawTenantId, String rawUserId) {
        Optional<Client> client = client(event.getRawQueryString());
        if (client.isEmpty() || hasBody(event) || !Ids.isGuid(rawTenantId) || !Ids.isGuid(rawUserId)) {
            return Optional.empty();
        }
        String tenantId = Ids.requireGuid(rawTenantId, "tenantId");
        String userId = Ids.requireGuid(rawUserId, "userId");
        if (!Grant.anyAdmits(caller, tenantId, userId, UserResource.MAY_CHECK_ELIGIBILITY)) {
            return Optional.empty();
        }
        return Optional.of(new Call(caller,
                () -> UserResource.eligibilityView(eligibility, tenantId, userId, client.get())));
    }

    private Optional<Call> batch(APIGatewayV2HTTPEvent event, Caller caller, String rawTenantId) {
        if (hasQuery(event) || !Ids.isGuid(rawTenantId)) {
            return Optional.empty();
        }
        String tenantId = Ids.requireGuid(rawTenantId, "tenantId");
        if (!Grant.anyAdmits(caller, tenantId, null, EligibilityResource.MAY_CHECK_BATCH)) {
            return Optional.empty();
        }
        return body(event, BatchBody.class).map(request -> new Call(caller,
                () -> EligibilityResource.batchView(eligibility, tenantId, request)));
    }

    private Optional<Call> cards(APIGatewayV2HTTPEvent event, Caller caller, String rawTenantId) {
        if (hasQuery(event) || !Ids.isGuid(rawTenantId)) {
            return Optional.empty();
        }
        String tenantId = Ids.requireGuid(rawTenantId, "tenantId");
        return body(event, ProfileCardsBody.class)
                .filter(request -> Grant.anyAdmits(caller, tenantId, request.viewerId(), EligibilityResource.MAY_SEE_CARDS))
                .map(request -> new Call(caller, () -> EligibilityResource.cardsView(eligibility, tenantId, request)));
    }

    /** The body as the strict reader reads it; anything it refuses is the HTTP layer's to answer. */
    private <T> Optional<T> body(APIGatewayV2HTTPEvent event, Class<T> type) {
        try {
            return Optional.of(bodies.read(ApiGatewayEvents.header(event, "content-type").orElse(null), event.getBody(), type));
        } catch (RuntimeException refused) {
            return Optional.empty();
        }
    }

    private APIGatewayV2HTTPResponse respond(Call call) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int status;
        Object body;
        try {
            body = call.answer().get();
            status = 200;
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

    private static boolean hasQuery(APIGatewayV2HTTPEvent event) {
        return event.getRawQueryString() != null && !event.getRawQueryString().isEmpty();
    }

    private static boolean hasBody(APIGatewayV2HTTPEvent event) {
        return event.getBody() != null && !event.getBody().isEmpty();
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
}
