package com.contoso.linkedin.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.Ids;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.SettingChange;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.service.SelectionService;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Request bodies of SPEC section 4. Each checks itself as it is read; any failure is a 400. Read
 * strictly ({@link StrictJson}): a field not named here is refused, which the document states as
 * {@code additionalProperties: false}.
 */
public final class RequestBodies {
    /** Users in one batch or profile card at most (SPEC section 4). */
    public static final int MAX_BATCH = 100;

    private RequestBodies() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field + " is required");
        }
        return value;
    }

    /** Each id checked and canonical, in order, duplicates kept. */
    static List<String> guids(List<String> ids, String field, int max) {
        required(ids, field);
        if (ids.isEmpty()) {
            throw new InvalidInputException(field + " must hold at least one id");
        }
        if (ids.size() > max) {
            throw new InvalidInputException(field + " holds at most " + max + " ids");
        }
        return ids.stream().map(id -> Ids.requireGuid(id, "every element of " + field)).toList();
    }

    @RegisterForReflection
    @Schema(name = "TenantBody", additionalProperties = Schema.False.class,
            requiredProperties = { "cloud", "countryCode", "rolledOut" })
    record TenantBody(Cloud cloud,
            @Schema(pattern = "^[A-Z]{2}$", description = "ISO 3166-1 alpha-2, upper case: where the tenant was provisioned.")
            String countryCode,
            Boolean rolledOut,
            @Schema(defaultValue = "true") Boolean usersCanConsentToApps) {
        TenantProfile toProfile() {
            return new TenantProfile(required(cloud, "cloud"), required(countryCode, "countryCode"),
                    required(rolledOut, "rolledOut"), usersCanConsentToApps == null || usersCanConsentToApps);
        }
    }

    @RegisterForReflection
    @Schema(name = "SettingBody", additionalProperties = Schema.False.class, requiredProperties = "mode")
    record SettingBody(IntegrationMode mode,
            @Schema(description = "Required when mode is SELECTED, refused otherwise.")
            String selectedGroupId,
            @Schema(maxLength = SettingChange.MAX_CHANGE_REASON_LENGTH, description = "Kept in the audit entry.")
            String changeReason) {
        SettingChange toChange() {
            return new SettingChange(mode, selectedGroupId, changeReason);
        }
    }

    @RegisterForReflection
    @Schema(name = "GroupMembersBody", additionalProperties = Schema.False.class, minProperties = 1,
            description = "add, remove or both; at most 1000 ids together, none in both.")
    record GroupMembersBody(
            @Schema(maxItems = SelectionService.MAX_MEMBER_CHANGES) List<String> add,
            @Schema(maxItems = SelectionService.MAX_MEMBER_CHANGES) List<String> remove) {
        GroupMembersBody {
            if (add == null && remove == null) {
                throw new InvalidInputException("add or remove is required");
            }
            add = add == null ? List.of() : add;
            remove = remove == null ? List.of() : remove;
            if (add.size() + remove.size() > SelectionService.MAX_MEMBER_CHANGES) {
                throw new InvalidInputException("add and remove hold at most " + SelectionService.MAX_MEMBER_CHANGES + " ids together");
            }
        }

        Set<String> toAdd() {
            return canonical(add, "add");
        }

        Set<String> toRemove() {
            return canonical(remove, "remove");
        }

        private static Set<String> canonical(List<String> ids, String field) {
            Set<String> set = new LinkedHashSet<>();
            ids.forEach(id -> set.add(Ids.requireGuid(id, "every element of " + field)));
            return set;
        }
    }

    @RegisterForReflection
    @Schema(name = "OfficePolicyBody", additionalProperties = Schema.False.class, requiredProperties = "policy")
    record OfficePolicyBody(OfficePolicy policy) {
        OfficePolicyBody {
            required(policy, "policy");
        }
    }

    @RegisterForReflection
    @Schema(name = "OfficeOptionBody", additionalProperties = Schema.False.class, requiredProperties = "showLinkedInFeatures")
    record OfficeOptionBody(Boolean showLinkedInFeatures) {
        OfficeOptionBody {
            required(showLinkedInFeatures, "showLinkedInFeatures");
        }
    }

    @RegisterForReflection
    @Schema(name = "VisibilityBody", additionalProperties = Schema.False.class, requiredProperties = "visibleInMicrosoftApps")
    record VisibilityBody(Boolean visibleInMicrosoftApps) {
        VisibilityBody {
            required(visibleInMicrosoftApps, "visibleInMicrosoftApps");
        }
    }

    @RegisterForReflection
    @Schema(name = "ConnectionBody", additionalProperties = Schema.False.class, requiredProperties = "consent")
    record ConnectionBody(Consent consent) {
        ConnectionBody {
            required(consent, "consent");
        }
    }

    @RegisterForReflection
    @Schema(name = "BatchBody", additionalProperties = Schema.False.class, requiredProperties = "userIds")
    public record BatchBody(@Schema(defaultValue = "PROFILE_CARD") Client client,
            @Schema(minItems = 1, maxItems = MAX_BATCH, description = "Answered in this order, duplicates included.")
            List<String> userIds) {
        public BatchBody {
            client = client == null ? Client.PROFILE_CARD : client;
            userIds = guids(userIds, "userIds", MAX_BATCH);
        }
    }

    @RegisterForReflection
    @Schema(name = "ProfileCardsBody", additionalProperties = Schema.False.class,
            requiredProperties = { "viewerId", "subjectIds" })
    public record ProfileCardsBody(String viewerId,
            @Schema(minItems = 1, maxItems = MAX_BATCH, description = "Answered in this order, duplicates included.")
            List<String> subjectIds) {
        public ProfileCardsBody {
            viewerId = Ids.requireGuid(required(viewerId, "viewerId"), "viewerId");
            subjectIds = guids(subjectIds, "subjectIds", MAX_BATCH);
        }
    }
}
