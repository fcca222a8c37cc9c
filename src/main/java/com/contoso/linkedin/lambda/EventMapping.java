package com.contoso.linkedin.lambda;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.contoso.linkedin.rest.InvalidEventResource;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How Lambda events are read. The Lambda runtime reads events with a copy of this application's
 * ObjectMapper, so this is where an event that API Gateway would never send, or a claim in an
 * unexpected shape, is made harmless instead of failing the invocation with a 500:
 * <ul>
 * <li>claim values of any JSON type are read as the HTTP API hands them on (arrays as "[a b]");</li>
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

    /** Read by Jackson's annotation introspection, also in a native image. */
    @RegisterForReflection
    abstract static class LenientClaims {
        @JsonDeserialize(contentUsing = ClaimValue.class)
        abstract void setClaims(Map<String, String> claims);
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
                } catch (MismatchedInputException wrongShape) {
                    // A member of the wrong JSON type (a path that is an array, a context that is a
                    // string): the event is the whole input, so the rest of it is skipped unread.
                    while (parser.nextToken() != null) {
                        parser.skipChildren();
                    }
                    return unroutable(null);
                } catch (JsonMappingException wrapped) {
                    // The input ended or broke inside a member: no JSON, as if it had broken before.
                    if (wrapped.getCause() instanceof JsonParseException notJson) {
                        throw notJson;
                    }
                    throw wrapped;
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
