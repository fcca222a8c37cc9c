package com.contoso.linkedin.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.contoso.linkedin.identity.token.EntraTokenVerifier;
import com.contoso.linkedin.identity.token.Refusal;
import com.contoso.linkedin.identity.token.Verdict;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The HTTP API Lambda authorizer of SPEC section 5 (payload 2.0, simple responses): verifies the
 * {@code Authorization: Bearer} token and answers {@code {"isAuthorized": true, "context": {...}}}
 * or {@code {"isAuthorized": false}}, for any failure, and never throws. One JSON log line per
 * refusal names its {@link Refusal} and the Lambda request id, never the token or a claim.
 *
 * <p>Deliberately small: no Quarkus, CDI or Jackson, only nimbus-jose-jwt and the Lambda
 * {@code Context}, so that it deploys alone from {@code target/authorizer.zip} and starts in a
 * fraction of the API functions' start. Not a {@code RequestStreamHandler}: the Quarkus Lambda
 * extension refuses a build that declares a second handler type, and AWS's runtime calls a public
 * {@code handleRequest(InputStream, OutputStream, Context)} all the same.
 */
public class AuthorizerHandler {

    /** An authorizer event is headers and context, a few KB; anything far larger is refused unread. */
    private static final int MAX_EVENT_BYTES = 256 * 1024;
    private static final byte[] DENY = "{\"isAuthorized\":false}".getBytes(StandardCharsets.UTF_8);

    /** Null when the settings are unusable: then every request is refused as NOT_CONFIGURED. */
    private final EntraTokenVerifier verifier;
    private final PrintStream log;

    /** Lambda constructs the handler once per instance, in its init phase: settings and key set are read then. */
    public AuthorizerHandler() {
        this(fromEnvironment(System.out), System.out);
    }

    /** With a verifier of the caller's (tests), or null for one whose settings were unusable. */
    public AuthorizerHandler(EntraTokenVerifier verifier, PrintStream log) {
        this.verifier = verifier;
        this.log = log;
    }

    private static EntraTokenVerifier fromEnvironment(PrintStream log) {
        EntraTokenVerifier verifier;
        try {
            verifier = EntraTokenVerifier.fromEnvironment();
        } catch (RuntimeException e) {
            // The message names the setting, never its value or a token.
            logLine(log, "ERROR", "authorizer settings unusable, every request is refused: " + safeMessage(e), null, null);
            return null;
        }
        if (!verifier.isConfigured()) {
            logLine(log, "ERROR", "linkedin.identity.audiences is not set: every request is refused", null, null);
        } else if (verifier.loadKeys() != null) {
            logLine(log, "WARN", "the key set could not be read at start-up", Refusal.KEY_SET_UNAVAILABLE, null);
        }
        return verifier;
    }

    public void handleRequest(InputStream input, OutputStream output, Context context) {
        String requestId = requestId(context);
        byte[] answer;
        try {
            answer = answer(input, requestId);
        } catch (Throwable e) {
            // Never thrown to the runtime: refused, logged with the failure's type only.
            refuse(Refusal.INTERNAL, requestId, e.getClass().getSimpleName());
            answer = DENY;
        }
        try {
            output.write(answer);
        } catch (IOException | RuntimeException e) {
            logLine(log, "ERROR", "the answer could not be written", null, requestId);
        }
    }

    private byte[] answer(InputStream input, String requestId) throws IOException {
        if (verifier == null) {
            return refuse(Refusal.NOT_CONFIGURED, requestId, null);
        }
        byte[] bytes = input.readNBytes(MAX_EVENT_BYTES + 1);
        Map<String, Object> event;
        try {
            if (bytes.length > MAX_EVENT_BYTES) {
                return refuse(Refusal.MALFORMED_EVENT, requestId, null);
            }
            event = JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            return refuse(Refusal.MALFORMED_EVENT, requestId, null);
        }
        if (event == null) {
            // The event null: malformed, not a fault of this function (INTERNAL pages an operator).
            return refuse(Refusal.MALFORMED_EVENT, requestId, null);
        }
        String authorization = authorization(event);
        if (authorization == null || authorization.isBlank()) {
            return refuse(Refusal.NO_TOKEN, requestId, null);
        }
        String[] schemeAndToken = authorization.strip().split("\\s+", 2);
        if (!schemeAndToken[0].toLowerCase(Locale.ROOT).equals("bearer")) {
            return refuse(Refusal.NOT_BEARER, requestId, null);
        }
        String token = schemeAndToken.length < 2 ? "" : schemeAndToken[1];
        Verdict verdict = verifier.verify(token);
        if (!verdict.isPassed()) {
            return refuse(verdict.refusal(), requestId, null);
        }
        Map<String, Object> allowed = new LinkedHashMap<>();
        allowed.put("isAuthorized", true);
        allowed.put("context", verdict.context());
        return JSONObjectUtils.toJSONString(allowed).getBytes(StandardCharsets.UTF_8);
    }

    /** headers.authorization (names compared without case), else the first identity source. */
    private static String authorization(Map<String, Object> event) {
        if (event.get("headers") instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> header : headers.entrySet()) {
                if ("authorization".equalsIgnoreCase(String.valueOf(header.getKey())) && header.getValue() instanceof String value) {
                    return value;
                }
            }
        }
        if (event.get("identitySource") instanceof List<?> sources && !sources.isEmpty()
                && sources.get(0) instanceof String first) {
            return first;
        }
        return null;
    }

    private byte[] refuse(Refusal refusal, String requestId, String detail) {
        logLine(log, "WARN", "request refused", refusal, requestId, detail);
        return DENY;
    }

    private static void logLine(PrintStream log, String level, String message, Refusal refusal, String requestId) {
        logLine(log, level, message, refusal, requestId, null);
    }

    /** One JSON object per line: CloudWatch Logs Insights filters and counts by {@code cause}. */
    private static void logLine(PrintStream log, String level, String message, Refusal refusal, String requestId,
            String detail) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("logger", "authorizer");
        line.put("message", message);
        if (refusal != null) {
            line.put("cause", refusal.name());
        }
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        if (detail != null) {
            line.put("detail", detail);
        }
        log.println(JSONObjectUtils.toJSONString(line));
    }

    private static String requestId(Context context) {
        try {
            return context == null || context.getAwsRequestId() == null ? "unknown" : context.getAwsRequestId();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static String safeMessage(RuntimeException e) {
        return e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
