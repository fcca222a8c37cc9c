package com.contoso.linkedin.domain;

/** The Office desktop policy "Show LinkedIn features in Office applications". */
public enum OfficePolicy {
    ENABLED, DISABLED, NOT_CONFIGURED;

    /** A configured policy locks the user's own Office option to its value. */
    public boolean locksUserOption() {
        return this != NOT_CONFIGURED;
    }
}
