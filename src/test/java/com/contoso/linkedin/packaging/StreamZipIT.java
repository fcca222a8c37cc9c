package com.contoso.linkedin.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.contoso.linkedin.support.FakeEventBridge;
import com.contoso.linkedin.support.StreamRecords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs after `package`: target/stream.zip holds the stream function with everything it needs and
 * nothing of Quarkus, and its handler runs from a class loader of nothing but the zip's content
 * (its root and lib/*.jar, as Lambda's java21 runtime loads it), putting events on a local
 * EventBridge configured the way infra/ configures it.
 */
class StreamZipIT {
    private static final Path STREAM_ZIP = Path.of("target", "stream.zip");
    private static final String HANDLER = "com.contoso.linkedin.lambda.StreamHandler";
    private static final String TENANT = "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b";
    private static final String USER = "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";
    private static final Pattern TYPE = Pattern.compile("L?((?:[a-z][\\w]*/)+[A-Z][\\w$]*)");

    @Test
    void streamZip_holdsEveryProjectClassItsClassesName_andNoQuarkus(@TempDir Path task) throws IOException {
        Zips.unzip(STREAM_ZIP, task);
        List<Path> classes;
        try (Stream<Path> files = Files.walk(task.resolve("com"))) {
            classes = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        Set<String> missing = new TreeSet<>();
        for (Path file : classes) {
            // Class names in a class file's constant pool are plain UTF-8 strings.
            Matcher names = TYPE.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            while (names.find()) {
                String name = names.group(1);
                if (name.startsWith("com/contoso/") && !Files.exists(task.resolve(name + ".class"))
                        || name.startsWith("io/quarkus/") || name.startsWith("jakarta/")) {
                    missing.add(task.relativize(file) + " -> " + name);
                }
            }
        }
        Set<String> libs = new TreeSet<>();
        try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
            jars.map(j -> j.getFileName().toString().replaceAll("-[0-9][^/]*\\.jar$", "")).forEach(libs::add);
        }

        assertTrue(classes.size() > 20, "stream classes found: " + classes.size());
        assertEquals(Set.of(), missing, "the stream function must deploy alone");
        assertTrue(libs.containsAll(Set.of("eventbridge", "dynamodb", "url-connection-client", "jackson-databind",
                "aws-lambda-java-core")), libs.toString());
        assertTrue(libs.stream().noneMatch(l -> l.startsWith("quarkus") || l.contains("netty") || l.contains("apache-client")),
                libs.toString());
    }

    @Test
    void streamZip_alone_putsTheEventsOfABatch_andReportsTheRefusedRecord(@TempDir Path task) throws Exception {
        Zips.unzip(STREAM_ZIP, task);
        List<URL> urls = new ArrayList<>();
        urls.add(task.toUri().toURL());
        try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        Map<String, String> settings = Map.of("linkedin.events.bus-name", "linkedin-events", "aws.region", "eu-west-1",
                "aws.accessKeyId", "zip", "aws.secretAccessKey", "zip");
        PrintStream out = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (FakeEventBridge eventBridge = new FakeEventBridge();
                URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            settings.forEach(System::setProperty);
            System.setProperty("linkedin.events.endpoint-override", eventBridge.endpoint().toString());
            System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
            eventBridge.refuseEntries(entry -> entry.get("DetailType").textValue().equals("LinkedIn user erased"));
            Class<?> handlerClass = Class.forName(HANDLER, true, loader);
            Class<?> contextClass = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
            Object handler = handlerClass.getConstructor().newInstance();
            Method handle = handlerClass.getMethod("handleRequest", InputStream.class, OutputStream.class, contextClass);
            Object context = Proxy.newProxyInstance(loader, new Class<?>[] { contextClass },
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAwsRequestId" -> "zip-request";
                        case "getRemainingTimeInMillis" -> 60_000;
                        default -> null;
                    });
            String batch = StreamRecords.batch(List.of(
                    StreamRecords.insert("1", StreamRecords.connectedUser(TENANT, USER, "BOTH_WAYS", 0)),
                    StreamRecords.remove("2", StreamRecords.userKeys(TENANT, USER))));
            ByteArrayOutputStream output = new ByteArrayOutputStream();

            handle.invoke(handler, new ByteArrayInputStream(batch.getBytes(StandardCharsets.UTF_8)), output, context);

            JsonNode answer = new ObjectMapper().readTree(output.toByteArray());
            assertEquals(new ObjectMapper().readTree("{\"batchItemFailures\":[{\"itemIdentifier\":\"2\"}]}"), answer,
                    "logged: " + logged);
            assertEquals(1, eventBridge.taken().size());
            assertEquals("linkedin-events", eventBridge.taken().get(0).get("EventBusName").textValue());
            assertEquals("LinkedIn consent granted", eventBridge.taken().get(0).get("DetailType").textValue());
            assertTrue(handlerClass.getClassLoader() == loader, "loaded from the zip, not the test's class path");
            assertFalse(logged.toString(StandardCharsets.UTF_8).contains(USER), logged.toString());
        } finally {
            System.setOut(out);
            settings.keySet().forEach(System::clearProperty);
            System.clearProperty("linkedin.events.endpoint-override");
        }
    }
}
