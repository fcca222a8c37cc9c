package com.contoso.linkedin.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The function set's own settings; infra/ sets them per deployment. */
@ConfigMapping(prefix = "linkedin")
public interface LinkedInConfig {

    /** The DynamoDB table that holds tenants, settings, audit entries and users. */
    @WithDefault("linkedin-integration")
    String tableName();

    TenantCache tenantCache();

    Store store();

    Priming priming();

    Identity identity();

    Metrics metrics();

    Offboarding offboarding();

    /** Erasing an offboarded tenant's items, one page per call of DELETE /tenants/{tenantId}. */
    interface Offboarding {
        /**
         * Users erased per call at most (and as many as the request's deadline allows), and as many
         * audit entries given their expiry: BatchWriteItem writes 25 per request, so 500 is 20
         * requests each way, a few hundred milliseconds in-region.
         */
        @WithDefault("500")
        int pageSize();

        /**
         * How long an offboarded tenant's audit entries are kept before DynamoDB's time to live
         * deletes them (an ISO-8601 duration).
         */
        @WithDefault("P400D")
        Duration auditRetention();
    }

    /** The embedded-metric-format lines the functions write (metrics/Metrics). */
    interface Metrics {
        /**
         * How often, at most, accumulated metrics are written, at the end of a request: one line
         * per set of dimensions instead of several per request. PT0S writes after every request.
         */
        @WithDefault("PT10S")
        Duration flushInterval();

        /**
         * The CloudWatch namespace of those metrics. infra/ sets one per stack
         * ({@code LinkedInIntegration/<stack>}), so that two stacks in one account and region
         * keep their metrics, alarms and dashboards apart.
         */
        @WithDefault(com.contoso.linkedin.metrics.Metrics.DEFAULT_NAMESPACE)
        String namespace();
    }

    /**
     * Who the any-tenant app roles ({@code LinkedInEligibility.Check}, {@code Tenants.Operate})
     * may come from (SPEC section 5). Neither key has a production default: unset, those roles
     * grant nothing, so that an app registered in any other tenant can never operate every tenant.
     */
    interface Identity {
        /** The Entra tenant (GUID) of the platform operator, whose apps alone hold any-tenant roles. */
        Optional<String> operatorTenantId();

        /** Client app ids ({@code azp}, or {@code appid}) of that tenant trusted with any-tenant roles. */
        Optional<Set<String>> trustedClientIds();
    }

    interface TenantCache {
        /**
         * How old cached tenant data (record and setting) may be when it decides an answer; every
         * answer reports it as maxStalenessSeconds. PT0S turns the cache off. 30 s keeps the hot
         * path at one user read per check while a switch to DISABLED reaches every instance
         * within half a minute.
         */
        @WithDefault("PT30S")
        Duration maxStaleness();

        /** Tenants cached per function instance at most; reaching it empties the cache. */
        @WithDefault("10000")
        int maxEntries();
    }

    /** Warming the hot path at function start and before a SnapStart snapshot (lambda/Priming). */
    interface Priming {
        /** Whether to prime at start (before a snapshot, Lambda's SnapStart runtime primes anyway). */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long start-up waits for priming at most: it never fails start-up, and a store that
         * does not answer must not hold the function's init phase for longer than this.
         */
        @WithDefault("PT3S")
        Duration timeout();

        /**
         * Whether priming also sends events through Quarkus' HTTP layer, which the first request
         * of every route but the three hot ones takes (bench/README.md, R5h). The eligibility
         * function answers its routes from the event and turns it off (infra/template.yaml).
         */
        @WithDefault("true")
        boolean httpLayer();
    }

    interface Store {
        /**
         * Attempts of one operation that DynamoDB or another writer lets through only in part: a
         * batch read that leaves keys unprocessed, a group sync or setting write cancelled by a
         * concurrent transaction, a write that lost its race and is decided again on a fresh read.
         * Exponential backoff from {@link #retryBaseDelay()}, within the request's deadline; after
         * the last attempt the request fails with 503 rather than answer for fewer users than asked.
         */
        @WithDefault("6")
        int batchAttempts();

        /** First backoff before trying again; it doubles each attempt, with jitter. */
        @WithDefault("PT0.02S")
        Duration retryBaseDelay();

        /**
         * Seconds a client is told to wait (Retry-After) when the store is unavailable, at least;
         * it doubles with each further refusal in the last ten seconds (the store's pushback), up
         * to 32 times, and is jittered so that clients do not come back together.
         */
        @WithDefault("1")
        int retryAfterSeconds();

        /** Attempts the SDK makes of one store call (its standard mode), within the request's deadline. */
        @WithDefault("3")
        int sdkAttempts();

        /**
         * Kept from Lambda's remaining time for writing the answer: store calls and retries end
         * this long before the function would be cut off, so a slow store is the function's own
         * 503, never Lambda's or API Gateway's timeout.
         */
        @WithDefault("PT0.25S")
        Duration answerMargin();
    }
}
