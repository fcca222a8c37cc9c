package com.contoso.linkedin.domain;

/** Who in a tenant may use the LinkedIn integration. */
public enum IntegrationMode {
    /** Every user of the tenant. */
    ENABLED,
    /** Members of one group, plus users selected one by one under the older selection. */
    SELECTED,
    /** Nobody; switching here withdraws every user's consent. */
    DISABLED
}
