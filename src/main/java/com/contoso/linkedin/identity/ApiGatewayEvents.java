package com.contoso.linkedin.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/** What every adapter reads of an API Gateway HTTP API event besides the caller. */
public final class ApiGatewayEvents {

    private ApiGatewayEvents() {
    }

    /** API Gateway's id of this request (the access log's); the Lambda request id is the fallback. */
    public static String requestId(APIGatewayV2HTTPEvent event, Context lambda) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context != null && context.getRequestId() != null) {
            return context.getRequestId();
        }
        return lambda.getAwsRequestId();
    }

    /** A request header of the event, its name compared as HTTP compares names. */
    public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (name.equalsIgnoreCase(header.getKey())) {
                return Optional.ofNullable(header.getValue());
            }
        }
        return Optional.empty();
    }

    /** Whether the event carries a body: an empty one is none. */
    public static boolean hasBody(APIGatewayV2HTTPEvent event) {
        return event.getBody() != null && !event.getBody().isEmpty();
    }

    /** The body's bytes as Quarkus' handler hands them on (decoded where the event says base64); none, empty. */
    public static byte[] bodyBytes(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(event.getBody())
                : event.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
