package com.contoso.linkedin.config;

import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * One clock for the services, so that tests can reason about time. It ticks in milliseconds: the
 * audit orders and filters by the millisecond, and a time shown twice (a setting's
 * {@code updatedAt}, its audit entry's {@code when}) must read the same.
 */
public class ClockProducer {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
