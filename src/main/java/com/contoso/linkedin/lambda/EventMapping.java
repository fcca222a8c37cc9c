package com.contoso.linkedin.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.contoso.linkedin.rest.InvalidEventResource;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How Lambda events are read. The Lambda runtime reads events with a copy of this application's
 * ObjectMapper, so this is where an event that API Gateway would never send, or a claim in an
 * unexpected shape, is made harmless instead of failing the invocation with a 500:
 * <ul>
 * <li>an input that is not one JSON value within Jackson's read limits (not JSON, nothing, cut short,
 * more after the value, bytes that are no UTF-8, nested over 1000 deep, a number of over 1000 digits)
 * reads as an event without a request context ({@link WholeValue});</li>
 * <li>claim values of any JSON type are read as the HTTP API hands them on (arrays as "[a b]"), and an
 * authorizer member of another shape as none ({@link AuthorizerValue});</li>
 * <li>an event without a request context, HTTP method or path, or with a member of the wrong JSON
 * type, or {@code null}, is routed to {@link InvalidEventResource}, which answers 400 problem+json;</li>
 * <li>any other event is made safe for Netty ({@link EventSanitizer}): a decoded path with spaces,
 * {@code ?} or {@code #}, odd header bytes, a body that claims to be base64 and is not.</li>
 * </ul>
 */
@Singleton
public class EventMapping implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.class, LenientClaims.class);
        mapper.addMixIn(APIGatewayV2HTTPEvent.RequestContext.class, LenientAuthorizer.class);
        SimpleModule module = new SimpleModule("api-gateway-events");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                    JsonDeserializer<?> deserializer) {
                if (bean.getBeanClass() == APIGatewayV2HTTPEvent.class) {
                    return new RoutableEvent(deserializer);
                }
                return deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /**
     * The Lambda runtime's mapper is a copy of the application's, made before any bean starts, so the
     * input check goes on its parser factory here: before the first event, and only there (request
     * bodies stay strict, {@code rest.StrictJson}). Quarkus' poll loop (the local run, a native build)
     * reads each event with it before any code of ours runs, and so does {@link EventDispatch}. In the
     * local run alone, an event sent while the application still starts may be read before this runs.
     */
    @SuppressWarnings("deprecation") // the factory is built already: a builder cannot reach it
    void onStart(@Observes @Priority(1) StartupEvent start) {
        ObjectMapper lambda = AmazonLambdaMapperRecorder.objectMapper;
        if (lambda != null && !(lambda.getFactory().getInputDecorator() instanceof WholeValue)) {
            lambda.getFactory().setInputDecorator(new WholeValue(lambda.getFactory().copy()));
        }
    }

    /**
     * The reader without the input check, for a reader that declines what it cannot read (the hot
     * routes): the check then runs once, on the way into Quarkus' handler, not on every hot event.
     * It fails where the check would refuse: Jackson's limits hold on every token it reads or skips,
     * and more after the value is refused.
     */
    static ObjectReader withoutInputCheck(ObjectReader reader) {
        ObjectReader whole = reader.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return reader.getFactory().getInputDecorator() instanceof WholeValue check ? whole.with(check.reader) : whole;
    }

    /**
     * Hands the reader an input unchanged when it is one JSON value and nothing after it, read whole
     * by the reader's own factory (every token decoded, so every read limit checked as the real read
     * will), and {@code {}} otherwise: an event without a request context, which {@link RoutableEvent}
     * answers. Failing the read instead would be an invocation error, which API Gateway turns into a 500.
     */
    static final class WholeValue extends InputDecorator {
        private static final byte[] NO_EVENT = "{}".getBytes(StandardCharsets.US_ASCII);

        /** The same factory without this decorator. */
        private final JsonFactory reader;

        WholeValue(JsonFactory reader) {
            this.reader = reader;
        }

        @Override
        public InputStream decorate(IOContext context, InputStream in) throws IOException {
            byte[] input = in.readAllBytes();
            return new ByteArrayInputStream(readsWhole(() -> reader.createParser(input)) ? input : NO_EVENT);
        }

        @Override
        public InputStream decorate(IOContext context, byte[] input, int offset, int length) {
            return readsWhole(() -> reader.createParser(input, offset, length)) ? null : new ByteArrayInputStream(NO_EVENT);
        }

        @Override
        public Reader decorate(IOContext context, Reader in) throws IOException {
            StringWriter input = new StringWriter();
            in.transferTo(input);
            return new StringReader(readsWhole(() -> reader.createParser(input.toString())) ? input.toString() : "{}");
        }

        private interface Parsing {
            JsonParser open() throws IOException;
        }

        private static boolean readsWhole(Parsing parsing) {
            try (JsonParser parser = parsing.open()) {
                int depth = 0;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token.isStructStart()) {
                        depth++;
                    } else if (token.isStructEnd()) {
                        depth--;
                    } else if (token == JsonToken.VALUE_STRING) {
                        parser.getTextLength(); // decoded: its bytes and length are checked
                    }
                    if (depth == 0) {
                        return parser.nextToken() == null;
                    }
                }
                return false;
            } catch (IOException notOneValue) {
                return false;
            }
        }
    }

    /** Read by Jackson's annotation introspection, also in a native image. */
    @RegisterForReflection
    abstract static class LenientClaims {
        @JsonDeserialize(contentUsing = ClaimValue.class)
        abstract void setClaims(Map<String, String> claims);
    }

    /** Read by Jackson's annotation introspection, also in a native image. */
    @RegisterForReflection
    abstract static class LenientAuthorizer {
        @JsonDeserialize(using = AuthorizerValue.class)
        abstract void setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer);
    }

    /**
     * An authorizer member that is not of an authorizer's shape ({@code "authorizer": "x"}, a lambda
     * context that is a list, claims that are a string) names no caller: the request is answered as
     * one without a caller (401), as an absent authorizer is. Made by reflection, also natively.
     */
    @RegisterForReflection
    static final class AuthorizerValue extends JsonDeserializer<APIGatewayV2HTTPEvent.RequestContext.Authorizer> {
        @Override
        public APIGatewayV2HTTPEvent.RequestContext.Authorizer deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node == null || !node.isObject()) {
                return null;
            }
            try {
                return context.readTreeAsValue(node, APIGatewayV2HTTPEvent.RequestContext.Authorizer.class);
            } catch (InvalidDefinitionException faultOfTheMapper) {
                throw faultOfTheMapper;
            } catch (JsonMappingException notAnAuthorizer) {
                return null;
            }
        }
    }

    /** Any JSON value as the string the HTTP API would hand on. Made by reflection, also natively. */
    @RegisterForReflection
    static final class ClaimValue extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isArray()) {
                List<String> elements = new ArrayList<>();
                node.forEach(element -> elements.add(element.isValueNode() ? element.asText() : element.toString()));
                return "[" + String.join(" ", elements) + "]";
            }
            return node.isValueNode() ? node.asText() : node.toString();
        }
    }

    /** Sends an event that cannot be routed to the one place that says so. */
    static final class RoutableEvent extends DelegatingDeserializer {
        RoutableEvent(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new RoutableEvent(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            APIGatewayV2HTTPEvent event;
            if (parser.isExpectedStartObjectToken()) {
                try {
                    event = (APIGatewayV2HTTPEvent) super.deserialize(parser, context);
                } catch (JsonMappingException wrongShape) {
                    if (wrongShape instanceof InvalidDefinitionException faultOfTheMapper) {
                        throw faultOfTheMapper; // not the event's: a 500, logged, as the deployment is at fault
                    }
                    // A member of the wrong JSON type or past its type's range (a path that is an array,
                    // a context that is a string, a time past a long): the event is the whole input, so
                    // the rest of it is skipped unread.
                    while (parser.nextToken() != null) {
                        parser.skipChildren();
                    }
                    return unroutable(null);
                }
            } else {
                // Not even an object: nothing of it can be used.
                parser.skipChildren();
                return unroutable(null);
            }
            if (!routable(event)) {
                return unroutable(event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
            }
            EventSanitizer.makeSafe(event);
            return event;
        }

        /** The event {@code null}. */
        @Override
        public Object getNullValue(DeserializationContext context) {
            return unroutable(null);
        }

        /** An event that {@link InvalidEventResource} answers, under the request id read, if any. */
        private static APIGatewayV2HTTPEvent unroutable(String requestId) {
            APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
            http.setMethod("GET");
            APIGatewayV2HTTPEvent.RequestContext requestContext = new APIGatewayV2HTTPEvent.RequestContext();
            requestContext.setHttp(http);
            requestContext.setRequestId(requestId);
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            event.setRequestContext(requestContext);
            event.setRawPath(InvalidEventResource.PATH);
            event.setRawQueryString("");
            return event;
        }

        private static boolean routable(APIGatewayV2HTTPEvent event) {
            var context = event.getRequestContext();
            return context != null && context.getHttp() != null && context.getHttp().getMethod() != null
                    && context.getHttp().getMethod().matches("[A-Z]{1,16}")
                    && event.getRawPath() != null && event.getRawPath().startsWith("/");
        }
    }
}
