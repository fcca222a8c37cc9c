package com.contoso.linkedin.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native build needs that can be checked without GraalVM (none exists on these machines):
 * every record Jackson reads or writes by reflection is registered, and the code does no class
 * path scanning or reflective lookup by name at run time.
 */
class NativeReadinessTest {

    private static final Path MAIN = Path.of("src/main/java/com/contoso/linkedin");

    /** The records Jackson reads or writes by reflection: bodies, views, problems, OFREP documents. */
    private static final List<String> HOLDERS = List.of("com.contoso.linkedin.rest.ResponseBodies",
            "com.contoso.linkedin.rest.RequestBodies", "com.contoso.linkedin.rest.ofrep.OfrepViews");

    @Test
    void everyRecordJacksonMaps_isRegisteredForReflection() throws Exception {
        List<Class<?>> mapped = new ArrayList<>();
        mapped.add(Class.forName("com.contoso.linkedin.rest.Problem"));
        for (String holder : HOLDERS) {
            for (Class<?> nested : Class.forName(holder).getDeclaredClasses()) {
                if (nested.isRecord()) {
                    mapped.add(nested);
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        mapped.stream().filter(type -> !type.isAnnotationPresent(RegisterForReflection.class))
                .forEach(type -> missing.add(type.getName()));

        assertTrue(mapped.size() > 25, "views, bodies and OFREP documents found: " + mapped.size());
        assertEquals(Set.of(), missing, "records Jackson maps but a native image could not");
    }

    @Test
    void eventMappingMixInAndDeserializer_areRegistered() throws Exception {
        assertTrue(Class.forName("com.contoso.linkedin.lambda.EventMapping$LenientClaims")
                .isAnnotationPresent(RegisterForReflection.class));
        assertTrue(Class.forName("com.contoso.linkedin.lambda.EventMapping$ClaimValue")
                .isAnnotationPresent(RegisterForReflection.class));
    }

    @Test
    void mainCode_doesNoClassPathScanningNorLookupByName() throws IOException {
        List<String> forbidden = List.of("Class.forName(", "ServiceLoader", "getResources(", ".loadClass(",
                "ClassGraph", "org.reflections");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                forbidden.stream().filter(source::contains).forEach(token -> found.add(MAIN.relativize(file) + ": " + token));
            }
        }
        assertEquals(List.of(), found);
    }
}
