package com.contoso.linkedin.rest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

/** Request bodies of SPEC section 4. Each checks itself as it is read; any failure is a 400. */
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
    record TenantBody(Cloud cloud, String countryCode, Boolean rolledOut, Boolean usersCanConsentToApps) {
        TenantProfile toProfile() {
            return TenantProfile.written(required(cloud, "cloud"), required(countryCode, "countryCode"),
                    required(rolledOut, "rolledOut"), usersCanConsentToApps == null || usersCanConsentToApps);
        }
    }

    @RegisterForReflection
    record SettingBody(IntegrationMode mode, String selectedGroupId, String changeReason) {
        SettingChange toChange() {
            return new SettingChange(mode, selectedGroupId, changeReason);
        }
    }

    @RegisterForReflection
    record GroupMembersBody(List<String> add, List<String> remove) {
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
    record OfficePolicyBody(OfficePolicy policy) {
        OfficePolicyBody {
            required(policy, "policy");
        }
    }

    @RegisterForReflection
    record OfficeOptionBody(Boolean showLinkedInFeatures) {
        OfficeOptionBody {
            required(showLinkedInFeatures, "showLinkedInFeatures");
        }
    }

    @RegisterForReflection
    record VisibilityBody(Boolean visibleInMicrosoftApps) {
        VisibilityBody {
            required(visibleInMicrosoftApps, "visibleInMicrosoftApps");
        }
    }

    @RegisterForReflection
    record ConnectionBody(Consent consent) {
        ConnectionBody {
            required(consent, "consent");
        }
    }

    @RegisterForReflection
    public record BatchBody(Client client, List<String> userIds) {
        public BatchBody {
            client = client == null ? Client.PROFILE_CARD : client;
            userIds = guids(userIds, "userIds", MAX_BATCH);
        }
    }

    @RegisterForReflection
    public record ProfileCardsBody(String viewerId, List<String> subjectIds) {
        public ProfileCardsBody {
            viewerId = Ids.requireGuid(required(viewerId, "viewerId"), "viewerId");
            subjectIds = guids(subjectIds, "subjectIds", MAX_BATCH);
        }
    }
}
