package com.contoso.linkedin.domain;

/**
 * Every reason code of the contract: the eligibility reasons of the decision table, the
 * profile-card reason {@link #SUBJECT_HIDDEN}, and the reasons a write is refused.
 */
public enum Reason {
    ELIGIBLE,
    TENANT_NOT_PROVISIONED,
    CLOUD_NOT_SUPPORTED,
    NOT_ROLLED_OUT,
    DISABLED_BY_TENANT,
    NOT_SELECTED,
    DISABLED_BY_OFFICE_POLICY,
    DISABLED_BY_USER,
    SUBJECT_HIDDEN,
    USER_CONSENT_NOT_ALLOWED,
    OPTION_LOCKED_BY_POLICY,
    /** The tenant is being offboarded: it cannot be provisioned again until that is done. */
    OFFBOARDING_IN_PROGRESS
}
