package com.contoso.linkedin.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.contoso.linkedin.support.ApiContract;

/** The table of methods a 405's Allow names is the API's, as its OpenAPI document has it. */
class RoutesTest {

    @Test
    void theRoutes_areTheOpenApiDocumentsPathsAndMethods_andTheirBodies() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        Map<String, Set<String>> documentedBodies = new TreeMap<>();
        try (Reader document = Files.newBufferedReader(ApiContract.DOCUMENT)) {
            Map<String, Object> openApi = new Yaml().load(document);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) openApi
                    .get("paths");
            paths.forEach((path, operations) -> {
                var methods = operations.keySet().stream()
                        .filter(key -> Set.of("get", "put", "post", "delete", "patch").contains(key)).toList();
                documented.put(path, new TreeSet<>(methods.stream().map(String::toUpperCase).toList()));
                documentedBodies.put(path, new TreeSet<>(methods.stream()
                        .filter(method -> operations.get(method).containsKey("requestBody")).map(String::toUpperCase).toList()));
            });
        }
        Map<String, Set<String>> routes = new TreeMap<>();
        Routes.table().forEach((template, methods) -> routes.put(template, new TreeSet<>(methods)));
        Map<String, Set<String>> bodies = new TreeMap<>();
        Routes.withBody().forEach((template, methods) -> bodies.put(template, new TreeSet<>(methods)));

        assertEquals(documented, routes);
        assertEquals(documentedBodies, bodies);
    }

    @Test
    void allow_namesHeadWithGet_andOptions_andNothingForAnUnknownPath() {
        String tenant = "/tenants/8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b";

        assertEquals("GET, HEAD, OPTIONS, PUT", Routes.allow(Routes.methodsOf(tenant + "/linkedin-integration")));
        assertEquals("OPTIONS, POST", Routes.allow(Routes.methodsOf(tenant + "/linkedin-eligibility/batch")));
        assertEquals(Set.of(), Routes.methodsOf(tenant + "/linkedin"));
        assertEquals(Set.of(), Routes.methodsOf(tenant + "/users/a/b/linkedin-connection"));
    }

    @Test
    void takesNoBody_onlyForAMethodOfTheApiThatTakesNone() {
        String selected = "/tenants/t/linkedin-integration/selected-users/u";

        assertTrue(Routes.takesNoBody(selected, "PUT"));
        assertTrue(Routes.takesNoBody(selected + "/", "PUT"), "a trailing slash, as RESTEasy matches it");
        assertTrue(Routes.takesNoBody("/tenants/t/linkedin-integration", "HEAD"));
        assertFalse(Routes.takesNoBody("/tenants/t/linkedin-integration", "PUT"));
        assertFalse(Routes.takesNoBody(selected, "POST"));
        assertFalse(Routes.takesNoBody("/tenants/t/linkedin", "GET"));
        assertFalse(Routes.takesNoBody("/tenants/t/linkedin-integration//", "GET"));
    }
}
