package com.contoso.linkedin.rest;

import java.time.Duration;
import java.util.Optional;

import org.jboss.logging.MDC;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * Puts the Lambda request id and the X-Ray trace id of the invocation on every log line written
 * while it is served (JSON logs carry the MDC), on whichever thread serves it: the Lambda thread
 * of the hot routes, or the HTTP layer's worker thread. With API Gateway's request id on the
 * access log line, one request can be followed from the API's access log to the function's lines.
 */
public final class RequestTrace {
    static final String LAMBDA_REQUEST_ID = "lambdaRequestId";
    static final String TRACE_ID = "traceId";
    /** Where AWS's runtime interface client puts each invocation's X-Ray header. */
    private static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

    private RequestTrace() {
    }

    public static void begin(Context lambda) {
        if (lambda != null && lambda.getAwsRequestId() != null) {
            MDC.put(LAMBDA_REQUEST_ID, lambda.getAwsRequestId());
        }
        traceId().ifPresent(traceId -> MDC.put(TRACE_ID, traceId));
    }

    public static void end() {
        MDC.remove(LAMBDA_REQUEST_ID);
        MDC.remove(TRACE_ID);
    }

    /**
     * How long the store may still take for this invocation: Lambda's remaining time less the
     * margin kept for the answer. Empty when the context gives no usable time: none at all, or
     * nothing left as the request starts, which Lambda never does but the mock event server of
     * the local run does (it sets no deadline); the client's own bounds then apply.
     */
    public static Optional<Duration> timeLeft(Context lambda, Duration answerMargin) {
        if (lambda == null || lambda.getRemainingTimeInMillis() <= 0) {
            return Optional.empty();
        }
        Duration left = Duration.ofMillis(lambda.getRemainingTimeInMillis()).minus(answerMargin);
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    /** The {@code Root} of the invocation's X-Ray header ({@code Root=1-…;Parent=…;Sampled=…}). */
    static Optional<String> traceId() {
        String header = System.getProperty(TRACE_HEADER_PROPERTY);
        if (header == null) {
            header = System.getenv("_X_AMZN_TRACE_ID");
        }
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) {
                return Optional.of(part.substring(5));
            }
        }
        return Optional.empty();
    }
}
