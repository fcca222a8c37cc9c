package com.contoso.linkedin.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.metrics.Metrics;
import com.contoso.linkedin.store.Backoff;
import com.contoso.linkedin.store.ConcurrentChangeException;
import com.contoso.linkedin.store.LinkedInStore.OffboardingProgress;
import com.contoso.linkedin.store.LinkedInStore;

/**
 * Offboarding a tenant: the first call takes its record away (every answer is
 * TENANT_NOT_PROVISIONED at once, on other instances within the tenant cache's bound) and each call,
 * the first included, erases one page of what is stored about it, until nothing is left but its
 * audit entries, which expire {@code linkedin.offboarding.audit-retention} later.
 */
@ApplicationScoped
public class OffboardingService {

    private final LinkedInStore store;
    private final TenantCache cache;
    private final Backoff backoff;
    private final Clock clock;
    private final int pageSize;
    private final Duration auditRetention;

    public OffboardingService(LinkedInStore store, TenantCache cache, Clock clock, LinkedInConfig config) {
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.pageSize = config.offboarding().pageSize();
        this.auditRetention = config.offboarding().auditRetention();
        this.backoff = Backoff.of(config.store());
    }

    /**
     * Starts or continues the tenant's offboarding by one page.
     *
     * @throws TenantNotProvisionedException when the tenant has neither a record nor an offboarding under way
     */
    public OffboardingProgress offboard(String tenantId, String who, String requestId) {
        for (int attempt = 1;; attempt++) {
            Optional<Tenant> tenant = store.findTenant(tenantId);
            if (tenant.isEmpty()) {
                if (store.findOffboarding(tenantId).isEmpty()) {
                    throw new TenantNotProvisionedException();
                }
                break;
            }
            try {
                store.startOffboarding(tenantId, tenant.get(),
                        new AuditEntry(who, clock.instant(), requestId, null, new AuditEntry.TenantOffboarded()));
                cache.evict(tenantId);
                Metrics.count("Erasures", "Scope", "TENANT");
                break;
            } catch (ConcurrentChangeException lost) {
                // Changed meanwhile, or another call started it: read again.
                cache.evict(tenantId);
                if (!backoff.tryAgainAfter(attempt)) {
                    throw new ContendedWriteException("the tenant's offboarding started");
                }
            }
        }
        Instant expiresAt = clock.instant().plus(auditRetention);
        OffboardingProgress progress = store.offboardPage(tenantId, pageSize, expiresAt);
        String outcome = progress.done() ? "DONE" : "MORE";
        Metrics.count("OffboardingPages", "Progress", outcome);
        return progress;
    }
}
