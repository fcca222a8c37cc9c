package com.contoso.linkedin.rest;

import java.util.Arrays;
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
        /** Methods marked {@code {}} take a JSON body. */
        static Route of(String template, String... methods) {
            return new Route(template, Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+")),
                    Arrays.stream(methods).map(method -> method.replace("{}", "")).collect(Collectors.toUnmodifiableSet()),
                    Arrays.stream(methods).filter(method -> method.endsWith("{}")).map(method -> method.replace("{}", ""))
                            .collect(Collectors.toUnmodifiableSet()));
        }
    }

    private static final List<Route> ROUTES = List.of(
            Route.of("/tenants/{tenantId}", "GET", "PUT{}", "DELETE"),
            Route.of("/tenants/{tenantId}/linkedin-integration", "GET", "PUT{}"),
            Route.of("/tenants/{tenantId}/linkedin-integration/audit", "GET"),
            Route.of("/tenants/{tenantId}/linkedin-integration/preview", "POST{}"),
            Route.of("/tenants/{tenantId}/linkedin-integration/selected-users", "GET"),
            Route.of("/tenants/{tenantId}/linkedin-integration/selected-users/{userId}", "PUT", "DELETE"),
            Route.of("/tenants/{tenantId}/groups/{groupId}/members", "POST{}"),
            Route.of("/tenants/{tenantId}/users/{userId}", "DELETE"),
            Route.of("/tenants/{tenantId}/users/{userId}/office-policy", "PUT{}"),
            Route.of("/tenants/{tenantId}/users/{userId}/office-option", "PUT{}"),
            Route.of("/tenants/{tenantId}/users/{userId}/linkedin-profile-visibility", "PUT{}"),
            Route.of("/tenants/{tenantId}/users/{userId}/linkedin-connection", "PUT{}", "DELETE"),
            Route.of("/tenants/{tenantId}/users/{userId}/linkedin-eligibility", "GET"),
            Route.of("/tenants/{tenantId}/linkedin-eligibility/batch", "POST{}"),
            Route.of("/tenants/{tenantId}/profile-cards/linkedin", "POST{}"),
            Route.of("/ofrep/v1/evaluate/flags/{key}", "POST{}"),
            Route.of("/ofrep/v1/evaluate/flags", "POST{}"));

    private Routes() {
    }

    /** The methods the API takes on this path (its templates' methods), empty when no route has it. */
    static Set<String> methodsOf(String path) {
        return route(path).map(Route::methods).orElse(Set.of());
    }

    /** Whether this method of a path of the API is one that takes no body (HEAD as GET). */
    static boolean takesNoBody(String path, String method) {
        String asked = "HEAD".equals(method) ? "GET" : method;
        return route(path).filter(route -> route.methods().contains(asked) && !route.withBody().contains(asked)).isPresent();
    }

    private static Optional<Route> route(String path) {
        return ROUTES.stream().filter(route -> route.path().matcher(path).matches()).findFirst();
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
