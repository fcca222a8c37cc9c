package com.contoso.linkedin.rest;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.contoso.linkedin.domain.Ids;
import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.identity.Access;

/**
 * What every request goes through: unknown query parameters are refused before anything else,
 * and each request leaves exactly one structured log line (request id, route, tenant, caller
 * kind, status, latency): never a token, a claim or a user id.
 */
public class RequestFilters {
    private static final Logger LOG = Logger.getLogger("com.contoso.linkedin.access");
    private static final String STARTED = RequestFilters.class.getName() + ".started";
    private static final Pattern TENANT_PATH = Pattern.compile("^/tenants/([^/]+)");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    /** The only endpoints that take query parameters, by the path's last segments. */
    private static final Map<String, Set<String>> QUERY_PARAMETERS = Map.of(
            "/linkedin-eligibility", Set.of("client"),
            "/linkedin-integration/audit", Set.of("limit", "cursor"));

    private final Access access;

    public RequestFilters(Access access) {
        this.access = access;
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseUnknownQueryParameters(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        String path = request.getUriInfo().getPath();
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
        String path = request.getUriInfo().getPath();
        var tenant = TENANT_PATH.matcher(path);
        try {
            MDC.put("requestId", String.valueOf(access.requestId()));
            MDC.put("route", request.getMethod() + " " + route(path));
            MDC.put("tenantId", tenant.find() && Ids.isGuid(tenant.group(1)) ? tenant.group(1).toLowerCase() : "-");
            MDC.put("callerKind", access.callerKind());
            MDC.put("status", Integer.toString(response.getStatus()));
            MDC.put("latencyMs", String.format(java.util.Locale.ROOT, "%.3f", latencyMicros / 1000.0));
            LOG.infof("%s %s %d", request.getMethod(), route(path), response.getStatus());
        } finally {
            MDC.clear();
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The path with every id replaced, so that routes group and no id or input is logged. */
    static String route(String path) {
        StringBuilder route = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            route.append('/').append(Ids.isGuid(segment) ? "{id}" : WORD.matcher(segment).matches() ? segment : "{?}");
        }
        return route.length() == 0 ? "/" : route.toString();
    }
}
