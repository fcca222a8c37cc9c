package com.contoso.linkedin.events;

/** Why consent was withdrawn: a consumer stops sharing for the user, or for the whole tenant. */
public enum WithdrawalCause {
    /** The user disconnected their LinkedIn account (one user). */
    USER_DISCONNECTED,
    /** An admin switched the tenant's setting to DISABLED (every user of the tenant). */
    TENANT_DISABLED,
    /** A change of the tenant record (its country) turned the default setting to DISABLED (every user). */
    COUNTRY_DEFAULT
}
