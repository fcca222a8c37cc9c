package com.contoso.linkedin.domain;

/** The kinds of change the audit records: every change that can change an answer. */
public enum AuditKind {
    /** An admin's or a pipeline's write of the setting. */
    SETTING,
    /** A user selected one by one, or no longer. */
    SELECTION,
    /** Users added to or removed from a synced group (one entry per stored transaction). */
    GROUP_MEMBERS,
    /** The operator created or changed the tenant record. */
    TENANT_RECORD,
    /** Everything stored about one user was erased. */
    USER_ERASURE,
    /** The tenant was offboarded: every item of it is being erased. */
    TENANT_OFFBOARDING
}
