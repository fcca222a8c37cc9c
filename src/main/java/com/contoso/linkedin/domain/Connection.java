package com.contoso.linkedin.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's link between their work and LinkedIn accounts. {@code consentEpoch} is the tenant's
 * consent epoch when it was made: it stops counting once the tenant moves past that epoch.
 */
public record Connection(Consent consent, long consentEpoch, Instant connectedAt) {
    public Connection {
        Objects.requireNonNull(consent, "consent");
    }

    /**
     * Connections of earlier epochs were withdrawn by a switch to DISABLED. A later epoch than the
     * tenant's can only mean this instance's cached tenant is older than the connection, which was
     * made on a fresh read: it counts, so a user's own reconnect shows on the very next check.
     */
    public boolean countsIn(Tenant tenant) {
        return consentEpoch >= tenant.consentEpoch();
    }
}
