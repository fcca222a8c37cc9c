package com.contoso.linkedin.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.RefusedException;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.metrics.Metrics;
import com.contoso.linkedin.store.Backoff;
import com.contoso.linkedin.store.ConcurrentChangeException;
import com.contoso.linkedin.store.LinkedInStore;

/** The operator's tenant records. */
@ApplicationScoped
public class TenantService {
    private final LinkedInStore store;
    private final TenantCache cache;
    private final Clock clock;
    private final Backoff backoff;

    public TenantService(LinkedInStore store, TenantCache cache, Clock clock, LinkedInConfig config) {
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.backoff = Backoff.of(config.store());
    }

    /**
     * Creates or replaces the record, audited; true when it was created. The same record again
     * writes nothing. A change that changes what the setting shows (the country's default while
     * no admin wrote one, the availability) moves the version its ETag carries.
     *
     * @throws RefusedException with OFFBOARDING_IN_PROGRESS while an offboarding of the tenant is not done
     */
    public boolean save(String tenantId, TenantProfile profile, String who, String requestId) {
        for (int attempt = 1;; attempt++) {
            Optional<Tenant> previous = store.findTenant(tenantId);
            if (previous.isEmpty() && store.findOffboarding(tenantId).isPresent()) {
                throw new RefusedException(Reason.OFFBOARDING_IN_PROGRESS,
                        "The tenant is being offboarded; it can be provisioned again once that is done");
            }
            if (previous.isPresent() && previous.get().profile().equals(profile)) {
                return false;
            }
            // A new country can turn a never-written setting's default to DISABLED: that is a
            // switch to DISABLED like any other and withdraws consents.
            Optional<Tenant> next = previous.map(p -> p.withProfile(profile));
            boolean withdraw = previous.isPresent()
                    && previous.get().setting().mode() != IntegrationMode.DISABLED
                    && next.get().setting().mode() == IntegrationMode.DISABLED;
            boolean moveVersion = previous.isPresent() && next.get().showsSettingOtherThan(previous.get());
            Instant now = clock.instant();
            AuditEntry audit = new AuditEntry(who, now, requestId, null,
                    new AuditEntry.TenantRecordChanged(previous.map(Tenant::profile), profile));
            try {
                store.saveProfile(tenantId, profile, previous, withdraw, moveVersion, audit);
                cache.evict(tenantId);
                if (withdraw) {
                    Metrics.count("ConsentWithdrawals", "Cause", "COUNTRY_DEFAULT");
                }
                return previous.isEmpty();
            } catch (ConcurrentChangeException lost) {
                cache.evict(tenantId);
                if (!backoff.tryAgainAfter(attempt)) {
                    throw new ContendedWriteException("the tenant's record was being saved");
                }
            }
        }
    }

    /** The tenant as stored now, for administrators: never from the cache. */
    public Tenant require(String tenantId) {
        return store.findTenant(tenantId).orElseThrow(TenantNotProvisionedException::new);
    }
}
