package com.contoso.linkedin.domain;

/** The caller's If-Match names a setting version that is no longer current. */
public class VersionMismatchException extends RuntimeException {
    private final long currentVersion;

    public VersionMismatchException(long currentVersion) {
        super("The setting has changed since it was read: current version is " + currentVersion, null, false, false);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
