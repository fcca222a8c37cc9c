package com.contoso.linkedin.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.contoso.linkedin.identity.ApiGatewayEvents;

/**
 * Makes any routable event something Quarkus' Lambda handler can hand to Netty, so that the
 * application answers it (a problem+json 4xx) instead of the handler failing with a generic 500.
 * HTTP APIs hand the function a percent-decoded path, where a client's {@code %20}, {@code %3F},
 * {@code %23} or {@code %25} arrives as a space, {@code ?}, {@code #} or {@code %}; Netty refuses such
 * a request line, and would read {@code ;x=1} as a matrix parameter of the segment before it. So
 * the path is encoded again, every character that is not plainly safe in a segment included: the
 * resources then see exactly the decoded text, and refuse it because it is no GUID.
 */
final class EventSanitizer {
    /** Characters a path keeps as they are: unreserved, and the sub-delimiters JAX-RS reads literally. */
    private static final boolean[] PATH_SAFE = safe("-._~!$&'()*+,=:@/");
    /** A query keeps its structure ({@code &}, {@code =}) and its well-formed escapes. */
    private static final boolean[] QUERY_SAFE = safe("-._~!$&'()*+,;=:@/?");
    /** An HTTP header name is a token (RFC 9110 5.6.2). */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9A-Fa-f:.]{2,45}");
    /** A host Vert.x reads as an authority: a name or IPv4 address, or an IPv6 literal; a port. */
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?");

    private EventSanitizer() {
    }

    static void makeSafe(APIGatewayV2HTTPEvent event) {
        event.setRawPath(encode(event.getRawPath(), PATH_SAFE, false));
        if (event.getRawQueryString() != null) {
            event.setRawQueryString(encode(event.getRawQueryString(), QUERY_SAFE, true));
        }
        if (event.getIsBase64Encoded() && event.getBody() != null && !isBase64(event.getBody())) {
            // Not base64 after all: the body reader refuses it as it is, after the caller's checks.
            event.setIsBase64Encoded(false);
        }
        event.setHeaders(framed(acceptableHeaders(event.getHeaders()), event));
        var http = event.getRequestContext().getHttp();
        if (http.getSourceIp() != null && !IP_LITERAL.matcher(http.getSourceIp()).matches()) {
            // The handler would resolve anything else as a host name.
            http.setSourceIp(null);
        }
    }

    /**
     * Percent-encodes, as UTF-8, every character not in {@code safe}; in a query, a {@code %} that
     * starts a well-formed escape stays (a query reaches the function still encoded).
     */
    static String encode(String text, boolean[] safe, boolean keepEscapes) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = c < 128 && safe[c] || keepEscapes && c == '%' && isEscape(text, i);
            if (keep) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out == null ? text : out.toString();
    }

    /** Headers Netty accepts: token names, values without control characters (tab allowed). */
    private static Map<String, String> acceptableHeaders(Map<String, String> headers) {
        if (headers == null || headers.entrySet().stream().allMatch(EventSanitizer::acceptable)) {
            return headers;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        headers.entrySet().stream().filter(EventSanitizer::acceptable).forEach(h -> kept.put(h.getKey(), h.getValue()));
        return kept;
    }

    /**
     * The headers with a {@code content-length} that is the body's own size, and without a host that
     * is no authority: Vert.x refused either before the application saw the request (Quarkus' HTML-less
     * 500 or 400, or an empty 413 for a length far past the body). API Gateway sends the body's true
     * length and its own host; Quarkus' handler puts in {@code localhost} where no host is left.
     */
    private static Map<String, String> framed(Map<String, String> headers, APIGatewayV2HTTPEvent event) {
        if (headers == null) {
            return null;
        }
        String bodyLength = null;
        boolean right = true;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if ("content-length".equalsIgnoreCase(header.getKey())) {
                bodyLength = bodyLength(event);
                right &= header.getValue() != null && header.getValue().equals(bodyLength);
            } else if ("host".equalsIgnoreCase(header.getKey())) {
                right &= readableHost(header.getValue());
            }
        }
        if (right) {
            return headers;
        }
        // Every entry judged: names that differ in case only are all handed on.
        Map<String, String> kept = new LinkedHashMap<>();
        boolean lengthKept = false;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if ("content-length".equalsIgnoreCase(header.getKey())) {
                if (bodyLength != null && !lengthKept) {
                    kept.put(header.getKey(), bodyLength);
                    lengthKept = true;
                }
            } else if (!"host".equalsIgnoreCase(header.getKey()) || readableHost(header.getValue())) {
                kept.put(header.getKey(), header.getValue());
            }
        }
        return kept;
    }

    /** The size in bytes of the body Quarkus' handler hands on, or null for none. */
    private static String bodyLength(APIGatewayV2HTTPEvent event) {
        return event.getBody() == null ? null : Integer.toString(ApiGatewayEvents.bodyBytes(event).length);
    }

    /** No host, or an empty one, is read as none: the handler puts in {@code localhost}. */
    private static boolean readableHost(String host) {
        if (host == null || host.isEmpty()) {
            return true;
        }
        var parts = HOST.matcher(host);
        return parts.matches() && (parts.group(1) == null || Integer.parseInt(parts.group(1)) <= 65_535);
    }

    private static boolean acceptable(Map.Entry<String, String> header) {
        if (header.getKey() == null || !TOKEN.matcher(header.getKey()).matches()) {
            return false;
        }
        String value = header.getValue();
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64(String body) {
        try {
            Base64.getDecoder().decode(body);
            return true;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static boolean isEscape(String text, int at) {
        return at + 2 < text.length() && Character.digit(text.charAt(at + 1), 16) >= 0
                && Character.digit(text.charAt(at + 2), 16) >= 0;
    }

    private static boolean[] safe(String others) {
        boolean[] safe = new boolean[128];
        for (char c = 'a'; c <= 'z'; c++) {
            safe[c] = true;
            safe[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            safe[c] = true;
        }
        others.chars().forEach(c -> safe[c] = true);
        return safe;
    }
}
