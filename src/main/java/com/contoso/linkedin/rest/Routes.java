package com.contoso.linkedin.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The API's paths, the methods each takes and which of those take a body, as the OpenAPI document
 * has them (RoutesTest holds the two together): what a request with another method is told in its
 * 405 {@code Allow} header, and where a body is refused.
 * RESTEasy answers a wrong method 404 where resources share a path prefix, and 405 without
 * {@code Allow} elsewhere; this table gives every such answer one form.
 */
final class Routes {
    private record Route(String template, Pattern path, Set<String> methods, Set<String> withBody) {
        static Route of(String template, String... methods) {
            return new Route(template, Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+")), Set.of(methods), Set.of());
        }

        /** The methods of this path that take a JSON body. */
        Route bodyOn(String... methods) {
            return new Route(template, path, this.methods, Set.of(methods));
        }
    }

    private static final List<Route> ROUTES = List.of(
            Route.of("/tenants/{tenantId}", "GET", "PUT", "DELETE").bodyOn("PUT"),
            Route.of("/tenants/{tenantId}/linkedin-integration", "GET", "PUT").bodyOn("PUT"),
            Route.of("/tenants/{tenantId}/linkedin-integration/audit", "GET"),
            Route.of("/tenants/{tenantId}/linkedin-integration/preview", "POST").bodyOn("POST"),
            Route.of("/tenants/{tenantId}/linkedin-integration/selected-users", "GET"),
            Route.of("/tenants/{tenantId}/linkedin-integration/selected-users/{userId}", "PUT", "DELETE"),
            Route.of("/tenants/{tenantId}/groups/{groupId}/members", "POST").bodyOn("POST"),
            Route.of("/tenants/{tenantId}/users/{userId}", "DELETE"),
            Route.of("/tenants/{tenantId}/users/{userId}/office-policy", "PUT").bodyOn("PUT"),
            Route.of("/tenants/{tenantId}/users/{userId}/office-option", "PUT").bodyOn("PUT"),
            Route.of("/tenants/{tenantId}/users/{userId}/linkedin-profile-visibility", "PUT").bodyOn("PUT"),
            Route.of("/tenants/{tenantId}/users/{userId}/linkedin-connection", "PUT", "DELETE").bodyOn("PUT"),
            Route.of("/tenants/{tenantId}/users/{userId}/linkedin-eligibility", "GET"),
            Route.of("/tenants/{tenantId}/linkedin-eligibility/batch", "POST").bodyOn("POST"),
            Route.of("/tenants/{tenantId}/profile-cards/linkedin", "POST").bodyOn("POST"),
            Route.of("/ofrep/v1/evaluate/flags/{key}", "POST").bodyOn("POST"),
            Route.of("/ofrep/v1/evaluate/flags", "POST").bodyOn("POST"));

    private Routes() {
    }

    /** The methods the API takes on this path (its templates' methods), empty when no route has it. */
    static Set<String> methodsOf(String path) {
        return route(path).map(Route::methods).orElse(Set.of());
    }

    /** Whether the API takes this method on this path (HEAD where it takes GET). */
    static boolean takes(String path, String method) {
        return route(path).filter(route -> route.methods().contains(asked(method))).isPresent();
    }

    /** Whether this method of a path of the API is one that takes no body (HEAD as GET). */
    static boolean takesNoBody(String path, String method) {
        String asked = asked(method);
        return route(path).filter(route -> route.methods().contains(asked) && !route.withBody().contains(asked)).isPresent();
    }

    private static String asked(String method) {
        return "HEAD".equals(method) ? "GET" : method;
    }

    /** The route of a path; RESTEasy matches a path with one trailing slash as the path without it. */
    private static Optional<Route> route(String path) {
        String matched = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return ROUTES.stream().filter(route -> route.path().matcher(matched).matches()).findFirst();
    }

    /** The {@code Allow} header of a path that takes {@code methods}: them, HEAD with GET, and OPTIONS. */
    static String allow(Set<String> methods) {
        Set<String> allowed = new TreeSet<>(methods);
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return String.join(", ", allowed);
    }

    /** Each path template and its methods, for the test that holds them to the OpenAPI document. */
    static Map<String, Set<String>> table() {
        return ROUTES.stream().collect(Collectors.toMap(Route::template, Route::methods));
    }

    /** Each path template and its methods that take a body, for the same test. */
    static Map<String, Set<String>> withBody() {
        return ROUTES.stream().collect(Collectors.toMap(Route::template, Route::withBody));
    }
}
