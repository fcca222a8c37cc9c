package com.contoso.linkedin.store.dynamodb;

import java.io.IOException;
import java.util.Set;

import com.contoso.linkedin.store.StoreFailedException;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Which SDK failures a later try may fix and which it cannot. Throttling, the store's own 5xx,
 * timeouts and connection faults pass: {@link StoreUnavailableException} (503 with Retry-After).
 * Access denied, a missing table, a request DynamoDB finds invalid, missing credentials and the
 * like are faults of the deployment: {@link StoreFailedException} (never retried; a 503 too, with
 * its own problem type).
 */
final class StoreErrors {
    /**
     * DynamoDB's ways of saying "slow down", as error codes and as a cancelled transaction's
     * reasons (which drop the "Exception").
     */
    private static final Set<String> PUSHBACK = Set.of("ProvisionedThroughputExceededException",
            "ProvisionedThroughputExceeded", "ThrottlingException", "RequestLimitExceeded", "ThrottlingError",
            "LimitExceededException");
    /** 4xx answers a later try fixes: a transaction with the same client token still running. */
    private static final Set<String> RETRY_LATER = Set.of("TransactionInProgressException");

    private StoreErrors() {
    }

    static RuntimeException classify(String what, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            if (code != null && PUSHBACK.contains(code)) {
                return new StoreUnavailableException("DynamoDB throttled: " + what, e, true);
            }
            if (service.statusCode() >= 500 || service.statusCode() == 0 || RETRY_LATER.contains(code)) {
                return new StoreUnavailableException("DynamoDB failed to " + what, e);
            }
            return new StoreFailedException("DynamoDB refused to " + what, code == null ? "HTTP " + service.statusCode()
                    : code, e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || hasIoCause(e)) {
            return new StoreUnavailableException("DynamoDB did not answer in time to " + what, e);
        }
        return new StoreFailedException("The store client could not " + what, e.getClass().getSimpleName(), e);
    }

    /** A transaction the store cancelled because it was throttled is pushback, not a race. */
    static boolean isPushback(TransactionCanceledException cancelled) {
        return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                .map(CancellationReason::code).anyMatch(code -> code != null && PUSHBACK.contains(code));
    }

    static void throwIfPushback(String what, TransactionCanceledException cancelled) {
        if (isPushback(cancelled)) {
            throw new StoreUnavailableException("DynamoDB throttled: " + what, cancelled, true);
        }
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
