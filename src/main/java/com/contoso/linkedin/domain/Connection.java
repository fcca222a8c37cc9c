package com.contoso.linkedin.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's link between their work and LinkedIn accounts. {@code consentEpoch} is the tenant's
 * consent epoch when it was made: it counts only while the tenant is still in that epoch.
 */
public record Connection(Consent consent, long consentEpoch, Instant connectedAt) {
    public Connection {
        Objects.requireNonNull(consent, "consent");
    }

    public boolean countsIn(Tenant tenant) {
        return consentEpoch == tenant.consentEpoch();
    }
}
