package com.contoso.linkedin.lambda;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.contoso.linkedin.rest.InvalidEventResource;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How Lambda events are read. The Lambda runtime reads events with a copy of this application's
 * ObjectMapper, so this is where an event that API Gateway would never send, or a claim in an
 * unexpected shape, is made harmless instead of failing the invocation with a 500:
 * <ul>
 * <li>claim values of any JSON type are read as the HTTP API hands them on (arrays as "[a b]");</li>
 * <li>an event without a request context, HTTP method or path is routed to
 * {@link InvalidEventResource}, which answers 400 problem+json;</li>
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
                event = (APIGatewayV2HTTPEvent) super.deserialize(parser, context);
            } else {
                // Not even an object: nothing of it can be used.
                parser.skipChildren();
                event = new APIGatewayV2HTTPEvent();
            }
            if (!routable(event)) {
                APIGatewayV2HTTPEvent.RequestContext requestContext = new APIGatewayV2HTTPEvent.RequestContext();
                APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
                http.setMethod("GET");
                requestContext.setHttp(http);
                requestContext.setRequestId(event.getRequestContext() == null ? null
                        : event.getRequestContext().getRequestId());
                event.setRequestContext(requestContext);
                event.setRawPath(InvalidEventResource.PATH);
                event.setRawQueryString("");
                event.setBody(null);
                event.setIsBase64Encoded(false);
            } else {
                EventSanitizer.makeSafe(event);
            }
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
