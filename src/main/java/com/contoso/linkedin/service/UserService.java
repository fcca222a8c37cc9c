package com.contoso.linkedin.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.Decision;
import com.contoso.linkedin.domain.EligibilityRules;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.RefusedException;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.metrics.Metrics;
import com.contoso.linkedin.store.Backoff;
import com.contoso.linkedin.store.ConcurrentChangeException;
import com.contoso.linkedin.store.LinkedInStore;

/** What users set for themselves, and the policy set for them. Every read here is fresh. */
@ApplicationScoped
public class UserService {

    private final LinkedInStore store;
    private final Clock clock;
    private final Backoff backoff;

    public UserService(LinkedInStore store, Clock clock, LinkedInConfig config) {
        this.store = store;
        this.clock = clock;
        this.backoff = Backoff.of(config.store());
    }

    /**
     * Connecting needs the user to be eligible and the tenant to let users consent to apps. The
     * connection records the tenant's consent epoch as read here: if the tenant switched to
     * DISABLED meanwhile, it simply never counts.
     */
    public void connect(String tenantId, String userId, Consent consent) {
        for (int attempt = 1;; attempt++) {
            Optional<Tenant> tenant = store.findTenant(tenantId);
            if (tenant.isEmpty()) {
                throw new RefusedException(Reason.TENANT_NOT_PROVISIONED, "The tenant has no record");
            }
            Decision decision = EligibilityRules.decide(tenant, store.findUser(tenantId, userId), Client.PROFILE_CARD);
            if (!decision.eligible()) {
                throw new RefusedException(decision.reason(), "The user is not eligible for LinkedIn integration");
            }
            if (!tenant.get().profile().usersCanConsentToApps()) {
                throw new RefusedException(Reason.USER_CONSENT_NOT_ALLOWED,
                        "The tenant does not let users consent to apps, which connecting requires");
            }
            try {
                store.connect(tenantId, userId, consent, tenant.get().consentEpoch(), clock.instant());
                return;
            } catch (ConcurrentChangeException epochMoved) {
                // The tenant switched to DISABLED (or lost its record) since the read: decide again.
                if (!backoff.tryAgainAfter(attempt)) {
                    throw new ContendedWriteException("the user connected");
                }
            }
        }
    }

    /**
     * Erases everything stored about the user (connection, options, selection, memberships),
     * audited with the user's object id alone; nothing when nothing is stored.
     *
     * @return whether anything was stored
     */
    public boolean erase(String tenantId, String userId, String who, String requestId) {
        requireTenant(tenantId);
        boolean erased = store.eraseUser(tenantId, userId, new AuditEntry.Stamp(who, clock, requestId));
        if (erased) {
            Metrics.count("Erasures", "Scope", "USER");
        }
        return erased;
    }

    /** Always allowed, whatever the user's eligibility or the tenant's existence. */
    public void disconnect(String tenantId, String userId) {
        // Counted when a consent was withdrawn: a repeated disconnect withdraws nothing.
        if (store.disconnect(tenantId, userId)) {
            Metrics.count("ConsentWithdrawals", "Cause", "USER_DISCONNECTED");
        }
    }

    // Facts nothing counts: the store checks the tenant in the same write rather than a read before
    // it, so that no write lands after an offboarding erased the user.

    public void setProfileVisibility(String tenantId, String userId, boolean visible) {
        store.setProfileVisibility(tenantId, userId, visible);
    }

    public void setOfficeOption(String tenantId, String userId, boolean showLinkedInFeatures) {
        store.setOfficeOption(tenantId, userId, showLinkedInFeatures);
    }

    public void setOfficePolicy(String tenantId, String userId, OfficePolicy policy) {
        store.setOfficePolicy(tenantId, userId, policy);
    }

    private void requireTenant(String tenantId) {
        if (store.findTenant(tenantId).isEmpty()) {
            throw new TenantNotProvisionedException();
        }
    }
}
