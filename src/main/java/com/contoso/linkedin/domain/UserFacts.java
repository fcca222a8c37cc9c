package com.contoso.linkedin.domain;

import java.util.Optional;
import java.util.Set;

/**
 * What the store knows of one user of one tenant. A user the store has never heard of has the
 * defaults of {@link #unknown()}.
 */
public record UserFacts(
        Set<String> groupIds,
        boolean selectedOneByOne,
        Optional<Connection> connection,
        boolean profileVisibleInMicrosoftApps,
        OfficePolicy officePolicy,
        boolean officeOptionOn) {

    public UserFacts {
        groupIds = Set.copyOf(groupIds);
    }

    public static UserFacts unknown() {
        return new UserFacts(Set.of(), false, Optional.empty(), true, OfficePolicy.NOT_CONFIGURED, true);
    }

    /** Whether the user's Office desktop apps show LinkedIn features, policy first. */
    public boolean officeFeaturesOn() {
        return switch (officePolicy) {
            case ENABLED -> true;
            case DISABLED -> false;
            case NOT_CONFIGURED -> officeOptionOn;
        };
    }
}
