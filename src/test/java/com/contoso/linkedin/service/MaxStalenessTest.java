package com.contoso.linkedin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.contoso.linkedin.config.LinkedInConfig;

/** maxStalenessSeconds never understates how old tenant data may be: it rounds up. */
class MaxStalenessTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "PT0S, 0", "PT0.001S, 1", "PT0.5S, 1", "PT1S, 1", "PT1.000000001S, 2", "PT30S, 30", "PT2M, 120" })
    void maxStalenessSeconds_roundsUp(String bound, long reported) {
        assertEquals(reported, new TenantCache(null, config(Duration.parse(bound))).maxStalenessSeconds());
    }

    private static LinkedInConfig config(Duration maxStaleness) {
        return new LinkedInConfig() {
            public String tableName() {
                return "unused";
            }

            public TenantCache tenantCache() {
                return new TenantCache() {
                    public Duration maxStaleness() {
                        return maxStaleness;
                    }

                    public int maxEntries() {
                        return 1;
                    }
                };
            }

            public Store store() {
                throw new UnsupportedOperationException();
            }

            public Priming priming() {
                throw new UnsupportedOperationException();
            }

            public Identity identity() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
