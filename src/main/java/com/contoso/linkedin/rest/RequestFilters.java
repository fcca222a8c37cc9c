package com.contoso.linkedin.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.identity.ApiGatewayEvents;
import com.contoso.linkedin.metrics.Metrics;
import com.contoso.linkedin.store.Deadline;

/**
 * What every request goes through: unknown query parameters and an {@code Accept} that takes no JSON
 * are refused once the caller is known (401 first), a body sent to an operation that takes none once
 * its grants pass (403 first); each request leaves exactly one {@link AccessLog} line and is marked
 * not cacheable.
 */
public class RequestFilters {
    /** No answer of these functions may be cached: a disconnect counts on the next check. */
    public static final String NO_STORE = "no-store";
    private static final String STARTED = RequestFilters.class.getName() + ".started";

    /** The only endpoints that take query parameters, by the path's last segments (named in this order). */
    private static final Map<String, List<String>> QUERY_PARAMETERS = Map.of(
            "/linkedin-eligibility", List.of("client"),
            "/linkedin-integration/audit", List.of("limit", "cursor", "kind", "since", "until"),
            "/linkedin-integration/selected-users", List.of("limit", "cursor"));

    private static final String DEADLINE = RequestFilters.class.getName() + ".deadline";

    /** JSON's white space alone, or around an empty object: a body that names nothing. */
    private static final Pattern NOTHING = Pattern.compile("[ \\t\\r\\n]*(\\{[ \\t\\r\\n]*}[ \\t\\r\\n]*)?");

    private final Access access;
    private final APIGatewayV2HTTPEvent event;
    private final com.amazonaws.services.lambda.runtime.Context lambda;
    private final Duration answerMargin;
    private final LinkedInConfig.Metrics metrics;

    public RequestFilters(Access access, APIGatewayV2HTTPEvent event, com.amazonaws.services.lambda.runtime.Context lambda,
            LinkedInConfig config) {
        this.access = access;
        this.event = event;
        this.lambda = lambda;
        this.answerMargin = config.store().answerMargin();
        this.metrics = config.metrics();
    }

    /** First of all: the request's clock and trace, for its log line. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER - 1)
    public void begin(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        RequestTrace.begin(lambda);
    }

    /**
     * Before RESTEasy's own negotiation, which answered 406 before the caller was known (and took
     * {@code application/json;q=0}); errors are problem+json whatever the header says.
     */
    @ServerRequestFilter(preMatching = true)
    public void refuseWhatTheOperationDoesNotTake(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith(InvalidEventResource.PATH)) {
            return;
        }
        boolean takesJson = AcceptHeader.takesJson(request.getHeaderString(HttpHeaders.ACCEPT));
        if (takesJson) {
            // Decided here, once, as the hot routes decide it: RESTEasy would read some headers this
            // takes (a space before a parameter, white space alone) as taking nothing.
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
        boolean unwantedBody = ApiGatewayEvents.hasBody(event) && Routes.takesNoBody(path, request.getMethod());
        if (request.getUriInfo().getQueryParameters().isEmpty() && takesJson && !unwantedBody) {
            return;
        }
        // Who asks comes first: a caller without identity learns nothing of the request (401).
        access.caller();
        if (!takesJson && Routes.takes(path, request.getMethod())) {
            throw new NotAcceptableException();
        }
        List<String> allowed = QUERY_PARAMETERS.entrySet().stream()
                .filter(endpoint -> path.endsWith(endpoint.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(List.of());
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidInputException(allowed.isEmpty() ? "This endpoint takes no query parameters"
                        : "Unknown query parameter; this endpoint takes only " + allowed);
            }
        }
        if (unwantedBody) {
            bodyRefusal().ifPresent(access::refuseOnceGranted);
        }
    }

    /**
     * A body where the operation takes none, refused where a body that is read would be (after the
     * grants): over 64 KiB it is 413 as every body is (SPEC 4); otherwise 400, except an empty object,
     * which names nothing.
     */
    private Optional<RuntimeException> bodyRefusal() {
        byte[] body = ApiGatewayEvents.bodyBytes(event);
        if (body.length > StrictJson.MAX_BODY_BYTES) {
            return Optional.of(new PayloadTooLargeException());
        }
        return NOTHING.matcher(new String(body, StandardCharsets.UTF_8)).matches() ? Optional.empty()
                : Optional.of(new InvalidInputException("This operation takes no body"));
    }

    /**
     * OPTIONS of a path of the API names its methods; of any other path it is the 404 of an
     * unknown path (RESTEasy's own answer is a 200 listing the methods of whatever resource shares
     * the path's prefix).
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 1)
    public Response answerOptions(ContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod())) {
            return null;
        }
        Set<String> taken = Routes.methodsOf(request.getUriInfo().getPath());
        if (taken.isEmpty()) {
            throw new NotFoundException();
        }
        return Response.noContent().header(HttpHeaders.ALLOW, Routes.allow(taken)).build();
    }

    /**
     * On the thread that runs the resource (a worker, after pre-matching filters ran on the event
     * loop): it answers to the invocation's deadline too, store calls and retries included.
     */
    @ServerRequestFilter
    public void openDeadline(ContainerRequestContext request) {
        request.setProperty(DEADLINE, Deadline.open(RequestTrace.timeLeft(lambda, answerMargin)));
    }

    @ServerResponseFilter
    public void logRequest(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long latencyMicros = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1000 : -1;
        AccessLog.write(access.requestId(), request.getMethod(), request.getUriInfo().getPath(), access.callerKind(),
                response.getStatus(), latencyMicros);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        Metrics.flushIfDue(metrics.flushInterval(), metrics.namespace());
        RequestTrace.end();
        if (request.getProperty(DEADLINE) instanceof Deadline.Scope deadline) {
            deadline.close();
        }
    }
}
