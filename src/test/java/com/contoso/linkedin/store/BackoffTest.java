package com.contoso.linkedin.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How long a request waits before trying again, and when it stops trying. */
class BackoffTest {
    private final Backoff backoff = new Backoff(6, Duration.ofMillis(4));

    @Test
    void anotherAttempt_followsAPauseThatDoublesEachTime_untilNoneIsLeft() {
        long first = pausedMillis(1);
        long fifth = pausedMillis(5);

        assertTrue(first >= 4 && first < 60, "the first pause is 4-8 ms, not " + first);
        assertTrue(fifth >= 64, "the fifth is 64-128 ms, not " + fifth);
        long began = System.nanoTime();
        assertFalse(backoff.tryAgainAfter(6), "six attempts in all");
        assertTrue(System.nanoTime() - began < 5_000_000L, "and no pause after the last");
    }

    @Test
    void noPauseOutlastsTheRequest_theCallerFailsAtOnce() {
        try (Deadline.Scope scope = Deadline.open(Optional.of(Duration.ofMillis(30)))) {
            long began = System.nanoTime();

            assertFalse(backoff.tryAgainAfter(5), "a 64-128 ms pause does not fit in 30 ms");

            assertTrue(System.nanoTime() - began < 30_000_000L, "gave up without waiting");
        }
    }

    private long pausedMillis(int attempt) {
        long began = System.nanoTime();
        assertTrue(backoff.tryAgainAfter(attempt));
        return (System.nanoTime() - began) / 1_000_000;
    }
}
