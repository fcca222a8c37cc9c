package com.contoso.linkedin.rest;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.contoso.linkedin.domain.Ids;

/**
 * The one structured line each request leaves (request id, route, tenant, caller kind, status,
 * latency): never a token, a claim or a user id. Written by the HTTP layer's response filter and
 * by the direct routes alike.
 */
public final class AccessLog {
    private static final Logger LOG = Logger.getLogger("com.contoso.linkedin.access");
    private static final Pattern TENANT_PATH = Pattern.compile("^/tenants/([^/]+)");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    /** The line's own fields; the request's trace ids ({@link RequestTrace}) stay for later lines. */
    private static final String[] KEYS = { "requestId", "route", "tenantId", "callerKind", "status", "latencyMs" };

    private AccessLog() {
    }

    public static void write(String requestId, String method, String path, String callerKind, int status,
            long latencyMicros) {
        var tenant = TENANT_PATH.matcher(path);
        String route = route(path);
        try {
            MDC.put("requestId", String.valueOf(requestId));
            MDC.put("route", method + " " + route);
            MDC.put("tenantId", tenant.find() && Ids.isGuid(tenant.group(1)) ? tenant.group(1).toLowerCase(Locale.ROOT) : "-");
            MDC.put("callerKind", callerKind);
            MDC.put("status", Integer.toString(status));
            // Plain concatenation, not a format string: this runs on every request of the hot path.
            MDC.put("latencyMs", BigDecimal.valueOf(latencyMicros, 3).toPlainString());
            LOG.info(method + " " + route + " " + status);
        } finally {
            for (String key : KEYS) {
                MDC.remove(key);
            }
        }
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
