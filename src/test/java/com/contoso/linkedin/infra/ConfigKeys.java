package com.contoso.linkedin.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** The configuration keys the code reads, and how the template's environment variables name them. */
final class ConfigKeys {

    private ConfigKeys() {
    }

    /** Every key of a @ConfigMapping interface, e.g. linkedin.tenant-cache.max-staleness. */
    static Set<String> of(Class<?> mapping) {
        Set<String> keys = new TreeSet<>();
        collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), keys);
        return keys;
    }

    private static void collect(Class<?> type, String prefix, Set<String> keys) {
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String key = prefix + "." + name(method);
            if (method.getReturnType().isInterface() && method.getReturnType().getName().startsWith("com.contoso")) {
                collect(method.getReturnType(), key, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static String name(Method method) {
        WithName name = method.getAnnotation(WithName.class);
        return name != null ? name.value() : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The environment variable SmallRye Config reads for a key. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * src/main/resources/application.properties, as packaged (by path: the tests' own
     * application.properties comes first on the class path).
     */
    static Properties applicationProperties() {
        Properties application = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "application.properties"))) {
            application.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return application;
    }

    /** Quarkus reads durations as ISO-8601 or as a number with a unit, such as 6S or 500ms. */
    static Duration quarkusDuration(String value) {
        String text = value.trim();
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.toLowerCase(Locale.ROOT).matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        return Duration.parse(text.toUpperCase(Locale.ROOT).startsWith("P") ? text : "PT" + text);
    }

    /** Run-time configuration of the Quarkus extensions on the class path, by environment variable. */
    static Map<String, String> runtimeQuarkusKeys() {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> keys = new TreeMap<>();
        try {
            Enumeration<URL> models = ConfigKeys.class.getClassLoader()
                    .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
            while (models.hasMoreElements()) {
                try (InputStream in = models.nextElement().openStream()) {
                    collectRuntimeKeys(json.readTree(in), keys);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static void collectRuntimeKeys(JsonNode node, Map<String, String> keys) {
        JsonNode path = node.get("path");
        if (path != null && path.has("environmentVariable") && node.has("phase")) {
            if (node.get("phase").asText().equals("RUN_TIME")) {
                keys.put(path.get("environmentVariable").asText(), path.get("property").asText());
            }
        }
        node.forEach(child -> collectRuntimeKeys(child, keys));
    }
}
