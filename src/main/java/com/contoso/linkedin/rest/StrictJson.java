package com.contoso.linkedin.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import com.contoso.linkedin.domain.InvalidInputException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads request bodies strictly, after the caller has been authorized: JSON only, at most 64 KiB,
 * no unknown or duplicate fields, no type coercion, and an error detail that names the field but
 * never echoes the input.
 */
@ApplicationScoped
public class StrictJson {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper strict;

    public StrictJson(ObjectMapper mapper) {
        // A copy: the shared mapper also reads Lambda events, which must stay lenient.
        strict = mapper.copy();
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean }) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            strict.coercionConfigFor(LogicalType.Enum).setCoercion(shape, CoercionAction.Fail);
        }
        strict.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("exact-enums").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactEnum(deserializer, ExactEnum.namesOf(type.getRawClass()));
            }
        }));
    }

    /**
     * An enum value exactly as the API spells it: Jackson's own reader, when no constant matches,
     * tries the value trimmed of white space and control characters ({@code " ENABLED"}, or ENABLED
     * with a NUL after it), so anything but a constant's name is refused here first.
     */
    private static final class ExactEnum extends DelegatingDeserializer {
        private final Set<String> names;

        ExactEnum(JsonDeserializer<?> delegate, Set<String> names) {
            super(delegate);
            this.names = names;
        }

        static Set<String> namesOf(Class<?> enumType) {
            return Arrays.stream(enumType.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnum(delegate, names);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && !names.contains(parser.getText())) {
                return context.handleWeirdStringValue(handledType(), parser.getText(), "not one of the enum's values");
            }
            return super.deserialize(parser, context);
        }
    }

    public <T> T read(HttpHeaders headers, String body, Class<T> type) {
        return read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body, type);
    }

    public <T> T read(String contentType, String body, Class<T> type) {
        if (body != null
                && (body.length() > MAX_BODY_BYTES || body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES)) {
            throw new PayloadTooLargeException();
        }
        if (contentType == null || !isJson(contentType)) {
            throw new UnsupportedContentTypeException("The body must be sent as Content-Type: application/json");
        }
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("A JSON body is required");
        }
        ObjectReader reader = strict.readerFor(type);
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw new InvalidInputException("The body must be a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(describe(e));
        }
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    /** A detail for the caller: which field and what is wrong, in our words, not the parser's. */
    static String describe(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidInputException invalid) {
            return invalid.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            // Named by what the body takes, never by what the caller sent.
            return "Unknown field; the body takes only " + new java.util.TreeSet<>(unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).toList());
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            return "Field " + path(format) + " must be one of " + allowed;
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mismatched.getPath().isEmpty() ? "The body must be a JSON object"
                    : "Field " + path(mismatched) + " has the wrong JSON type or is not allowed to be null";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field " + path(mapping) + " is invalid";
        }
        if (e instanceof JsonParseException && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
            // Well-formed JSON, refused by STRICT_DUPLICATE_DETECTION: say so, without the name.
            return "A field appears more than once in the body";
        }
        return "The body is not well-formed JSON";
    }

    private static String path(JsonMappingException e) {
        return quoted(e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "["));
    }

    /** Field names come from the caller: show them only when they look like field names. */
    private static String quoted(String name) {
        if (name != null && name.length() <= 64 && name.matches("[A-Za-z0-9_.\\[\\]]+")) {
            return "'" + name + "'";
        }
        return "(unnamed)";
    }
}
