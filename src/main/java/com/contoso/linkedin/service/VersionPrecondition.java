package com.contoso.linkedin.service;

import java.util.Set;

/** What an If-Match asked for: any current version, or one of these versions. */
public record VersionPrecondition(boolean anyVersion, Set<Long> versions) {

    public static final VersionPrecondition NONE = new VersionPrecondition(true, Set.of());

    public boolean holdsFor(long currentVersion) {
        return anyVersion || versions.contains(currentVersion);
    }
}
