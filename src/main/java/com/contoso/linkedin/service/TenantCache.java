package com.contoso.linkedin.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.store.LinkedInStore;

/**
 * Tenant data (record and setting) cached per function instance for at most the configured
 * bound, so that the hot path reads only user data. Absence is cached too: unknown tenants are
 * asked about on every profile card as well. User data is never cached.
 */
@ApplicationScoped
public class TenantCache {

    private record Entry(Optional<Tenant> tenant, long loadedAtNanos) {
    }

    private final LinkedInStore store;
    private final long maxStalenessNanos;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public TenantCache(LinkedInStore store, LinkedInConfig config) {
        this.store = store;
        this.maxStalenessNanos = config.tenantCache().maxStaleness().toNanos();
        this.maxEntries = config.tenantCache().maxEntries();
    }

    public Optional<Tenant> find(String tenantId) {
        if (maxStalenessNanos <= 0) {
            return store.findTenant(tenantId);
        }
        long now = System.nanoTime();
        Entry cached = entries.get(tenantId);
        if (cached != null && now - cached.loadedAtNanos() < maxStalenessNanos) {
            return cached.tenant();
        }
        // Timed from before the read, so the age reported never understates the data's age.
        Optional<Tenant> fresh = store.findTenant(tenantId);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(tenantId, new Entry(fresh, now));
        return fresh;
    }

    /** After this instance wrote the tenant: its next read goes to the store. */
    public void evict(String tenantId) {
        entries.remove(tenantId);
    }

    /**
     * The bound every answer reports as maxStalenessSeconds, rounded up: {@code PT0.5S} is 1, since
     * data may be half a second old and 0 would promise it is fresh.
     */
    public long maxStalenessSeconds() {
        Duration bound = Duration.ofNanos(maxStalenessNanos);
        return bound.toSeconds() + (bound.toNanosPart() > 0 ? 1 : 0);
    }
}
