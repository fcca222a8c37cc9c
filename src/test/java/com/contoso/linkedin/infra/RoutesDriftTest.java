package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.FunctionSplit.AUTHORIZER;
import static com.contoso.linkedin.infra.FunctionSplit.STREAM;
import static com.contoso.linkedin.infra.Template.map;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.contoso.linkedin.infra.FunctionSplit.Function;
import com.contoso.linkedin.infra.FunctionSplit.Route;
import com.contoso.linkedin.rest.EligibilityResource;

/**
 * The routes of infra/template.yaml against the JAX-RS annotations of the compiled resources:
 * every route the code serves is an HttpApi event of the one function that owns it
 * ({@link FunctionSplit}), and the template routes nothing else. Plain JUnit, nothing started.
 */
class RoutesDriftTest {

    private static Template template;
    private static Map<String, Method> codeRoutes;

    @BeforeAll
    static void readTemplateAndCode() throws Exception {
        template = Template.read();
        codeRoutes = scanJaxRsRoutes();
    }

    @Test
    void declaredRoutes_areExactlyTheJaxRsRoutesOfTheCode() {
        List<String> declared = Stream.of(Function.values()).flatMap(f -> f.routes.stream()).map(Route::key).toList();
        assertEquals(declared.size(), Set.copyOf(declared).size(), "a route is declared for two functions: " + declared);
        assertEquals(new TreeSet<>(codeRoutes.keySet()), new TreeSet<>(declared),
                "the JAX-RS routes (left) and the function split of FunctionSplit (right) differ");
    }

    @Test
    void everyCodeRoute_isAnEventOfItsFunction_exactlyOnce() {
        Map<String, List<String>> inTemplate = templateRoutes(template);
        assertAll(Stream.of(Function.values()).flatMap(function -> function.routes.stream()
                .map(route -> (Executable) () -> assertEquals(List.of(function.logicalId),
                        inTemplate.getOrDefault(route.key(), List.of()),
                        route + " must be an HttpApi event of " + function.logicalId + " and of nothing else"))));
    }

    @Test
    void everyTemplateRoute_existsInTheCode() {
        Set<String> unknown = new TreeSet<>(templateRoutes(template).keySet());
        unknown.removeAll(codeRoutes.keySet());
        assertEquals(Set.of(), unknown, "routes in the template that no JAX-RS method serves");

        Map<String, Object> api = template.properties(template.the("AWS::Serverless::HttpApi"));
        Set<String> throttled = new TreeSet<>(map(api.getOrDefault("RouteSettings", Map.of())).keySet());
        throttled.removeAll(codeRoutes.keySet());
        assertEquals(Set.of(), throttled, "RouteSettings name routes the code does not have");
    }

    @Test
    void routesReachFunctionsOnlyThroughTheirEvents() {
        Map<String, Object> api = template.properties(template.the("AWS::Serverless::HttpApi"));
        assertAll(
                () -> assertEquals(Stream.concat(Stream.of(Function.values()).map(f -> f.logicalId),
                        Stream.of(AUTHORIZER, STREAM)).sorted().toList(), template.logicalIdsOfType("AWS::Serverless::Function"),
                        "the template's functions are the declared ones, the authorizer and the stream function"),
                () -> assertEquals(List.of(), template.logicalIdsOfType("AWS::Lambda::Function"),
                        "functions are SAM functions here"),
                () -> assertFalse(api.containsKey("DefinitionBody") || api.containsKey("DefinitionUri"),
                        "an OpenAPI definition would add routes outside the functions' events"),
                () -> assertEquals(List.of(), template.logicalIdsOfType("AWS::ApiGatewayV2::Route"),
                        "routes belong in the functions' HttpApi events, where this test sees them"),
                () -> assertEquals(List.of(), template.logicalIdsOfType("AWS::ApiGatewayV2::Integration")),
                () -> assertNotNull(map(api.get("Auth")).get("DefaultAuthorizer"), "every route needs the Lambda authorizer"));
    }

    // ---- the template's routes ---------------------------------------------------------------

    /**
     * "METHOD /path" of every HttpApi event, with the functions that declare it. Every event is
     * on the template's HTTP API, with payload 2.0 and the API's default (Lambda) authorizer.
     */
    static Map<String, List<String>> templateRoutes(Template template) {
        String api = template.the("AWS::Serverless::HttpApi");
        Map<String, List<String>> routes = new TreeMap<>();
        for (String function : template.logicalIdsOfType("AWS::Serverless::Function")) {
            if (function.equals(STREAM)) {
                continue; // invoked by the table's stream: StreamDriftTest
            }
            Map<String, Object> events = map(template.properties(function).getOrDefault("Events", Map.of()));
            for (Map.Entry<String, Object> event : events.entrySet()) {
                Map<String, Object> definition = map(event.getValue());
                String where = function + "." + event.getKey();
                assertEquals("HttpApi", definition.get("Type"), where + ": functions are invoked through the HTTP API only");
                Map<String, Object> properties = map(definition.get("Properties"));
                assertEquals(Map.of("Ref", api), properties.get("ApiId"), where + " must be on the template's HTTP API");
                assertFalse(properties.containsKey("Auth"), where + ": every route keeps the API's Lambda authorizer");
                assertEquals("2.0", properties.get("PayloadFormatVersion"),
                        where + ": the code reads requestContext.authorizer of payload 2.0");
                String key = String.valueOf(properties.get("Method")).toUpperCase(Locale.ROOT) + " " + properties.get("Path");
                routes.computeIfAbsent(key, k -> new ArrayList<>()).add(function);
            }
        }
        return routes;
    }

    // ---- the code's routes -------------------------------------------------------------------

    /** Every JAX-RS resource method under com.contoso.linkedin, by "METHOD /path". */
    private static Map<String, Method> scanJaxRsRoutes() throws Exception {
        Path classes = Path.of(EligibilityResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve("com/contoso/linkedin");
        assertTrue(Files.isDirectory(root), "compiled classes expected under " + root);
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('\\', '/').replace('/', '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
        }
        Map<String, Method> routes = new TreeMap<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, RoutesDriftTest.class.getClassLoader());
            jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
            for (Method method : type.getDeclaredMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    assertFalse(method.isAnnotationPresent(jakarta.ws.rs.Path.class),
                            name + "." + method.getName() + ": sub-resource locators are not mapped by the template");
                    continue;
                }
                assertNotNull(classPath, name + " has resource methods but no @Path: JAX-RS would not serve them");
                assertTrue(Modifier.isPublic(method.getModifiers()), name + "." + method.getName() + " is not public");
                jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                String key = httpMethod + " " + joinPaths(classPath.value(), methodPath == null ? "" : methodPath.value());
                Method previous = routes.put(key, method);
                assertEquals(null, previous, "two methods serve " + key);
            }
        }
        assertFalse(routes.isEmpty(), "no JAX-RS route found under " + root);
        // Reached only by events that name no method or path (lambda/EventMapping): API Gateway
        // never routes to it, so the template must not map it.
        assertNotNull(routes.remove("GET /_invalid-event"), "the internal invalid-event route moved");
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String joinPaths(String classPath, String methodPath) {
        String path = ("/" + classPath + "/" + methodPath)
                .replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}") // {id: regex} is {id} to API Gateway
                .replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
