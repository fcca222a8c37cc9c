package com.contoso.linkedin.domain;

/** What a user agreed to when connecting their LinkedIn account. */
public enum Consent {
    /** Data flows both ways: work data may go to LinkedIn. */
    BOTH_WAYS,
    /** Only LinkedIn data comes into work apps. */
    LINKEDIN_TO_MICROSOFT
}
