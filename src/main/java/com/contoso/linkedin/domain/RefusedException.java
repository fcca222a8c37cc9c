package com.contoso.linkedin.domain;

/** A rule of the contract refuses the change, for the given reason; nothing was changed. */
public class RefusedException extends RuntimeException {
    private final Reason reason;

    public RefusedException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
