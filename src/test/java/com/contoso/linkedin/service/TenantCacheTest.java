package com.contoso.linkedin.service;

import static com.contoso.linkedin.service.Given.id;
import static com.contoso.linkedin.service.Given.setting;
import static com.contoso.linkedin.service.Given.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.store.InMemoryLinkedInStore;
import com.contoso.linkedin.store.StoreUnavailableException;
import com.contoso.linkedin.support.TestConfig;

/** Tenant data is cached per instance for at most the configured bound (SPEC 6); user data never. */
class TenantCacheTest {
    private static final Duration LONG = Duration.ofHours(1);

    private final InMemoryLinkedInStore store = new InMemoryLinkedInStore();

    private TenantCache cache(Duration bound, int maxEntries) {
        return new TenantCache(store, TestConfig.defaults().withTenantCache(bound, maxEntries));
    }

    private long tenantReads() {
        return store.calls().stream().filter("findTenant"::equals).count();
    }

    @Test
    void find_readsTheStoreOnce_withinTheBound() {
        String tenantId = tenant(store);
        TenantCache cache = cache(LONG, 10);
        store.forgetCalls();

        cache.find(tenantId);
        cache.find(tenantId);

        assertEquals(1, tenantReads());
    }

    @Test
    void find_answersFromTheCache_evenAfterAnotherInstanceChangedTheTenant_withinTheBound() {
        String tenantId = tenant(store);
        TenantCache cache = cache(LONG, 10);
        cache.find(tenantId);

        setting(store, tenantId, IntegrationMode.DISABLED);

        assertEquals(IntegrationMode.ENABLED, cache.find(tenantId).orElseThrow().setting().mode());
    }

    @Test
    void find_readsAgain_onceTheBoundHasPassed() throws InterruptedException {
        String tenantId = tenant(store);
        TenantCache cache = cache(Duration.ofMillis(50), 10);
        cache.find(tenantId);
        setting(store, tenantId, IntegrationMode.DISABLED);

        Thread.sleep(120);

        assertEquals(IntegrationMode.DISABLED, cache.find(tenantId).orElseThrow().setting().mode());
    }

    @Test
    void find_cachesAbsenceToo() {
        TenantCache cache = cache(LONG, 10);
        String unknown = id();

        Optional<?> first = cache.find(unknown);
        Optional<?> second = cache.find(unknown);

        assertTrue(first.isEmpty() && second.isEmpty());
        assertEquals(1, tenantReads());
    }

    @Test
    void find_readsTheStoreEveryTime_whenTheBoundIsZero() {
        String tenantId = tenant(store);
        TenantCache cache = cache(Duration.ZERO, 10);
        store.forgetCalls();

        cache.find(tenantId);
        cache.find(tenantId);
        cache.find(tenantId);

        assertEquals(3, tenantReads());
    }

    @Test
    void evict_makesTheNextFindReadTheStore() {
        String tenantId = tenant(store);
        TenantCache cache = cache(LONG, 10);
        cache.find(tenantId);
        setting(store, tenantId, IntegrationMode.DISABLED);

        cache.evict(tenantId);

        assertEquals(IntegrationMode.DISABLED, cache.find(tenantId).orElseThrow().setting().mode());
    }

    @Test
    void evict_ofOneTenant_keepsTheOthersCached() {
        String evicted = tenant(store);
        String kept = tenant(store);
        TenantCache cache = cache(LONG, 10);
        cache.find(evicted);
        cache.find(kept);
        store.forgetCalls();

        cache.evict(evicted);
        cache.find(kept);

        assertEquals(0, tenantReads());
    }

    @Test
    void find_emptiesTheCache_whenItHoldsMaxEntries() {
        String a = tenant(store);
        String b = tenant(store);
        String c = tenant(store);
        TenantCache cache = cache(LONG, 2);
        cache.find(a);
        cache.find(b);
        cache.find(c); // full: emptied, then c cached
        store.forgetCalls();

        cache.find(c);
        cache.find(a);

        assertEquals(1, tenantReads(), "c still cached, a read again");
    }

    @Test
    void maxStalenessSeconds_isTheBound_inWholeSecondsRoundedUp() {
        // Data may be as old as the bound: rounding down would promise fresher data than that.
        assertEquals(30, cache(Duration.ofSeconds(30), 10).maxStalenessSeconds());
        assertEquals(2, cache(Duration.ofMillis(1500), 10).maxStalenessSeconds());
        assertEquals(1, cache(Duration.ofMillis(500), 10).maxStalenessSeconds());
        assertEquals(1, cache(Duration.ofNanos(1), 10).maxStalenessSeconds());
        assertEquals(2, cache(Duration.ofSeconds(1, 1), 10).maxStalenessSeconds());
        assertEquals(0, cache(Duration.ZERO, 10).maxStalenessSeconds());
    }

    @Test
    void find_failsAsStoreUnavailable_andCachesNoAnswer_whenTheStoreDoesNotAnswer() {
        String tenantId = tenant(store);
        TenantCache cache = cache(LONG, 10);
        store.unavailable(true);

        assertThrows(StoreUnavailableException.class, () -> cache.find(tenantId));

        store.unavailable(false);
        assertTrue(cache.find(tenantId).isPresent());
    }
}
