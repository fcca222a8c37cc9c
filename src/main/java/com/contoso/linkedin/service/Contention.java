package com.contoso.linkedin.service;

import java.util.concurrent.ThreadLocalRandom;

import com.contoso.linkedin.store.Deadline;

/**
 * A write that lost a race (another writer changed what it had read) reads again and tries again:
 * {@link #ATTEMPTS} times in all, each after a random pause that doubles with every loss, so that
 * writers that collided do not collide again in step. Never past the request's deadline; a write
 * that still loses is a {@link ContendedWriteException}, having changed nothing.
 */
final class Contention {
    static final int ATTEMPTS = 8;
    private static final long FIRST_PAUSE_MILLIS = 4;
    private static final long LONGEST_PAUSE_MILLIS = 128;

    private Contention() {
    }

    /** After attempt {@code attempt} lost the race: pauses before the next, or gives up. */
    static void afterLost(int attempt, String what) {
        if (attempt >= ATTEMPTS) {
            throw new ContendedWriteException(what);
        }
        long ceiling = Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << (attempt - 1));
        long pause = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        if (Deadline.current().filter(deadline -> deadline.remaining().toMillis() <= pause).isPresent()) {
            throw new ContendedWriteException(what);
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContendedWriteException(what);
        }
    }
}
