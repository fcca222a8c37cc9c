package com.contoso.linkedin.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Card;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Decision;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.rest.openapi.ApiDocument;
import com.contoso.linkedin.service.EligibilityService.Freshness;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Response bodies of SPEC section 4, built from domain records. Every field is always sent (a
 * missing value as {@code null}), so each schema requires all of its fields.
 */
public final class ResponseBodies {
    private ResponseBodies() {
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    @RegisterForReflection
    @Schema(name = "TenantView", requiredProperties = { "tenantId", "cloud", "countryCode", "rolledOut",
            "usersCanConsentToApps" })
    public record TenantView(String tenantId, @Schema(ref = "Cloud") String cloud,
            @Schema(pattern = "^[A-Z]{2}$") String countryCode, boolean rolledOut, boolean usersCanConsentToApps) {
        static TenantView of(String tenantId, TenantProfile profile) {
            return new TenantView(tenantId, profile.cloud().name(), profile.countryCode(), profile.rolledOut(),
                    profile.usersCanConsentToApps());
        }
    }

    @RegisterForReflection
    @Schema(name = "SettingView", requiredProperties = { "tenantId", "mode", "selectedGroupId", "isDefault",
            "availability", "version", "updatedAt", "updatedBy" })
    public record SettingView(String tenantId, @Schema(ref = "IntegrationMode") String mode,
            @Schema(nullable = true, description = "The group when mode is SELECTED, else null.") String selectedGroupId,
            @Schema(description = "True while no admin has written the setting (version 0): the country's default.")
            @JsonProperty("isDefault") boolean isDefault,
            @Schema(enumeration = { "AVAILABLE", "CLOUD_NOT_SUPPORTED", "NOT_ROLLED_OUT" },
                    description = "Whether the integration exists for the tenant at all, else why not.") String availability,
            @Schema(minimum = "0", description = "0 while never written; the ETag is this number.") long version,
            @Schema(format = ApiDocument.INSTANT, nullable = true) String updatedAt,
            @Schema(nullable = true, description = "The object id of who wrote it.") String updatedBy) {
        static SettingView of(Tenant tenant) {
            TenantSetting setting = tenant.setting();
            Reason availability = tenant.availability();
            return new SettingView(tenant.tenantId(), setting.mode().name(), setting.selectedGroupId(),
                    setting.isDefault(), availability == Reason.ELIGIBLE ? "AVAILABLE" : availability.name(),
                    setting.version(), text(setting.updatedAt()), setting.updatedBy());
        }
    }

    @RegisterForReflection
    @Schema(name = "StateView", requiredProperties = { "mode", "selectedGroupId" })
    public record StateView(@Schema(ref = "IntegrationMode") String mode,
            @Schema(nullable = true) String selectedGroupId) {
        static StateView of(SettingState state) {
            return new StateView(state.mode().name(), state.selectedGroupId());
        }
    }

    @RegisterForReflection
    @Schema(name = "AuditEntryView", requiredProperties = { "version", "who", "when", "before", "after",
            "changeReason", "requestId" })
    public record AuditEntryView(@Schema(minimum = "1") long version,
            @Schema(description = "The object id of who made the change.") String who,
            @Schema(format = ApiDocument.INSTANT) String when, StateView before, StateView after,
            @Schema(nullable = true) String changeReason,
            @Schema(nullable = true, description = "The API Gateway request id of the change.") String requestId) {
        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(entry.version(), entry.who(), text(entry.when()), StateView.of(entry.before()),
                    StateView.of(entry.after()), entry.changeReason(), entry.requestId());
        }
    }

    @RegisterForReflection
    @Schema(name = "AuditPageView", requiredProperties = { "tenantId", "entries", "nextCursor" })
    public record AuditPageView(String tenantId,
            @Schema(description = "Newest first.") List<AuditEntryView> entries,
            @Schema(nullable = true, description = "The next page's cursor; null on the last page.") String nextCursor) {
    }

    @RegisterForReflection
    @Schema(name = "SelectionView", requiredProperties = { "tenantId", "userId", "selected" })
    public record SelectionView(String tenantId, String userId, boolean selected) {
    }

    @RegisterForReflection
    @Schema(name = "GroupMembersView", requiredProperties = { "tenantId", "groupId", "added", "removed" })
    public record GroupMembersView(String tenantId, String groupId,
            @Schema(minimum = "0", description = "Distinct ids added.") int added,
            @Schema(minimum = "0", description = "Distinct ids removed.") int removed) {
    }

    @RegisterForReflection
    @Schema(name = "OfficePolicyView", requiredProperties = { "tenantId", "userId", "policy" })
    public record OfficePolicyView(String tenantId, String userId,
            @Schema(ref = "OfficePolicy") String policy) {
    }

    @RegisterForReflection
    @Schema(name = "OfficeOptionView", requiredProperties = { "tenantId", "userId", "showLinkedInFeatures" })
    public record OfficeOptionView(String tenantId, String userId, boolean showLinkedInFeatures) {
    }

    @RegisterForReflection
    @Schema(name = "VisibilityView", requiredProperties = { "tenantId", "userId", "visibleInMicrosoftApps" })
    public record VisibilityView(String tenantId, String userId, boolean visibleInMicrosoftApps) {
    }

    @RegisterForReflection
    @Schema(name = "ConnectionView", requiredProperties = { "tenantId", "userId", "consent", "connected" })
    public record ConnectionView(String tenantId, String userId, @Schema(ref = "Consent") String consent,
            boolean connected) {
    }

    @RegisterForReflection
    @Schema(name = "EligibilityView", description = "The decision of SPEC section 3; when not eligible, the four "
            + "capabilities are false.", requiredProperties = { "tenantId", "userId", "client", "eligible", "reason",
                    "showPublicLinkedInInfo", "connected", "showConnectedLinkedInInfo", "shareWorkDataWithLinkedIn",
                    "settingVersion", "evaluatedAt", "maxStalenessSeconds" })
    public record EligibilityView(String tenantId, String userId,
            @Schema(ref = "Client") String client, boolean eligible,
            @Schema(ref = ApiDocument.ELIGIBILITY_REASON) String reason,
            boolean showPublicLinkedInInfo,
            @Schema(description = "Connected after the tenant's last switch to DISABLED.") boolean connected,
            boolean showConnectedLinkedInInfo, boolean shareWorkDataWithLinkedIn,
            @Schema(minimum = "0", description = "The setting's version behind the answer (0: never written).")
            long settingVersion,
            @Schema(format = ApiDocument.INSTANT) String evaluatedAt,
            @Schema(minimum = "0", description = "How old the tenant data behind the answer may be.")
            long maxStalenessSeconds) {
        static EligibilityView of(String tenantId, String userId, Client client, Decision decision,
                Freshness freshness) {
            return new EligibilityView(tenantId, userId, client.name(), decision.eligible(), decision.reason().name(),
                    decision.showPublicLinkedInInfo(), decision.connected(), decision.showConnectedLinkedInInfo(),
                    decision.shareWorkDataWithLinkedIn(), freshness.settingVersion(), text(freshness.evaluatedAt()),
                    freshness.maxStalenessSeconds());
        }
    }

    @RegisterForReflection
    @Schema(name = "BatchView", requiredProperties = "decisions")
    public record BatchView(@Schema(description = "One per asked id, in the request's order.") List<EligibilityView> decisions) {
    }

    @RegisterForReflection
    @Schema(name = "CardView", requiredProperties = { "subjectId", "show", "level", "reason" })
    public record CardView(String subjectId, boolean show,
            @Schema(ref = ApiDocument.CARD_LEVEL, description = "NONE when not shown.") String level,
            @Schema(ref = ApiDocument.CARD_REASON) String reason) {
        static CardView of(String subjectId, Card card) {
            return new CardView(subjectId, card.show(), card.level().name(), card.reason().name());
        }
    }

    @RegisterForReflection
    @Schema(name = "ProfileCardsView", requiredProperties = { "viewerId", "settingVersion", "evaluatedAt",
            "maxStalenessSeconds", "cards" })
    public record ProfileCardsView(String viewerId, @Schema(minimum = "0") long settingVersion,
            @Schema(format = ApiDocument.INSTANT) String evaluatedAt, @Schema(minimum = "0") long maxStalenessSeconds,
            @Schema(description = "One per subject, in the request's order.") List<CardView> cards) {
    }
}
