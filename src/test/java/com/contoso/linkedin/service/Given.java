package com.contoso.linkedin.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.SettingChange;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.store.LinkedInStore;
import com.contoso.linkedin.support.TestConfig;

/**
 * What the services' tests arrange: a fixed clock, ids, caches, and tenants and settings written
 * the way the operator and an admin of another function instance would (through the services,
 * with a cache of their own).
 */
final class Given {
    static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The defaults, with pauses of a millisecond between attempts: races are lost at once here. */
    static final TestConfig CONFIG = TestConfig.defaults().withRetries(6, Duration.ofMillis(1));
    /** The consent epoch a tenant made at {@link #NOW} starts in. */
    static final long FIRST_EPOCH = Tenant.firstConsentEpoch(NOW);
    static final TenantProfile PUBLIC_US = new TenantProfile(Cloud.PUBLIC, "US", true, true);

    private Given() {
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static TenantCache cache(LinkedInStore store, Duration bound) {
        return new TenantCache(store, TestConfig.defaults().withTenantCache(bound, 10_000));
    }

    static TenantCache noCache(LinkedInStore store) {
        return cache(store, Duration.ZERO);
    }

    static String tenant(LinkedInStore store) {
        return tenant(store, PUBLIC_US);
    }

    static String tenant(LinkedInStore store, TenantProfile profile) {
        String tenantId = id();
        new TenantService(store, noCache(store), CLOCK, CONFIG).save(tenantId, profile, "operator", "operator-request");
        return tenantId;
    }

    /** The admin of another instance changes the setting (no precondition). */
    static void setting(LinkedInStore store, String tenantId, IntegrationMode mode, String groupId) {
        new SettingService(store, noCache(store), CLOCK, CONFIG).change(tenantId, new SettingChange(mode, groupId, null),
                VersionPrecondition.NONE, "other-admin", "other-request");
    }

    static void setting(LinkedInStore store, String tenantId, IntegrationMode mode) {
        setting(store, tenantId, mode, null);
    }
}
