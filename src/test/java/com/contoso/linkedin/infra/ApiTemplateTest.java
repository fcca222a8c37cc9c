package com.contoso.linkedin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.contoso.linkedin.support.ApiContract;

/**
 * The HTTP API that infra/template.yaml deploys is the one infra/openapi.yaml describes: the same
 * routes (method and path), and every one of them behind the API's default authorizer, as every
 * operation of the document requires the bearer scheme. The authorizer is named by the template's
 * own {@code Auth.DefaultAuthorizer}, whatever kind it is. Plain JUnit: nothing is started.
 */
class ApiTemplateTest {
    private static final Path TEMPLATE = Path.of("infra", "template.yaml");

    private static Map<String, Object> resources;
    private static Map<String, Object> document;

    @BeforeAll
    static void readTemplateAndDocument() throws IOException {
        try (Reader reader = Files.newBufferedReader(TEMPLATE)) {
            Map<String, Object> template = new Yaml(new CloudFormationConstructor()).load(reader);
            resources = map(template.get("Resources"));
        }
        try (Reader reader = Files.newBufferedReader(ApiContract.DOCUMENT)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
    }

    @Test
    void templateRoutes_areExactlyTheDocumentsOperations() {
        Set<String> operations = new TreeSet<>();
        map(document.get("paths")).forEach((path, item) -> map(item).keySet().stream()
                .filter(key -> Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key))
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));

        assertEquals(operations, new TreeSet<>(routes().keySet()),
                "infra/template.yaml's HttpApi events (right) and infra/openapi.yaml's operations (left) differ");
        assertEquals(routes().size(), routes().values().stream().mapToInt(List::size).sum(), "a route is an event twice");
    }

    @Test
    void everyTemplateRoute_usesTheApisDefaultAuthorizer() {
        Map<String, Object> auth = map(properties(api()).get("Auth"));
        Object defaultAuthorizer = auth.get("DefaultAuthorizer");
        assertTrue(defaultAuthorizer instanceof String name && !name.isBlank() && !name.equals("NONE"),
                "the HTTP API has no default authorizer: " + auth);
        assertTrue(map(auth.get("Authorizers")).containsKey(defaultAuthorizer),
                "the default authorizer " + defaultAuthorizer + " is not one of the API's Authorizers");

        List<String> open = new ArrayList<>();
        routes().forEach((route, events) -> events.forEach(event -> {
            Object routeAuth = event.get("Auth");
            Object authorizer = routeAuth == null ? defaultAuthorizer : map(routeAuth).getOrDefault("Authorizer", defaultAuthorizer);
            if (!defaultAuthorizer.equals(authorizer)) {
                open.add(route + " uses " + authorizer);
            }
        }));
        assertEquals(List.of(), open, "routes that do not use the default authorizer " + defaultAuthorizer);
    }

    @Test
    void everyDocumentOperation_requiresTheBearerScheme() {
        Map<String, Object> schemes = map(map(document.get("components")).get("securitySchemes"));
        assertEquals(1, schemes.size(), "one security scheme: " + schemes.keySet());
        String name = schemes.keySet().iterator().next();
        Map<String, Object> scheme = map(schemes.get(name));
        assertEquals("http", scheme.get("type"));
        assertEquals("bearer", String.valueOf(scheme.get("scheme")).toLowerCase(Locale.ROOT));
        assertEquals("JWT", scheme.get("bearerFormat"));

        Object global = document.get("security");
        List<String> unprotected = new ArrayList<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (!(operation instanceof Map)) {
                return;
            }
            Object security = map(operation).getOrDefault("security", global);
            // Each alternative must name the scheme: an empty alternative ({}) would make it optional.
            boolean required = security instanceof List<?> alternatives && !alternatives.isEmpty()
                    && alternatives.stream().allMatch(a -> a instanceof Map<?, ?> requirement && requirement.containsKey(name));
            if (!required) {
                unprotected.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
        }));
        assertEquals(List.of(), unprotected, "operations that do not require " + name);
    }

    /** HttpApi events of every function, by "METHOD /path": the event properties. */
    private static Map<String, List<Map<String, Object>>> routes() {
        String api = api();
        Map<String, List<Map<String, Object>>> routes = new TreeMap<>();
        resources.forEach((logicalId, resource) -> {
            if (!"AWS::Serverless::Function".equals(map(resource).get("Type"))) {
                return;
            }
            map(properties(logicalId).getOrDefault("Events", Map.of())).forEach((eventId, event) -> {
                if (!"HttpApi".equals(map(event).get("Type"))) {
                    return;
                }
                Map<String, Object> properties = map(map(event).get("Properties"));
                assertEquals(Map.of("Ref", api), properties.get("ApiId"), logicalId + "." + eventId + " is on another API");
                assertNotNull(properties.get("Method"), logicalId + "." + eventId);
                assertFalse(String.valueOf(properties.get("Path")).contains("$default"), "a catch-all route: " + eventId);
                routes.computeIfAbsent(String.valueOf(properties.get("Method")).toUpperCase(Locale.ROOT) + " "
                        + properties.get("Path"), key -> new ArrayList<>()).add(properties);
            });
        });
        return routes;
    }

    private static String api() {
        List<String> apis = resources.entrySet().stream()
                .filter(r -> "AWS::Serverless::HttpApi".equals(map(r.getValue()).get("Type"))).map(Map.Entry::getKey).toList();
        assertEquals(1, apis.size(), "one HTTP API: " + apis);
        return apis.get(0);
    }

    private static Map<String, Object> properties(String logicalId) {
        return map(map(resources.get(logicalId)).getOrDefault("Properties", Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, () -> "not a mapping: " + value);
        return (Map<String, Object>) value;
    }

    /** Reads CloudFormation's short intrinsic functions (!Ref, !Sub, ...) as their long form. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String function : List.of("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs", "If", "ImportValue",
                    "Join", "Not", "Or", "Select", "Split", "Sub", "Transform", "GetAtt", "Ref", "Condition")) {
                yamlConstructors.put(new Tag("!" + function), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        Object value = node instanceof ScalarNode scalar ? constructScalar(scalar)
                                : node instanceof SequenceNode sequence ? constructSequence(sequence)
                                        : constructMapping((MappingNode) node);
                        String key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                        return Map.of(key, value);
                    }
                });
            }
        }
    }
}
