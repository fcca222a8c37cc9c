package com.contoso.linkedin.store.dynamodb;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.store.Deadline;
import com.contoso.linkedin.store.StoreUnavailableException;

/**
 * How often, and how patiently, to ask DynamoDB again for a batch it did only in part (keys left
 * unprocessed, a transaction cancelled by a concurrent write): {@code attempts} in all, waiting
 * the base delay doubled per attempt, with jitter so that competing writers drift apart.
 */
record Backoff(int attempts, Duration baseDelay) {

    static Backoff of(LinkedInConfig.Store store) {
        return new Backoff(store.batchAttempts(), store.retryBaseDelay());
    }

    /** Waits before attempt {@code attempt} (2 or later). */
    void pauseBefore(int attempt) {
        long base = baseDelay.toMillis() << Math.min(attempt - 2, 10);
        long pause = base + (long) (ThreadLocalRandom.current().nextDouble() * base);
        if (Deadline.current().filter(deadline -> deadline.remaining().toMillis() <= pause).isPresent()) {
            // Waiting would outlast the request: its answer is a 503 now, not Lambda's timeout later.
            throw new StoreUnavailableException("No time left to ask the store again", null);
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while backing off", e);
        }
    }
}
