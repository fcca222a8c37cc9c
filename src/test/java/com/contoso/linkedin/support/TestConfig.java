package com.contoso.linkedin.support;

import java.time.Duration;

import com.contoso.linkedin.config.LinkedInConfig;

/**
 * A hand-written {@link LinkedInConfig} for tests that build the store or the services by their
 * constructors, without Quarkus. The values are LinkedInConfig's defaults unless a test says
 * otherwise; the parts neither the store nor the services read are refused.
 */
public record TestConfig(String tableName, Duration maxStaleness, int maxEntries, int batchAttempts,
        Duration retryBaseDelay, int offboardingPageSize, Duration auditRetention) implements LinkedInConfig {

    public static TestConfig defaults() {
        return new TestConfig("linkedin-integration", Duration.ofSeconds(30), 10_000, 6, Duration.ofMillis(20), 500,
                Duration.ofDays(400));
    }

    public TestConfig withTable(String name) {
        return new TestConfig(name, maxStaleness, maxEntries, batchAttempts, retryBaseDelay, offboardingPageSize,
                auditRetention);
    }

    public TestConfig withTenantCache(Duration bound, int entries) {
        return new TestConfig(tableName, bound, entries, batchAttempts, retryBaseDelay, offboardingPageSize,
                auditRetention);
    }

    /** Lost races and unprocessed keys tried {@code attempts} times, the first pause {@code base}. */
    public TestConfig withRetries(int attempts, Duration base) {
        return new TestConfig(tableName, maxStaleness, maxEntries, attempts, base, offboardingPageSize, auditRetention);
    }

    public TestConfig withOffboarding(int pageSize, Duration retention) {
        return new TestConfig(tableName, maxStaleness, maxEntries, batchAttempts, retryBaseDelay, pageSize, retention);
    }

    @Override
    public TenantCache tenantCache() {
        return new TenantCache() {
            @Override
            public Duration maxStaleness() {
                return maxStaleness;
            }

            @Override
            public int maxEntries() {
                return maxEntries;
            }
        };
    }

    @Override
    public Store store() {
        return new Store() {
            @Override
            public int batchAttempts() {
                return batchAttempts;
            }

            @Override
            public Duration retryBaseDelay() {
                return retryBaseDelay;
            }

            @Override
            public int retryAfterSeconds() {
                return 1;
            }

            @Override
            public int sdkAttempts() {
                return 3;
            }

            @Override
            public Duration answerMargin() {
                return Duration.ofMillis(250);
            }
        };
    }

    @Override
    public Priming priming() {
        throw new UnsupportedOperationException("read by lambda/Priming only, not by the store or the services");
    }

    @Override
    public Metrics metrics() {
        return new Metrics() {
            @Override
            public Duration flushInterval() {
                return Duration.ofSeconds(10);
            }

            @Override
            public String namespace() {
                return com.contoso.linkedin.metrics.Metrics.DEFAULT_NAMESPACE;
            }
        };
    }

    @Override
    public Offboarding offboarding() {
        return new Offboarding() {
            @Override
            public int pageSize() {
                return offboardingPageSize;
            }

            @Override
            public Duration auditRetention() {
                return auditRetention;
            }
        };
    }

    @Override
    public Identity identity() {
        throw new UnsupportedOperationException("read by identity/ only, not by the store or the services");
    }
}
