package com.contoso.linkedin.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One audited change of a tenant: who made it, when, in which request and why (the fields every
 * kind has), and what changed ({@link Change}, one record per {@link AuditKind}). It names no
 * person beyond the object ids of the caller and of the user concerned.
 */
public record AuditEntry(String who, Instant when, String requestId, String changeReason, Change change) {

    /** The time is kept to the millisecond, as the audit orders and filters by it. */
    public AuditEntry {
        Objects.requireNonNull(who, "who");
        when = Objects.requireNonNull(when, "when").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(change, "change");
    }

    /** A change of the setting, as the audit has always shown it. */
    public static AuditEntry setting(long version, String who, Instant when, SettingState before, SettingState after,
            String changeReason, String requestId) {
        return new AuditEntry(who, when, requestId, changeReason, new SettingChanged(version, before, after));
    }

    public AuditKind kind() {
        return change.kind();
    }

    /** What changed. */
    public sealed interface Change permits SettingChanged, SelectionChanged, GroupMembersChanged, TenantRecordChanged,
            UserErased, TenantOffboarded {
        AuditKind kind();
    }

    /** The setting moved to {@code version}: from what, to what. */
    public record SettingChanged(long version, SettingState before, SettingState after) implements Change {
        public SettingChanged {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public AuditKind kind() {
            return AuditKind.SETTING;
        }
    }

    /** The user is now selected one by one, or no longer. */
    public record SelectionChanged(String userId, boolean selected) implements Change {
        public SelectionChanged {
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public AuditKind kind() {
            return AuditKind.SELECTION;
        }
    }

    /** The users a group sync really added to and removed from the group, in one stored transaction. */
    public record GroupMembersChanged(String groupId, Set<String> added, Set<String> removed) implements Change {
        public GroupMembersChanged {
            Objects.requireNonNull(groupId, "groupId");
            added = Set.copyOf(added);
            removed = Set.copyOf(removed);
        }

        @Override
        public AuditKind kind() {
            return AuditKind.GROUP_MEMBERS;
        }
    }

    /** The tenant record as it was (empty: it was created) and as it is now. */
    public record TenantRecordChanged(Optional<TenantProfile> before, TenantProfile after) implements Change {
        public TenantRecordChanged {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public AuditKind kind() {
            return AuditKind.TENANT_RECORD;
        }
    }

    /** Everything stored about the user was erased; the entry keeps only the user's object id. */
    public record UserErased(String userId) implements Change {
        public UserErased {
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public AuditKind kind() {
            return AuditKind.USER_ERASURE;
        }
    }

    /** The tenant was offboarded. */
    public record TenantOffboarded() implements Change {
        @Override
        public AuditKind kind() {
            return AuditKind.TENANT_OFFBOARDING;
        }
    }

    /**
     * Who makes a change, in which request, and the clock that says when: what the store stamps on
     * the entries it writes itself. Each entry takes the time when it is made, so an entry written
     * again after a lost race is not dated before the write that won it (the audit reads newest
     * first), as far as the instances' clocks agree: to the millisecond, within their skew.
     */
    public record Stamp(String who, Clock clock, String requestId) {
        public Stamp {
            Objects.requireNonNull(who, "who");
            Objects.requireNonNull(clock, "clock");
        }

        /** A stamp whose entries all carry {@code when}. */
        public Stamp(String who, Instant when, String requestId) {
            this(who, Clock.fixed(when, ZoneOffset.UTC), requestId);
        }

        public AuditEntry entry(Change change) {
            return new AuditEntry(who, clock.instant(), requestId, null, change);
        }
    }
}
