package com.contoso.linkedin.rest;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.identity.Access;

/**
 * What every request goes through: unknown query parameters are refused once the caller is known
 * (401 first), and each request leaves exactly one {@link AccessLog} line and is marked not cacheable.
 */
public class RequestFilters {
    /** No answer of these functions may be cached: a disconnect counts on the next check. */
    public static final String NO_STORE = "no-store";
    private static final String STARTED = RequestFilters.class.getName() + ".started";

    /** The only endpoints that take query parameters, by the path's last segments. */
    private static final Map<String, Set<String>> QUERY_PARAMETERS = Map.of(
            "/linkedin-eligibility", Set.of("client"),
            "/linkedin-integration/audit", Set.of("limit", "cursor"));

    private final Access access;
    private final com.amazonaws.services.lambda.runtime.Context lambda;

    public RequestFilters(Access access, com.amazonaws.services.lambda.runtime.Context lambda) {
        this.access = access;
        this.lambda = lambda;
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseUnknownQueryParameters(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        RequestTrace.begin(lambda);
        String path = request.getUriInfo().getPath();
        if (request.getUriInfo().getQueryParameters().isEmpty() || path.startsWith(InvalidEventResource.PATH)) {
            return;
        }
        // Who asks comes first: a caller without identity learns nothing of the request (401).
        access.caller();
        Set<String> allowed = QUERY_PARAMETERS.entrySet().stream()
                .filter(endpoint -> path.endsWith(endpoint.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(Set.of());
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidInputException(allowed.isEmpty() ? "This endpoint takes no query parameters"
                        : "Unknown query parameter; this endpoint takes only " + allowed);
            }
        }
    }

    @ServerResponseFilter
    public void logRequest(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long latencyMicros = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1000 : -1;
        AccessLog.write(access.requestId(), request.getMethod(), request.getUriInfo().getPath(), access.callerKind(),
                response.getStatus(), latencyMicros);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        RequestTrace.end();
    }
}
