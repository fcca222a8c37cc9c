package com.contoso.linkedin.rest;

import java.time.Instant;
import java.util.List;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Card;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Decision;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.service.EligibilityService.Freshness;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Response bodies of SPEC section 4, built from domain records. */
public final class ResponseBodies {
    private ResponseBodies() {
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
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
                    setting.isDefault(), availability == Reason.ELIGIBLE ? "AVAILABLE" : availability.name(),
                    setting.version(), text(setting.updatedAt()), setting.updatedBy());
        }
    }

    @RegisterForReflection
    public record StateView(String mode, String selectedGroupId) {
        static StateView of(SettingState state) {
            return new StateView(state.mode().name(), state.selectedGroupId());
        }
    }

    @RegisterForReflection
    public record AuditEntryView(long version, String who, String when, StateView before, StateView after,
            String changeReason, String requestId) {
        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(entry.version(), entry.who(), text(entry.when()), StateView.of(entry.before()),
                    StateView.of(entry.after()), entry.changeReason(), entry.requestId());
        }
    }

    @RegisterForReflection
    public record AuditPageView(String tenantId, List<AuditEntryView> entries, String nextCursor) {
    }

    @RegisterForReflection
    public record SelectionView(String tenantId, String userId, boolean selected) {
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
