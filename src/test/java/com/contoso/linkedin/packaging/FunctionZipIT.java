package com.contoso.linkedin.packaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * Runs after `package`: the Lambda artifact holds the application and none of the dev- and
 * test-only pieces (DynamoDB Local, sqlite natives, the embedded store, the bearer shortcut).
 */
class FunctionZipIT {
    private static final Path ZIP = Path.of("target", "function.zip");

    @Test
    void functionZip_holdsTheHandlerAndTheApplication() throws IOException {
        List<String> names = entries();
        assertTrue(names.stream().anyMatch(n -> n.contains("quarkus-amazon-lambda")), "no Lambda runtime in " + ZIP);
        assertTrue(appClasses().contains("com/contoso/linkedin/rest/EligibilityResource.class"),
                "the application's classes are missing");
    }

    @Test
    void functionZip_leavesOutDynamoDbLocalAndSqlite() throws IOException {
        for (String name : entries()) {
            assertFalse(name.toLowerCase().contains("dynamodblocal"), "DynamoDB Local shipped: " + name);
            assertFalse(name.toLowerCase().contains("sqlite4java"), "sqlite4java shipped: " + name);
            assertFalse(name.toLowerCase().contains("jetty"), "DynamoDB Local's Jetty shipped: " + name);
        }
    }

    @Test
    void functionZip_leavesOutDevAndTestOnlyCode() throws IOException {
        for (String name : appClasses()) {
            assertFalse(name.startsWith("com/contoso/linkedin/devlocal/") && name.endsWith(".class"),
                    "dev/test-only class shipped: " + name);
        }
    }

    /** The OpenAPI document is made by the tests' build: nothing of it runs, or ships, in the function. */
    @Test
    void functionZip_leavesOutTheOpenApiDocumentsBuild() throws IOException {
        for (String name : entries()) {
            String lower = name.toLowerCase();
            assertFalse(!name.endsWith("/") && (lower.contains("openapi") || lower.contains("swagger")),
                    "OpenAPI shipped: " + name);
        }
        for (String name : appClasses()) {
            assertFalse(name.startsWith("com/contoso/linkedin/rest/openapi/") && name.endsWith(".class")
                    || name.contains("quarkus-generated-openapi-doc"), "OpenAPI document build shipped: " + name);
        }
    }

    private static List<String> entries() throws IOException {
        assertTrue(Files.exists(ZIP), ZIP + " was not built");
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    /** The classes of the application's own jar inside the zip. */
    private static List<String> appClasses() throws IOException {
        List<String> classes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            ZipEntry runner = zip.stream()
                    .filter(e -> e.getName().endsWith(".jar") && e.getName().contains("linkedin-integration"))
                    .findFirst().orElse(null);
            if (runner == null) {
                // legacy-jar layout may put the application classes at the zip's root
                zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("com/contoso/")).forEach(classes::add);
                return classes;
            }
            try (JarInputStream jar = new JarInputStream(zip.getInputStream(runner))) {
                for (var entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                    classes.add(entry.getName());
                }
            }
        }
        return classes;
    }
}
