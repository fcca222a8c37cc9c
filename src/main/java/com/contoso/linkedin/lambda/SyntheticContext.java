package com.contoso.linkedin.lambda;

import java.time.Duration;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The Lambda context of an event that Lambda did not send (priming, tests): every name is the
 * given request id, the deadline a minute away unless given, and the logger writes nowhere.
 */
public record SyntheticContext(String requestId, long deadlineNanos) implements Context {

    public SyntheticContext(String requestId) {
        this(requestId, System.nanoTime() + Duration.ofMinutes(1).toNanos());
    }

    /** A context whose function has only {@code remaining} left, as Lambda's does near its timeout. */
    public static SyntheticContext withRemaining(String requestId, Duration remaining) {
        return new SyntheticContext(requestId, System.nanoTime() + remaining.toNanos());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return requestId;
    }

    @Override
    public String getLogStreamName() {
        return requestId;
    }

    @Override
    public String getFunctionName() {
        return requestId;
    }

    @Override
    public String getFunctionVersion() {
        return requestId;
    }

    @Override
    public String getInvokedFunctionArn() {
        return requestId;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return 0;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
            }

            @Override
            public void log(byte[] message) {
            }
        };
    }
}
