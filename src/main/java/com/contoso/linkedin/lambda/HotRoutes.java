package com.contoso.linkedin.lambda;

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
import com.contoso.linkedin.identity.ApiGatewayEvents;
import com.contoso.linkedin.identity.Caller;
import com.contoso.linkedin.identity.Callers;
import com.contoso.linkedin.metrics.Metrics;
import com.contoso.linkedin.rest.AcceptHeader;
import com.contoso.linkedin.rest.AccessLog;
import com.contoso.linkedin.rest.EligibilityAnswers;
import com.contoso.linkedin.rest.Problem;
import com.contoso.linkedin.rest.Problems;
import com.contoso.linkedin.rest.RequestBodies.BatchBody;
import com.contoso.linkedin.rest.RequestBodies.ProfileCardsBody;
import com.contoso.linkedin.rest.RequestFilters;
import com.contoso.linkedin.rest.RetryAfter;
import com.contoso.linkedin.rest.StrictJson;
import com.contoso.linkedin.store.StoreFailedException;
import com.contoso.linkedin.store.StoreUnavailableException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;

/**
 * The three questions asked on every profile card drawn, answered straight from the Lambda event
 * ({@code GET …/users/{userId}/linkedin-eligibility}, {@code POST …/linkedin-eligibility/batch},
 * {@code POST …/profile-cards/linkedin}): Quarkus' HTTP layer (a virtual connection, the Vert.x
 * event loop, a worker thread, RESTEasy) costs about as much as a check itself.
 *
 * <p>The answers and grants are {@link EligibilityAnswers}', as in the REST resources; the access
 * log line and {@code Cache-Control} are theirs too. These routes answer only a well-formed,
 * authorised request; they decline everything else (no caller, ids that are no GUIDs, a caller
 * without the grant, a body the strict reader refuses, a query or an {@code Accept} they do not
 * know), which then goes through the HTTP layer, the one place with every other answer. Nothing
 * is read from the store before that decision; once the store is asked, the answer is given here,
 * failures included, so no request costs two reads.
 */
@ApplicationScoped
public class HotRoutes {
    private static final Pattern CHECK = Pattern.compile("/tenants/([^/]+)/users/([^/]+)/linkedin-eligibility");
    private static final Pattern BATCH = Pattern.compile("/tenants/([^/]+)/linkedin-eligibility/batch");
    private static final Pattern CARDS = Pattern.compile("/tenants/([^/]+)/profile-cards/linkedin");
    private static final Pattern CLIENT_QUERY = Pattern.compile("client=([A-Z_]+)");
    private static final String JSON = "application/json;charset=UTF-8";

    private final EligibilityAnswers answers;
    private final Callers callers;
    private final StrictJson bodies;
    /** The application's mapper, which writes response bodies in the HTTP layer too. */
    private final ObjectMapper mapper;
    private final ObjectReader events;
    private final ObjectWriter responses;
    private final RetryAfter retryAfter;
    private final LinkedInConfig.Metrics metrics;

    public HotRoutes(EligibilityAnswers answers, Callers callers, StrictJson bodies, ObjectMapper mapper,
            RetryAfter retryAfter, LinkedInConfig config) {
        this.answers = answers;
        this.callers = callers;
        this.bodies = bodies;
        this.mapper = mapper;
        // Events are read and responses written with the Lambda runtime's own mapper, exactly as
        // Quarkus' handler does; it built their (de)serializers already, at start-up.
        ObjectMapper lambda = Objects.requireNonNullElse(AmazonLambdaMapperRecorder.objectMapper, mapper);
        this.events = EventMapping.withoutInputCheck(lambda.readerFor(APIGatewayV2HTTPEvent.class));
        this.responses = lambda.writerFor(APIGatewayV2HTTPResponse.class);
        this.retryAfter = retryAfter;
        this.metrics = config.metrics();
    }

    /** The Lambda response to this API Gateway event, or empty when the HTTP layer must answer it. */
    public Optional<byte[]> answer(byte[] rawEvent, Context lambda) throws IOException {
        long started = System.nanoTime();
        APIGatewayV2HTTPEvent event;
        Optional<Call> call;
        try {
            event = events.readValue(rawEvent);
            call = answerable(event);
        } catch (IOException | RuntimeException notHere) {
            return Optional.empty();
        }
        if (call.isEmpty()) {
            return Optional.empty();
        }
        APIGatewayV2HTTPResponse response = respond(call.get());
        AccessLog.write(ApiGatewayEvents.requestId(event, lambda), event.getRequestContext().getHttp().getMethod(),
                event.getRawPath(), call.get().caller().logKind(), response.getStatusCode(),
                (System.nanoTime() - started) / 1000);
        Metrics.flushIfDue(metrics.flushInterval(), metrics.namespace());
        return Optional.of(responses.writeValueAsBytes(response));
    }

    /** An authorised, well-formed request: who asks, and what answers it. */
    private record Call(Caller caller, Supplier<Object> answer) {
    }

    /** The call, or empty; any refusal ({@link RuntimeException}) is declined by {@link #answer}. */
    private Optional<Call> answerable(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getHttp() == null || event.getRawPath() == null || event.getIsBase64Encoded()
                || !AcceptHeader.takesJson(ApiGatewayEvents.header(event, "accept").orElse(null))) {
            return Optional.empty();
        }
        Optional<Caller> identified = callers.of(event);
        if (identified.isEmpty()) {
            return Optional.empty();
        }
        Caller caller = identified.get();
        String method = context.getHttp().getMethod();
        Matcher path;
        if ("GET".equals(method) && (path = CHECK.matcher(event.getRawPath())).matches() && !ApiGatewayEvents.hasBody(event)) {
            var client = EligibilityAnswers.client(clientQuery(event.getRawQueryString()));
            var asked = answers.mayCheck(caller, path.group(1), path.group(2));
            return Optional.of(new Call(caller, () -> answers.check(asked, client)));
        }
        if ("POST".equals(method) && (path = BATCH.matcher(event.getRawPath())).matches() && !hasQuery(event)) {
            var asked = answers.mayCheckBatch(caller, path.group(1));
            BatchBody request = body(event, BatchBody.class);
            return Optional.of(new Call(caller, () -> answers.batch(asked, request)));
        }
        if ("POST".equals(method) && (path = CARDS.matcher(event.getRawPath())).matches() && !hasQuery(event)) {
            answers.mayAskForCards(caller, path.group(1));
            ProfileCardsBody request = body(event, ProfileCardsBody.class);
            var asked = answers.maySeeCards(caller, path.group(1), request);
            return Optional.of(new Call(caller, () -> answers.cards(asked, request)));
        }
        return Optional.empty();
    }

    private <T> T body(APIGatewayV2HTTPEvent event, Class<T> type) {
        return bodies.read(ApiGatewayEvents.header(event, "content-type").orElse(null), event.getBody(), type);
    }

    private APIGatewayV2HTTPResponse respond(Call call) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int status;
        Object body;
        try {
            body = call.answer().get();
            status = 200;
            headers.put("Content-Type", JSON);
        } catch (StoreUnavailableException | StoreFailedException e) {
            Problems.logStore(e);
            Problem problem = Problems.forStore(e);
            body = problem;
            status = problem.status();
            headers.put("Content-Type", Problem.MEDIA_TYPE);
            headers.put("Retry-After", Integer.toString(retryAfter.secondsAfter(e)));
        } catch (RuntimeException e) {
            Problems.logUnexpected(e);
            status = Problems.INTERNAL_ERROR.status();
            body = Problems.INTERNAL_ERROR;
            headers.put("Content-Type", Problem.MEDIA_TYPE);
        }
        byte[] json = mapper.writeValueAsBytes(body);
        headers.put("Cache-Control", RequestFilters.NO_STORE);
        headers.put("content-length", Integer.toString(json.length));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withBody(new String(json, StandardCharsets.UTF_8)).withIsBase64Encoded(false).build();
    }

    /**
     * No query, or the one {@code client} parameter with a plain value; anything else (repeated,
     * unknown, encoded) is the HTTP layer's to answer.
     */
    private static Optional<String> clientQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        Matcher query = CLIENT_QUERY.matcher(rawQuery);
        if (!query.matches()) {
            throw new IllegalArgumentException("a query the HTTP layer reads");
        }
        return Optional.of(query.group(1));
    }

    private static boolean hasQuery(APIGatewayV2HTTPEvent event) {
        return event.getRawQueryString() != null && !event.getRawQueryString().isEmpty();
    }

}
