package com.contoso.linkedin.store.dynamodb;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.contoso.linkedin.metrics.Metrics;
import com.contoso.linkedin.store.Deadline;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What every request to DynamoDB goes through: bounds no longer than the time the request has
 * left ({@link Deadline}), one classification of its failures ({@link StoreErrors}), and its count
 * and latency in the metrics.
 */
final class StoreCalls {
    /** The client's own bounds of one call and one attempt: a deadline only ever shortens them. */
    private final Duration callTimeout;
    private final Duration attemptTimeout;

    StoreCalls(ClientOverrideConfiguration client) {
        this.callTimeout = client.apiCallTimeout().orElse(Duration.ofSeconds(30));
        this.attemptTimeout = client.apiCallAttemptTimeout().orElse(callTimeout);
    }

    /**
     * Runs one store call. Outcomes a caller decides on (a failed condition, a cancelled
     * transaction) pass through; every other failure is classified once.
     */
    <T> T run(String what, Supplier<T> operation) {
        long started = System.nanoTime();
        String outcome = "ok";
        try {
            return operation.get();
        } catch (ConditionalCheckFailedException | TransactionCanceledException decidedByCaller) {
            outcome = decidedByCaller instanceof TransactionCanceledException cancelled
                    && StoreErrors.isPushback(cancelled) ? "throttled" : "conflict";
            throw decidedByCaller;
        } catch (SdkException e) {
            RuntimeException classified = StoreErrors.classify(what, e);
            outcome = classified instanceof StoreUnavailableException unavailable
                    ? unavailable.pushback() ? "throttled" : "unavailable"
                    : "failed";
            throw classified;
        } catch (RuntimeException e) {
            if (e instanceof StoreUnavailableException || !Deadline.current().map(Deadline::passed).orElse(false)) {
                throw e;
            }
            // The deadline cut the call off, and the URL connection client, aborted mid-answer, may
            // say so with an exception of its own (a NullPointerException of its closed connection)
            // rather than the SDK's timeout: still the store not answering in time.
            outcome = "unavailable";
            throw new StoreUnavailableException("DynamoDB did not answer in time to " + what, e);
        } finally {
            Metrics.count("StoreCalls", "Outcome", outcome);
            Metrics.millis("StoreLatency", (System.nanoTime() - started) / 1e6);
        }
    }

    /**
     * Per-call bounds no longer than the time the request has left, when it has less than the
     * client's own; none when no request opened a deadline (priming, tests of the adapter).
     */
    AwsRequestOverrideConfiguration withinDeadline() {
        Optional<Deadline> deadline = Deadline.current();
        if (deadline.isEmpty()) {
            return null;
        }
        Duration left = deadline.get().remaining();
        if (left.isZero()) {
            throw new StoreUnavailableException("The request had no time left for the store", null);
        }
        if (left.compareTo(callTimeout) >= 0) {
            return null;
        }
        return AwsRequestOverrideConfiguration.builder().apiCallTimeout(left)
                .apiCallAttemptTimeout(left.compareTo(attemptTimeout) <= 0 ? left : attemptTimeout).build();
    }
}
