package com.contoso.linkedin.service;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.store.Deadline;

/** How long a write that lost a race waits before reading again, and when it stops. */
class ContentionTest {

    @Test
    void aLostRace_isTriedAgain_afterAPauseThatGrows_untilTheLastAttempt() {
        long first = pausedMillis(1);
        long later = pausedMillis(6);

        assertTrue(first >= 2 && first < 100, "the first pause is 2-4 ms, not " + first);
        assertTrue(later >= 64, "the sixth is 64-128 ms, not " + later);
        assertThrows(ContendedWriteException.class, () -> Contention.afterLost(Contention.ATTEMPTS, "a test"));
    }

    @Test
    void noPauseOutlastsTheRequest_itIsAContendedWriteAtOnce() throws Exception {
        try (Deadline.Scope scope = Deadline.open(Optional.of(Duration.ofMillis(30)))) {
            long began = System.nanoTime();

            assertThrows(ContendedWriteException.class, () -> Contention.afterLost(6, "a test"));

            assertTrue(System.nanoTime() - began < 30_000_000L, "gave up without waiting");
        }
    }

    private static long pausedMillis(int attempt) {
        long began = System.nanoTime();
        Contention.afterLost(attempt, "a test");
        return (System.nanoTime() - began) / 1_000_000;
    }
}
