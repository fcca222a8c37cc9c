package com.contoso.linkedin.identity;

/** The caller's claims do not grant this call. Says nothing of the tenant asked about. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException() {
        super("The caller's claims do not grant this operation", null, false, false);
    }
}
