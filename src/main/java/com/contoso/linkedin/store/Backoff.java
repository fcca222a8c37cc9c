package com.contoso.linkedin.store;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.contoso.linkedin.config.LinkedInConfig;

/**
 * How patiently a request tries again what another writer or DynamoDB's limits made fail: keys
 * left unprocessed, a transaction cancelled by a concurrent one, a write that lost its race and is
 * decided again on a fresh read. {@code attempts} in all, each after the base delay doubled per
 * attempt, with jitter so that competing writers drift apart, and never past the request's
 * deadline. One policy for the adapter and the services, from {@code linkedin.store.*}.
 */
public record Backoff(int attempts, Duration baseDelay) {

    public static Backoff of(LinkedInConfig.Store store) {
        return new Backoff(store.batchAttempts(), store.retryBaseDelay());
    }

    /**
     * After attempt {@code attempt} (1 or later) failed: pauses and answers true when another
     * attempt is left and the request's deadline outlasts the pause; answers false at once when
     * not, so that the caller fails now rather than Lambda cut it off later.
     */
    public boolean tryAgainAfter(int attempt) {
        if (attempt >= attempts) {
            return false;
        }
        long base = baseDelay.toMillis() << Math.min(attempt - 1, 10);
        long pause = base + (long) (ThreadLocalRandom.current().nextDouble() * base);
        if (Deadline.current().filter(deadline -> deadline.remaining().toMillis() <= pause).isPresent()) {
            return false;
        }
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
