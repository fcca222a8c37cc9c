package com.contoso.linkedin.packaging;

import static com.contoso.linkedin.support.EntraTokens.AUDIENCE;
import static com.contoso.linkedin.support.EntraTokens.appOnly;
import static com.contoso.linkedin.support.EntraTokens.claims;
import static com.contoso.linkedin.support.EntraTokens.sign;
import static com.contoso.linkedin.support.EntraTokens.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.contoso.linkedin.support.EntraTokens;
import com.contoso.linkedin.support.KeySetServer;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Runs after `package`: target/authorizer.zip holds the authorizer alone, and its handler runs
 * from a class loader of nothing but the zip's content (its root and lib/*.jar, as Lambda's
 * java21 runtime loads it), verifying a signed token against a local key set. The same handler
 * runs from function.zip's layout too.
 */
class AuthorizerZipIT {
    private static final Path AUTHORIZER_ZIP = Path.of("target", "authorizer.zip");
    private static final Path FUNCTION_ZIP = Path.of("target", "function.zip");
    private static final String HANDLER = "com.contoso.linkedin.lambda.AuthorizerHandler";

    private static RSAKey key;
    private static KeySetServer keySet;

    @BeforeAll
    static void keySet() throws IOException {
        key = EntraTokens.rsaKey("zip-key");
        keySet = new KeySetServer(key);
    }

    @AfterAll
    static void stop() {
        keySet.close();
    }

    @Test
    void authorizerZip_holdsItsClassesAtTheRoot_andOnlyNimbusAndTheLambdaCoreInLib() throws IOException {
        List<String> files = new ArrayList<>();
        try (ZipFile zip = new ZipFile(AUTHORIZER_ZIP.toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(files::add);
        }
        List<String> classes = files.stream().filter(f -> !f.startsWith("lib/")).toList();
        TreeSet<String> libs = new TreeSet<>(files.stream().filter(f -> f.startsWith("lib/"))
                .map(f -> f.replaceAll("-[0-9][^/]*\\.jar$", "")).toList());

        assertTrue(classes.contains("com/contoso/linkedin/lambda/AuthorizerHandler.class"), classes.toString());
        assertTrue(classes.contains("com/contoso/linkedin/identity/token/EntraTokenVerifier.class"), classes.toString());
        assertTrue(classes.stream().allMatch(c -> c.startsWith("com/contoso/linkedin/identity/token/")
                || c.startsWith("com/contoso/linkedin/lambda/AuthorizerHandler")
                || c.equals("com/contoso/linkedin/config/ProcessSettings.class")), "nothing else of the project: " + classes);
        assertEquals(new TreeSet<>(List.of("lib/aws-lambda-java-core", "lib/nimbus-jose-jwt")), libs);
    }

    @Test
    void authorizerZip_alone_verifiesASignedToken_andRefusesABadOne(@TempDir Path task) throws Exception {
        Zips.unzip(AUTHORIZER_ZIP, task);

        assertVerifiesAndRefuses(task);
    }

    @Test
    void functionZip_runsTheSameAuthorizer_fromItsOwnLayout(@TempDir Path task) throws Exception {
        Zips.unzip(FUNCTION_ZIP, task);
        // A native function.zip is a bootstrap executable: the authorizer deploys from authorizer.zip then.
        assumeTrue(Files.exists(task.resolve("com/contoso/linkedin/lambda/AuthorizerHandler.class")), "a native function.zip");

        assertVerifiesAndRefuses(task);
    }

    /** The handler from a class loader of the task root and its lib/*.jar only (the JDK's own classes as parent). */
    private static void assertVerifiesAndRefuses(Path task) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(task.toUri().toURL());
        try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        String tenant = tenant();
        PrintStream out = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            System.setProperty("linkedin.identity.jwks-uri", keySet.uri().toString());
            System.setProperty("linkedin.identity.audiences", AUDIENCE);
            System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
            Class<?> handlerClass = Class.forName(HANDLER, true, loader);
            Class<?> contextClass = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
            Object handler = handlerClass.getConstructor().newInstance();
            Method handle = handlerClass.getMethod("handleRequest", InputStream.class, OutputStream.class, contextClass);
            Object context = Proxy.newProxyInstance(loader, new Class<?>[] { contextClass },
                    (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? "zip-request" : null);

            Map<String, Object> allowed = call(handler, handle, context, sign(key, appOnly(tenant, "Tenants.Operate")));
            Map<String, Object> expired = claims(tenant);
            expired.put("exp", 1_000_000_000L);
            Map<String, Object> refused = call(handler, handle, context, sign(key, expired));

            assertEquals(true, allowed.get("isAuthorized"), "logged: " + logged);
            assertEquals("Tenants.Operate", ((Map<?, ?>) allowed.get("context")).get("roles"));
            assertEquals(Map.of("isAuthorized", false), refused);
            assertTrue(logged.toString(StandardCharsets.UTF_8).contains("\"cause\":\"EXPIRED\""), logged.toString());
            assertTrue(handlerClass.getClassLoader() == loader, "loaded from the zip, not the test's class path");
        } finally {
            System.setOut(out);
            System.clearProperty("linkedin.identity.jwks-uri");
            System.clearProperty("linkedin.identity.audiences");
        }
    }

    private static Map<String, Object> call(Object handler, Method handle, Object context, String token) throws Exception {
        String event = "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"identitySource\":[\"Bearer " + token + "\"],"
                + "\"headers\":{\"authorization\":\"Bearer " + token + "\"},\"requestContext\":{\"requestId\":\"r\"}}";
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handle.invoke(handler, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, context);
        return JSONObjectUtils.parse(output.toString(StandardCharsets.UTF_8));
    }
}
