package com.contoso.linkedin.rest;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.store.StoreUnavailableException;

/**
 * How long a client is told to wait before trying again when the store is unavailable: at least
 * the configured base, doubled for each further refusal this instance met in the last ten seconds
 * (the store's pushback counts twice), up to 32 times the base, plus up to half again as jitter so
 * that refused clients do not all come back at the same moment. Never below one second.
 */
@ApplicationScoped
public class RetryAfter {
    private static final long WINDOW_NANOS = 10_000_000_000L;
    private static final int MAX_DOUBLINGS = 5;

    private final int baseSeconds;
    private long windowStart = System.nanoTime();
    private int refusals;

    @Inject
    public RetryAfter(LinkedInConfig config) {
        this(config.store().retryAfterSeconds());
    }

    RetryAfter(int baseSeconds) {
        this.baseSeconds = Math.max(1, baseSeconds);
    }

    /**
     * Seconds for the Retry-After header of a 503 a store failure caused: a refusal (a fault of the
     * deployment) gets the longest wait, since only someone mending the deployment ends it; an
     * unavailable store the wait that grows with this instance's recent refusals.
     */
    public int secondsAfter(RuntimeException storeFailure) {
        if (storeFailure instanceof StoreUnavailableException unavailable) {
            return seconds(unavailable);
        }
        return jittered((double) baseSeconds * (1L << MAX_DOUBLINGS));
    }

    /**
     * Seconds for the Retry-After header of a 503 for a write other writers kept beating: the
     * base wait, jittered; it says nothing of the store's health, so it does not count as a refusal.
     */
    public int secondsAfterContention() {
        return jittered(baseSeconds);
    }

    private synchronized int seconds(StoreUnavailableException failure) {
        long now = System.nanoTime();
        if (now - windowStart > WINDOW_NANOS) {
            windowStart = now;
            refusals = 0;
        }
        int doublings = Math.min(refusals, MAX_DOUBLINGS);
        refusals += failure.pushback() ? 2 : 1;
        return jittered((double) baseSeconds * (1L << doublings));
    }

    private static int jittered(double wait) {
        return (int) Math.max(1, Math.ceil(wait * (1 + ThreadLocalRandom.current().nextDouble() * 0.5)));
    }
}
