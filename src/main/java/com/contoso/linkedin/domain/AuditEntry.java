package com.contoso.linkedin.domain;

import java.time.Instant;

/** One change of a tenant's setting: who made it, when, from what to what, and why. */
public record AuditEntry(
        long version, String who, Instant when, SettingState before, SettingState after, String changeReason,
        String requestId) {
}
