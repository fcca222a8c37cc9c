package com.contoso.linkedin.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The authorizer deploys alone (target/authorizer.zip): its classes may use nimbus-jose-jwt, the
 * Lambda Context, the JDK and the project's plain settings reader (config/ProcessSettings), and
 * nothing else of the project, Quarkus, CDI or Jackson.
 */
class AuthorizerIsolationTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Pattern TYPE = Pattern.compile("L?((?:[a-z][\\w]*/)+[A-Z][\\w$]*)");

    @Test
    void authorizerClasses_referOnlyToEachOther_nimbus_theLambdaContext_andTheJdk() throws IOException {
        List<Path> classes = authorizerClasses();
        Set<String> foreign = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (Path file : classes) {
            // Class names in a class file's constant pool are plain UTF-8 strings.
            Matcher names = TYPE.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            while (names.find()) {
                String name = names.group(1);
                seen.add(name);
                if (!isAllowed(name)) {
                    foreign.add(CLASSES.relativize(file) + " -> " + name);
                }
            }
        }
        assertTrue(classes.size() >= 5, "authorizer classes found: " + classes);
        assertTrue(seen.contains("com/nimbusds/jose/util/JSONObjectUtils") && seen.contains("java/lang/String"),
                "the scan reads the class names of the constant pool: " + seen);
        assertEquals(Set.of(), foreign, "the authorizer must deploy alone");
    }

    @Test
    void handler_isAPlainClass_withThePublicMethodLambdasRuntimeCalls() throws Exception {
        Class<?> handler = AuthorizerHandler.class;
        Method method = handler.getMethod("handleRequest", java.io.InputStream.class, java.io.OutputStream.class, Context.class);

        assertTrue(Modifier.isPublic(handler.getConstructor().getModifiers()));
        assertEquals(void.class, method.getReturnType());
        assertEquals(0, handler.getInterfaces().length, "no RequestStreamHandler: Quarkus' Lambda extension allows one handler type");
        assertEquals(0, handler.getAnnotations().length, "no annotation that would make it a CDI bean");
        assertFalse(handler.getName().contains("Quarkus"));
    }

    private static boolean isAllowed(String name) {
        return name.startsWith("java/") || name.startsWith("javax/crypto/")
                || name.startsWith("com/nimbusds/")
                || name.equals("com/amazonaws/services/lambda/runtime/Context")
                || name.startsWith("com/contoso/linkedin/identity/token/")
                || name.startsWith("com/contoso/linkedin/lambda/AuthorizerHandler")
                || name.equals("com/contoso/linkedin/config/ProcessSettings")
                || !name.startsWith("com/") && !name.startsWith("io/") && !name.startsWith("jakarta/")
                        && !name.startsWith("org/") && !name.startsWith("software/");
    }

    private static List<Path> authorizerClasses() throws IOException {
        List<Path> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("com/contoso/linkedin/identity/token"))) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(classes::add);
        }
        try (Stream<Path> files = Files.list(CLASSES.resolve("com/contoso/linkedin/lambda"))) {
            files.filter(f -> f.getFileName().toString().startsWith("AuthorizerHandler")).forEach(classes::add);
        }
        classes.add(CLASSES.resolve("com/contoso/linkedin/config/ProcessSettings.class"));
        return classes;
    }
}
