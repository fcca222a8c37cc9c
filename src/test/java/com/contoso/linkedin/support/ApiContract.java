package com.contoso.linkedin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed OpenAPI document (infra/openapi.yaml) as a checker of what goes over the wire.
 * For a request whose method and path are an operation of the document, the answer must have a
 * status the operation declares, the declared content type, the required headers (with values
 * their schemas allow) and a body its schema (JSON Schema 2020-12, OpenAPI 3.1 dialect, formats
 * asserted) accepts. An answer may carry no field the document does not name: the document must
 * describe all that is sent, so answers are checked with every object schema of
 * {@code components/schemas} closed ({@code additionalProperties: false} where it says nothing).
 *
 * <p>A request body is checked only when the answer is a success: a test may well send what the
 * document forbids, to see it refused; but a body the document forbids must never succeed, and a
 * body that succeeded must be one the document allows.
 *
 * <p>Each schema is compiled once, on first use. When the test JVM ends, the answers checked per
 * operation and status, and the declared answers no test saw, are written to
 * {@code target/openapi/answers-checked.txt}.
 */
public final class ApiContract {
    /** The committed document, read from the project directory (where Surefire runs). */
    public static final Path DOCUMENT = Path.of("infra", "openapi.yaml");

    private static final String REQUESTS = "https://contract.invalid/requests.json";
    private static final String ANSWERS = "https://contract.invalid/answers.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{[^/}]+}");
    /** A path parameter's value: one segment, but no dot segment, which a URI resolves away (RFC 3986 5.2.4). */
    private static final String SEGMENT = "(?!\\.\\.?(?:/|$))[^/]+";

    private static volatile ApiContract committed;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> checked = new ConcurrentHashMap<>();

    /** One operation of the document. */
    public record Operation(String method, String template, Pattern path, JsonNode definition) {
        public String key() {
            return method + " " + template;
        }
    }

    /** One request and its answer, as API Gateway carries them. Header names compare case-insensitively. */
    public record Exchange(String method, String path, Map<String, String> requestHeaders, String requestBody,
            int status, Map<String, String> headers, String body) {

        /** Read from a payload 2.0 event and the Lambda response; empty when the event names no method or path. */
        public static Optional<Exchange> of(byte[] event, byte[] answer) {
            JsonNode request;
            JsonNode response;
            try {
                request = JSON.readTree(event);
                response = JSON.readTree(answer);
            } catch (JacksonException notJson) {
                return Optional.empty();
            }
            JsonNode method = request.path("requestContext").path("http").path("method");
            JsonNode path = request.path("rawPath");
            if (!method.isString() || !path.isString()) {
                return Optional.empty();
            }
            Map<String, String> responseHeaders = headers(response.path("multiValueHeaders"));
            responseHeaders.putAll(headers(response.path("headers")));
            return Optional.of(new Exchange(method.stringValue(), path.stringValue(), headers(request.path("headers")),
                    text(request), response.path("statusCode").asInt(), responseHeaders, text(response)));
        }

        private static Map<String, String> headers(JsonNode headers) {
            Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (headers.isObject()) {
                headers.properties().forEach(h -> map.put(h.getKey(),
                        h.getValue().isArray() ? h.getValue().path(0).asString("") : h.getValue().asString("")));
            }
            return map;
        }

        private static String text(JsonNode message) {
            JsonNode body = message.path("body");
            if (!body.isString()) {
                return null;
            }
            return message.path("isBase64Encoded").asBoolean(false)
                    ? new String(Base64.getMimeDecoder().decode(body.stringValue()), StandardCharsets.UTF_8)
                    : body.stringValue();
        }

        String header(Map<String, String> headers, String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    private ApiContract(JsonNode document) {
        this.document = document;
        JsonNode answers = closed(document.deepCopy());
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(REQUESTS, JSON.writeValueAsString(document), ANSWERS, JSON.writeValueAsString(answers)))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(operation.getKey())) {
                String regex = "^" + TEMPLATE_PARAMETER.splitAsStream(path.getKey()).map(Pattern::quote)
                        .reduce((a, b) -> a + SEGMENT + b).orElse("") + (path.getKey().endsWith("}") ? SEGMENT : "") + "$";
                operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        Pattern.compile(regex), operation.getValue()));
            }
        }));
        // The most literal template first, should two ever match the same path.
        operations.sort(Comparator.comparingLong(o -> TEMPLATE_PARAMETER.matcher(o.template()).results().count()));
    }

    /** The committed document, read once. */
    public static ApiContract committed() {
        ApiContract contract = committed;
        if (contract == null) {
            synchronized (ApiContract.class) {
                if (committed == null) {
                    try {
                        committed = of(Files.readString(DOCUMENT));
                        Runtime.getRuntime().addShutdownHook(new Thread(committed::writeCoverage, "answers-checked"));
                    } catch (IOException e) {
                        throw new UncheckedIOException("run from the project directory: " + DOCUMENT.toAbsolutePath(), e);
                    }
                }
                contract = committed;
            }
        }
        return contract;
    }

    /** Another document, as text (YAML or JSON): for tests of the checker itself. */
    public static ApiContract of(String yamlOrJson) {
        return new ApiContract(YAMLMapper.builder().build().readTree(yamlOrJson));
    }

    public JsonNode document() {
        return document;
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    public Optional<Operation> operation(String method, String path) {
        return operations.stream().filter(o -> o.method().equals(method) && o.path().matcher(path).matches()).findFirst();
    }

    /**
     * What the checks saw: answers per operation and status, and declared answers never seen. Each
     * Quarkus application of the run loads this class anew, so each adds to what the ones before
     * it in the same JVM wrote.
     */
    private void writeCoverage() {
        // Shutdown hooks run together, one per application's copy of this class: the literal is one
        // object in the whole JVM, whatever class loader loaded the class.
        synchronized ("answers-checked.txt") {
            writeCoverageNow();
        }
    }

    private void writeCoverageNow() {
        Path file = Path.of("target", "openapi", "answers-checked.txt");
        String run = "# JVM " + ProcessHandle.current().pid();
        Map<String, Long> counts = new TreeMap<>();
        try {
            List<String> earlier = Files.exists(file) ? Files.readAllLines(file) : List.of();
            if (!earlier.isEmpty() && earlier.get(0).equals(run)) {
                earlier.stream().filter(line -> !line.startsWith("#") && line.contains("\t"))
                        .forEach(line -> counts.put(line.split("\t")[0], Long.parseLong(line.split("\t")[1])));
            }
            checked.forEach((answer, count) -> counts.merge(answer, count.sum(), Long::sum));
            List<String> lines = new ArrayList<>(List.of(run, "# Answers checked against " + DOCUMENT
                    + " by the API tests of this run, per operation and status"));
            counts.forEach((answer, count) -> lines.add(answer + "\t" + count));
            lines.add("# Declared, never seen in this run");
            for (Operation operation : operations) {
                operation.definition().path("responses").propertyNames().stream()
                        .map(status -> operation.key() + " " + status).filter(answer -> !counts.containsKey(answer))
                        .sorted().forEach(lines::add);
            }
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException | RuntimeException e) {
            // a report only
        }
    }

    /** Fails with every way the exchange departs from the document. */
    public void check(Exchange exchange) {
        operation(exchange.method(), exchange.path()).ifPresent(operation -> checked
                .computeIfAbsent(operation.key() + " " + exchange.status(), key -> new LongAdder()).increment());
        List<String> violations = violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer does not match " + DOCUMENT + " (" + exchange.method() + " "
                    + exchange.path() + " -> " + exchange.status() + "):\n  - " + String.join("\n  - ", violations)
                    + "\n  request body: " + brief(exchange.requestBody()) + "\n  answer headers: " + exchange.headers()
                    + "\n  answer body: " + brief(exchange.body()));
        }
    }

    /** How the exchange departs from the document; empty when it does not, or when no operation is asked. */
    public List<String> violations(Exchange exchange) {
        Optional<Operation> asked = operation(exchange.method(), exchange.path());
        if (asked.isEmpty()) {
            return List.of();
        }
        Operation operation = asked.get();
        List<String> violations = new ArrayList<>();
        String pointer = "/paths/" + escape(operation.template()) + "/" + operation.method().toLowerCase(Locale.ROOT);
        String status = Integer.toString(exchange.status());
        String declaredPointer = pointer + "/responses/" + status;
        if (!document.at(declaredPointer).isObject()) {
            violations.add(operation.key() + " declares no answer " + status + " (it declares "
                    + document.at(pointer + "/responses").propertyNames() + ")");
            return violations;
        }
        String responsePointer = resolve(declaredPointer);
        JsonNode response = document.at(responsePointer);
        document.at(responsePointer + "/headers").properties().forEach(header -> {
            String headerPointer = resolve(responsePointer + "/headers/" + escape(header.getKey()));
            String value = exchange.header(exchange.headers(), header.getKey());
            if (value == null) {
                if (document.at(headerPointer + "/required").asBoolean(false)) {
                    violations.add("header " + header.getKey() + " is required and missing");
                }
            } else {
                errors(REQUESTS, headerPointer + "/schema", headerValue(document.at(headerPointer + "/schema"), value))
                        .forEach(e -> violations.add("header " + header.getKey() + ": " + e));
            }
        });
        JsonNode content = response.path("content");
        String contentType = mediaType(exchange.header(exchange.headers(), "Content-Type"));
        if (!content.isObject() || content.isEmpty()) {
            if (exchange.body() != null && !exchange.body().isEmpty()) {
                violations.add("the answer " + status + " has no body in the document, but one was sent");
            }
        } else if (contentType == null || !content.has(contentType)) {
            violations.add("content type " + contentType + " is not one the document names for " + status + ": "
                    + content.propertyNames());
        } else {
            json(exchange.body()).ifPresentOrElse(
                    body -> errors(ANSWERS, responsePointer + "/content/" + escape(contentType) + "/schema", body)
                            .forEach(e -> violations.add("answer body: " + e)),
                    () -> violations.add("the answer body is not JSON"));
        }
        if (exchange.status() / 100 == 2) {
            requestViolations(operation, pointer, exchange).forEach(violations::add);
        }
        return violations;
    }

    private List<String> requestViolations(Operation operation, String pointer, Exchange exchange) {
        String contentType = mediaType(exchange.header(exchange.requestHeaders(), "Content-Type"));
        JsonNode declared = document.at(pointer + "/requestBody/content");
        if (!declared.isObject() || contentType == null || !declared.has(contentType) || exchange.requestBody() == null) {
            return List.of();
        }
        return json(exchange.requestBody())
                .map(body -> errors(REQUESTS, pointer + "/requestBody/content/" + escape(contentType) + "/schema", body)
                        .stream().map(e -> "request body (answered " + exchange.status() + "): " + e).toList())
                .orElse(List.of("request body is not JSON, yet answered " + exchange.status()));
    }

    /**
     * How a value departs from the schema at a JSON pointer of the document: as a request body is
     * checked (the document as written), or as an answer is (object schemas closed).
     */
    public List<String> schemaErrors(String pointer, JsonNode value, boolean asAnswer) {
        return errors(asAnswer ? ANSWERS : REQUESTS, pointer, value);
    }

    private List<String> errors(String base, String pointer, JsonNode value) {
        Schema schema = compiled.computeIfAbsent(base + "#" + pointer, location -> registry.getSchema(
                SchemaLocation.of(base + "#" + ref(pointer))));
        return schema.validate(value).stream().map(Error::toString).toList();
    }

    /** A schema that is a bare local $ref is compiled where it points, which keeps locations readable. */
    private String ref(String pointer) {
        JsonNode node = document.at(pointer);
        if (node.isObject() && node.size() == 1 && node.path("$ref").asString("").startsWith("#/")) {
            return node.path("$ref").stringValue().substring(1);
        }
        return pointer.replace("{", "%7B").replace("}", "%7D");
    }

    /** Follows a $ref of a response or header object into components. */
    private String resolve(String pointer) {
        JsonNode node = document.at(pointer);
        String ref = node.path("$ref").asString("");
        return ref.startsWith("#/") ? resolve(ref.substring(1)) : pointer;
    }

    private static JsonNode headerValue(JsonNode schema, String value) {
        if (schema.path("type").asString("").equals("integer") && value.matches("-?[0-9]{1,18}")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
        }
        return JsonNodeFactory.instance.stringNode(value);
    }

    private static Optional<JsonNode> json(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(text));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String mediaType(String contentType) {
        return contentType == null ? null : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** JSON pointer escaping of one reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Every object schema of components/schemas that says nothing of other fields refuses them. */
    private static JsonNode closed(JsonNode document) {
        document.path("components").path("schemas").values().forEach(schema -> {
            if (schema instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")
                    && !object.has("allOf") && !object.has("oneOf") && !object.has("anyOf")) {
                object.put("additionalProperties", false);
            }
        });
        return document;
    }

    private static String brief(String text) {
        return text == null ? "(none)" : text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
