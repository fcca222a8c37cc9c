package com.contoso.linkedin.domain;

/** What a preview of a setting write warns about (docs/admin-api.md). */
public enum PreviewWarning {
    /** The setting is already so: the write would change nothing and take no new version. */
    NO_CHANGE,
    /** The write switches to DISABLED: every user's consent is withdrawn, and users must connect again. */
    CONSENT_WITHDRAWN_FOR_ALL,
    /** The write selects a group nobody has been synced into (yet). */
    SELECTED_GROUP_HAS_NO_SYNCED_MEMBERS,
    /** The result is ENABLED: every directory user gains access, which the store cannot count. */
    ALL_DIRECTORY_USERS_GAIN_ACCESS,
    /** From ENABLED to DISABLED: every directory user loses access, which the store cannot count. */
    ALL_DIRECTORY_USERS_LOSE_ACCESS,
    /** From ENABLED to SELECTED: every directory user outside the selection loses access, uncounted. */
    USERS_OUTSIDE_THE_SELECTION_LOSE_ACCESS,
    /**
     * A count adds users selected one by one and a group's synced members, or sets one group's
     * members against another's: a user in both is counted in each.
     */
    COUNTS_MAY_OVERLAP,
    /** The integration is not available to the tenant (cloud, rollout): nobody has access before or after. */
    INTEGRATION_NOT_AVAILABLE
}
