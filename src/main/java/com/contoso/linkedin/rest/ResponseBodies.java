package com.contoso.linkedin.rest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.TreeSet;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Card;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Decision;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.SettingPreview;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.service.EligibilityService.Freshness;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Response bodies of SPEC section 4, built from domain records. */
public final class ResponseBodies {
    private ResponseBodies() {
    }

    /**
     * Instants as ISO-8601 UTC to the millisecond, always with three digits (Instant.toString drops
     * a zero fraction): every time the API shows has the same length, so times also sort as text.
     */
    private static final DateTimeFormatter MILLISECONDS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    static String text(Instant instant) {
        return instant == null ? null : MILLISECONDS.format(instant);
    }

    /** AVAILABLE, or the reason the integration is not. */
    private static String availabilityName(Reason availability) {
        return availability == Reason.ELIGIBLE ? "AVAILABLE" : availability.name();
    }

    @RegisterForReflection
    public record TenantView(String tenantId, String cloud, String countryCode, boolean rolledOut,
            boolean usersCanConsentToApps) {
        static TenantView of(String tenantId, TenantProfile profile) {
            return new TenantView(tenantId, profile.cloud().name(), profile.countryCode(), profile.rolledOut(),
                    profile.usersCanConsentToApps());
        }
    }

    @RegisterForReflection
    public record SettingView(String tenantId, String mode, String selectedGroupId,
            @JsonProperty("isDefault") boolean isDefault, String availability, long version, String updatedAt,
            String updatedBy) {
        static SettingView of(Tenant tenant) {
            TenantSetting setting = tenant.setting();
            Reason availability = tenant.availability();
            return new SettingView(tenant.tenantId(), setting.mode().name(), setting.selectedGroupId(),
                    setting.isDefault(), availabilityName(availability),
                    setting.version(), text(setting.updatedAt()), setting.updatedBy());
        }
    }

    @RegisterForReflection
    public record StateView(String mode, String selectedGroupId) {
        static StateView of(SettingState state) {
            return new StateView(state.mode().name(), state.selectedGroupId());
        }
    }

    /**
     * One audit entry: the fields every kind has (changeReason and requestId null where there is
     * none), then its kind's own, left out for the other kinds (docs/admin-api.md).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditEntryView(String kind, Long version, String who, String when, StateView before,
            StateView after, @JsonInclude(JsonInclude.Include.ALWAYS) String changeReason,
            @JsonInclude(JsonInclude.Include.ALWAYS) String requestId, String userId, Boolean selected,
            String groupId, List<String> added, List<String> removed, RecordView recordBefore, RecordView recordAfter) {
        static AuditEntryView of(AuditEntry entry) {
            AuditEntry.Change change = entry.change();
            Long version = null;
            StateView before = null;
            StateView after = null;
            String userId = null;
            Boolean selected = null;
            String groupId = null;
            List<String> added = null;
            List<String> removed = null;
            RecordView recordBefore = null;
            RecordView recordAfter = null;
            if (change instanceof AuditEntry.SettingChanged setting) {
                version = setting.version();
                before = StateView.of(setting.before());
                after = StateView.of(setting.after());
            } else if (change instanceof AuditEntry.SelectionChanged selection) {
                userId = selection.userId();
                selected = selection.selected();
            } else if (change instanceof AuditEntry.GroupMembersChanged members) {
                groupId = members.groupId();
                added = new TreeSet<>(members.added()).stream().toList();
                removed = new TreeSet<>(members.removed()).stream().toList();
            } else if (change instanceof AuditEntry.TenantRecordChanged record) {
                recordBefore = record.before().map(RecordView::of).orElse(null);
                recordAfter = RecordView.of(record.after());
            } else if (change instanceof AuditEntry.UserErased erased) {
                userId = erased.userId();
            }
            return new AuditEntryView(entry.kind().name(), version, entry.who(), text(entry.when()), before, after,
                    entry.changeReason(), entry.requestId(), userId, selected, groupId, added, removed, recordBefore,
                    recordAfter);
        }
    }

    /** The tenant record as an audit entry shows it, before and after. */
    @RegisterForReflection
    public record RecordView(String cloud, String countryCode, boolean rolledOut, boolean usersCanConsentToApps) {
        static RecordView of(TenantProfile profile) {
            return new RecordView(profile.cloud().name(), profile.countryCode(), profile.rolledOut(),
                    profile.usersCanConsentToApps());
        }
    }

    @RegisterForReflection
    public record AuditPageView(String tenantId, List<AuditEntryView> entries, String nextCursor) {
    }

    @RegisterForReflection
    public record SelectionView(String tenantId, String userId, boolean selected) {
    }

    @RegisterForReflection
    public record SelectedUsersView(String tenantId, List<String> userIds, String nextCursor) {
    }

    @RegisterForReflection
    public record PreviewView(String tenantId, String mode, String selectedGroupId, String availability,
            long currentVersion, boolean changes, long connectedUsersWhoseConsentIsWithdrawn,
            long selectedUsersWhoLoseAccess, long usersWhoGainAccess, List<String> warnings) {
        static PreviewView of(String tenantId, SettingPreview preview) {
            return new PreviewView(tenantId, preview.mode().name(), preview.selectedGroupId(),
                    availabilityName(preview.availability()), preview.currentVersion(), preview.changes(),
                    preview.connectedUsersWhoseConsentIsWithdrawn(), preview.selectedUsersWhoLoseAccess(),
                    preview.usersWhoGainAccess(), preview.warnings().stream().map(Enum::name).toList());
        }
    }

    /** An offboarding under way: users erased so far. */
    @RegisterForReflection
    public record OffboardingView(String tenantId, long erasedUsers, boolean done) {
    }

    @RegisterForReflection
    public record GroupMembersView(String tenantId, String groupId, int added, int removed) {
    }

    @RegisterForReflection
    public record OfficePolicyView(String tenantId, String userId, String policy) {
    }

    @RegisterForReflection
    public record OfficeOptionView(String tenantId, String userId, boolean showLinkedInFeatures) {
    }

    @RegisterForReflection
    public record VisibilityView(String tenantId, String userId, boolean visibleInMicrosoftApps) {
    }

    @RegisterForReflection
    public record ConnectionView(String tenantId, String userId, String consent, boolean connected) {
    }

    @RegisterForReflection
    public record EligibilityView(String tenantId, String userId, String client, boolean eligible, String reason,
            boolean showPublicLinkedInInfo, boolean connected, boolean showConnectedLinkedInInfo,
            boolean shareWorkDataWithLinkedIn, long settingVersion, String evaluatedAt, long maxStalenessSeconds) {
        static EligibilityView of(String tenantId, String userId, Client client, Decision decision,
                Freshness freshness) {
            return new EligibilityView(tenantId, userId, client.name(), decision.eligible(), decision.reason().name(),
                    decision.showPublicLinkedInInfo(), decision.connected(), decision.showConnectedLinkedInInfo(),
                    decision.shareWorkDataWithLinkedIn(), freshness.settingVersion(), text(freshness.evaluatedAt()),
                    freshness.maxStalenessSeconds());
        }
    }

    @RegisterForReflection
    public record BatchView(List<EligibilityView> decisions) {
    }

    @RegisterForReflection
    public record CardView(String subjectId, boolean show, String level, String reason) {
        static CardView of(String subjectId, Card card) {
            return new CardView(subjectId, card.show(), card.level().name(), card.reason().name());
        }
    }

    @RegisterForReflection
    public record ProfileCardsView(String viewerId, long settingVersion, String evaluatedAt, long maxStalenessSeconds,
            List<CardView> cards) {
    }
}
