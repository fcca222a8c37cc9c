package com.contoso.linkedin.service;

import static com.contoso.linkedin.service.Given.CONFIG;
import static com.contoso.linkedin.service.Given.FIRST_EPOCH;
import static com.contoso.linkedin.service.Given.CLOCK;
import static com.contoso.linkedin.service.Given.PUBLIC_US;
import static com.contoso.linkedin.service.Given.id;
import static com.contoso.linkedin.service.Given.setting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.store.InMemoryLinkedInStore;

/** The operator's tenant records (SPEC 2): the country's default, and consents a new default withdraws. */
class TenantServiceTest {

    private final InMemoryLinkedInStore store = new InMemoryLinkedInStore();
    private final TenantCache cache = Given.cache(store, Duration.ofHours(1));
    private final TenantService tenants = new TenantService(store, cache, CLOCK, CONFIG);

    private static TenantProfile in(String country) {
        return new TenantProfile(Cloud.PUBLIC, country, true, true);
    }

    private Tenant stored(String tenantId) {
        return store.findTenant(tenantId).orElseThrow();
    }

    /** Another instance of the operator's function saving the record. */
    private void otherOperatorSaves(String tenantId, TenantProfile profile) {
        new TenantService(store, Given.noCache(store), CLOCK, CONFIG).save(tenantId, profile, "operator", "request");
    }

    @Test
    void save_createsTheRecord_andSaysItWasCreated() {
        String tenantId = id();

        boolean created = tenants.save(tenantId, PUBLIC_US, "operator", "request");

        assertTrue(created);
        assertEquals(PUBLIC_US, stored(tenantId).profile());
        assertTrue(stored(tenantId).setting().isDefault());
        assertEquals(FIRST_EPOCH, stored(tenantId).consentEpoch());
    }

    @Test
    void save_replacesTheRecord_andSaysItWasNotCreated() {
        String tenantId = id();
        tenants.save(tenantId, PUBLIC_US, "operator", "request");
        TenantProfile next = new TenantProfile(Cloud.PUBLIC, "CA", false, false);

        boolean created = tenants.save(tenantId, next, "operator", "request");

        assertFalse(created);
        assertEquals(next, stored(tenantId).profile());
    }

    @Test
    void save_withdrawsConsents_whenANewCountryTurnsTheDefaultToDisabled() {
        String tenantId = id();
        tenants.save(tenantId, in("US"), "operator", "request");

        tenants.save(tenantId, in("DE"), "operator", "request");

        assertEquals(IntegrationMode.DISABLED, stored(tenantId).setting().mode());
        assertEquals(FIRST_EPOCH + 1, stored(tenantId).consentEpoch());
    }

    @Test
    void save_keepsConsents_whenAWrittenSettingOutranksTheNewCountrysDefault() {
        String tenantId = id();
        tenants.save(tenantId, in("US"), "operator", "request");
        setting(store, tenantId, IntegrationMode.ENABLED);

        tenants.save(tenantId, in("DE"), "operator", "request");

        assertEquals(IntegrationMode.ENABLED, stored(tenantId).setting().mode());
        assertEquals(FIRST_EPOCH, stored(tenantId).consentEpoch());
    }

    @Test
    void save_keepsConsents_whenTheDefaultWasDisabledAlready() {
        String tenantId = id();
        tenants.save(tenantId, in("FR"), "operator", "request");

        tenants.save(tenantId, in("DE"), "operator", "request");

        assertEquals(FIRST_EPOCH, stored(tenantId).consentEpoch());
    }

    @Test
    void save_keepsConsents_whenTheNewCountryKeepsTheIntegrationOn() {
        String tenantId = id();
        tenants.save(tenantId, in("US"), "operator", "request");

        tenants.save(tenantId, in("CA"), "operator", "request");

        assertEquals(FIRST_EPOCH, stored(tenantId).consentEpoch());
    }

    @Test
    void save_retriesOnALostRace_andReplacesWhatTheOtherWriterCreated() {
        String tenantId = id();
        store.interleave(1, () -> otherOperatorSaves(tenantId, in("FR")));

        boolean created = tenants.save(tenantId, in("US"), "operator", "request");

        assertFalse(created, "the other writer created it");
        assertEquals("US", stored(tenantId).profile().countryCode());
        assertEquals(FIRST_EPOCH, stored(tenantId).consentEpoch(), "DISABLED (FR) to ENABLED (US) withdraws nothing");
    }

    @Test
    void save_decidesTheWithdrawalOnWhatTheRetryRead() {
        String tenantId = id();
        tenants.save(tenantId, in("FR"), "operator", "request");
        store.interleave(1, () -> otherOperatorSaves(tenantId, in("US")));

        tenants.save(tenantId, in("DE"), "operator", "request");

        assertEquals(FIRST_EPOCH + 1, stored(tenantId).consentEpoch(), "US (ENABLED) to DE (DISABLED) withdraws consents");
    }

    @Test
    void save_givesUpAsContended_whenTheTenantKeepsChanging() {
        String tenantId = id();
        tenants.save(tenantId, in("US"), "operator", "request");
        List<String> countries = List.of("AT", "BE", "CH", "DK", "ES", "FI", "GR", "IE", "IT", "NL")
                .subList(0, CONFIG.batchAttempts());
        AtomicInteger next = new AtomicInteger();
        store.interleave(CONFIG.batchAttempts(),
                () -> otherOperatorSaves(tenantId, in(countries.get(next.getAndIncrement()))));

        assertThrows(ContendedWriteException.class, () -> tenants.save(tenantId, in("DE"), "operator", "request"));

        assertEquals(countries.get(CONFIG.batchAttempts() - 1), stored(tenantId).profile().countryCode());
    }

    @Test
    void save_evictsThisInstancesCachedTenant() {
        String tenantId = id();
        tenants.save(tenantId, in("US"), "operator", "request");
        cache.find(tenantId);

        tenants.save(tenantId, in("DE"), "operator", "request");

        assertEquals("DE", cache.find(tenantId).orElseThrow().profile().countryCode());
    }

    @Test
    void require_readsTheStore_notTheCache() {
        String tenantId = id();
        tenants.save(tenantId, in("US"), "operator", "request");
        cache.find(tenantId);
        otherOperatorSaves(tenantId, in("DE"));

        assertEquals("DE", tenants.require(tenantId).profile().countryCode());
    }

    @Test
    void require_isTenantNotProvisioned_whenTheTenantHasNoRecord() {
        assertThrows(TenantNotProvisionedException.class, () -> tenants.require(id()));
    }
}
