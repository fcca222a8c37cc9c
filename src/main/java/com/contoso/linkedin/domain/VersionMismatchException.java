package com.contoso.linkedin.domain;

/** The caller's If-Match names no ETag the setting still has ({@link Tenant#etagVersion()}). */
public class VersionMismatchException extends RuntimeException {
    private final long currentVersion;

    public VersionMismatchException(long currentVersion) {
        super("The setting has changed since it was read: its ETag's number is now " + currentVersion, null, false, false);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
