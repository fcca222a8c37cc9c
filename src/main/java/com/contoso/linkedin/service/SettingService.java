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
import com.contoso.linkedin.domain.SettingChange;
import com.contoso.linkedin.domain.SettingPreview;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.VersionMismatchException;
import com.contoso.linkedin.metrics.Metrics;
import com.contoso.linkedin.store.Backoff;
import com.contoso.linkedin.store.ConcurrentChangeException;
import com.contoso.linkedin.store.LinkedInStore.AuditPage;
import com.contoso.linkedin.store.LinkedInStore.AuditQuery;
import com.contoso.linkedin.store.LinkedInStore.CountedTenant;
import com.contoso.linkedin.store.LinkedInStore;

/** Reading and changing a tenant's setting, with its audit history. */
@ApplicationScoped
public class SettingService {

    private final LinkedInStore store;
    private final TenantCache cache;
    private final Clock clock;
    private final Backoff backoff;

    public SettingService(LinkedInStore store, TenantCache cache, Clock clock, LinkedInConfig config) {
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.backoff = Backoff.of(config.store());
    }

    /** The tenant after the write, and whether the write changed anything. */
    public record Outcome(Tenant tenant, boolean changed) {
    }

    /**
     * Applies the change on condition that the version is still the one read (and the one the
     * caller's If-Match names). The same state again is a no-op: no version, no audit entry. A
     * write whose answer was lost and that is retried (by the SDK, the client, or this loop after
     * its own commit looked like a lost race) finds its state in place and answers it: one
     * version, one audit entry.
     */
    public Outcome change(String tenantId, SettingChange change, VersionPrecondition precondition, String who,
            String requestId) {
        for (int attempt = 1;; attempt++) {
            Tenant tenant = store.findTenant(tenantId).orElseThrow(TenantNotProvisionedException::new);
            TenantSetting current = tenant.setting();
            refuseOutsideItsCloud(tenant, change);
            if (current.sameStateAs(change)) {
                // Already so: also for a replay whose If-Match named the version before its own
                // write (RFC 9110 13.1.1 allows a 2xx when the change was already applied).
                return new Outcome(tenant, false);
            }
            refuseIfStale(tenant, precondition);
            Instant now = clock.instant();
            TenantSetting next = new TenantSetting(change.mode(), change.selectedGroupId(), current.version() + 1,
                    now, who);
            boolean withdraw = next.mode() == IntegrationMode.DISABLED && current.mode() != IntegrationMode.DISABLED;
            AuditEntry audit = AuditEntry.setting(next.version(), who, now, SettingState.of(current),
                    SettingState.of(next), change.changeReason(), requestId);
            try {
                store.saveSetting(tenantId, tenant.etagVersion(), next, withdraw, audit);
                cache.evict(tenantId);
                Metrics.count("SettingChanges", "Mode", next.mode().name());
                if (withdraw) {
                    Metrics.count("ConsentWithdrawals", "Cause", "TENANT_DISABLED");
                }
                return new Outcome(new Tenant(tenantId, tenant.profile(), Optional.of(next), tenant.etagVersion() + 1,
                        tenant.consentEpoch() + (withdraw ? 1 : 0)), true);
            } catch (ConcurrentChangeException lost) {
                // Read again: a moved version fails the precondition above, or is retried when
                // the caller named none.
                cache.evict(tenantId);
                if (!backoff.tryAgainAfter(attempt)) {
                    throw new ContendedWriteException("the setting was being saved");
                }
            }
        }
    }

    /**
     * What {@link #change} would do, without writing: refused as it would be (412, 409, 404), and
     * otherwise computed from the tenant and its counts read as one snapshot.
     */
    public SettingPreview preview(String tenantId, SettingChange change, VersionPrecondition precondition) {
        CountedTenant counted = store.findTenantWithCounts(tenantId).orElseThrow(TenantNotProvisionedException::new);
        refuseOutsideItsCloud(counted.tenant(), change);
        if (!counted.tenant().setting().sameStateAs(change)) {
            refuseIfStale(counted.tenant(), precondition);
        }
        return SettingPreview.of(counted.tenant(), counted.counts(), change);
    }

    /** A write that changes the state holds to the caller's If-Match. */
    private static void refuseIfStale(Tenant tenant, VersionPrecondition precondition) {
        if (!precondition.holdsFor(tenant.etagVersion())) {
            throw new VersionMismatchException(tenant.etagVersion());
        }
    }

    /**
     * SPEC 2: every write that would enable the integration outside the public cloud is refused,
     * also one that asks for the state already stored (written before the tenant's cloud changed).
     */
    private static void refuseOutsideItsCloud(Tenant tenant, SettingChange change) {
        if (change.mode() != IntegrationMode.DISABLED && !tenant.profile().cloud().supportsLinkedIn()) {
            throw new RefusedException(Reason.CLOUD_NOT_SUPPORTED,
                    "LinkedIn integration is not available in the " + tenant.profile().cloud() + " cloud");
        }
    }

    public AuditPage audit(String tenantId, AuditQuery query) {
        if (store.findTenant(tenantId).isEmpty()) {
            throw new TenantNotProvisionedException();
        }
        return store.listAudit(tenantId, query);
    }
}
