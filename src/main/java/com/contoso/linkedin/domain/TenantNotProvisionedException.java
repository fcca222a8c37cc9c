package com.contoso.linkedin.domain;

/** The tenant has no record: the operator has not provisioned it. */
public class TenantNotProvisionedException extends RuntimeException {
    public TenantNotProvisionedException() {
        super("The tenant has no record", null, false, false);
    }
}
