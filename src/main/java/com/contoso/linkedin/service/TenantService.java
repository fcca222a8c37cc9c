package com.contoso.linkedin.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.metrics.Metrics;
import com.contoso.linkedin.store.ConcurrentChangeException;
import com.contoso.linkedin.store.LinkedInStore;
import com.contoso.linkedin.store.StoreUnavailableException;

/** The operator's tenant records. */
@ApplicationScoped
public class TenantService {
    static final int WRITE_ATTEMPTS = 3;

    private final LinkedInStore store;
    private final TenantCache cache;
    private final Clock clock;

    public TenantService(LinkedInStore store, TenantCache cache, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.clock = clock;
    }

    /** Creates or replaces the record; true when it was created. */
    public boolean save(String tenantId, TenantProfile profile) {
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            Optional<Tenant> previous = store.findTenant(tenantId);
            // A new country can turn a never-written setting's default to DISABLED: that is a
            // switch to DISABLED like any other and withdraws consents.
            boolean withdraw = previous.isPresent()
                    && previous.get().setting().mode() != IntegrationMode.DISABLED
                    && new Tenant(tenantId, profile, previous.get().writtenSetting(), 0).setting().mode()
                            == IntegrationMode.DISABLED;
            try {
                store.saveProfile(tenantId, profile, previous, withdraw, clock.instant());
                cache.evict(tenantId);
                if (withdraw) {
                    Metrics.count("ConsentWithdrawals", "Cause", "COUNTRY_DEFAULT");
                }
                return previous.isEmpty();
            } catch (ConcurrentChangeException lost) {
                cache.evict(tenantId);
            }
        }
        throw new StoreUnavailableException("The tenant kept changing while its record was being saved", null);
    }

    /** The tenant as stored now, for administrators: never from the cache. */
    public Tenant require(String tenantId) {
        return store.findTenant(tenantId).orElseThrow(TenantNotProvisionedException::new);
    }
}
