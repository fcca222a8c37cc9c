package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.AttributeValues.bool;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.flag;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.n;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.number;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.contoso.linkedin.domain.Connection;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The user item ({@link TableLayout#userKey}): one user's facts. Every attribute is optional and
 * an absent one reads as the default of {@link UserFacts#unknown()}, so writes remove rather than
 * store defaults, and a user nobody wrote needs no item at all.
 */
final class UserItem {
    private static final String GROUPS = "groups";
    private static final String SELECTED_ONE_BY_ONE = "selectedOneByOne";
    private static final String CONSENT = "consent";
    private static final String CONNECTED_EPOCH = "connectedEpoch";
    private static final String CONNECTED_AT = "connectedAt";
    private static final String PROFILE_VISIBLE = "profileVisible";
    private static final String OFFICE_POLICY = "officePolicy";
    private static final String OFFICE_OPTION = "officeOption";

    private UserItem() {
    }

    static UserFacts toUserFacts(Map<String, AttributeValue> item) {
        try {
            Optional<Connection> connection = item.containsKey(CONSENT)
                    ? Optional.of(new Connection(Consent.valueOf(item.get(CONSENT).s()), number(item, CONNECTED_EPOCH),
                            Instant.parse(item.get(CONNECTED_AT).s())))
                    : Optional.empty();
            AttributeValue groups = item.get(GROUPS);
            return new UserFacts(
                    groups == null ? Set.of() : Set.copyOf(groups.ss()),
                    flag(item, SELECTED_ONE_BY_ONE, false),
                    connection,
                    flag(item, PROFILE_VISIBLE, true),
                    item.containsKey(OFFICE_POLICY) ? OfficePolicy.valueOf(item.get(OFFICE_POLICY).s())
                            : OfficePolicy.NOT_CONFIGURED,
                    flag(item, OFFICE_OPTION, true));
        } catch (RuntimeException unreadable) {
            // Never guess from an item we cannot read.
            throw new StoreUnavailableException("Unreadable user item", unreadable);
        }
    }

    static Expression selectOneByOne(boolean selected) {
        return selected ? new Expression().set(SELECTED_ONE_BY_ONE, bool(true))
                : new Expression().remove(SELECTED_ONE_BY_ONE);
    }

    /**
     * Set operations rather than read-modify-write: concurrent syncs of different groups for one
     * user cannot lose each other's changes.
     */
    static Expression joinGroup(String groupId) {
        return new Expression().addToSet(GROUPS, groupId);
    }

    static Expression leaveGroup(String groupId) {
        return new Expression().deleteFromSet(GROUPS, groupId);
    }

    static Expression officePolicy(OfficePolicy policy) {
        return policy == OfficePolicy.NOT_CONFIGURED ? new Expression().remove(OFFICE_POLICY)
                : new Expression().set(OFFICE_POLICY, s(policy.name()));
    }

    /** Only while no policy is configured: a policy locks the option to its own value. */
    static Expression officeOption(boolean showLinkedInFeatures) {
        return new Expression().set(OFFICE_OPTION, bool(showLinkedInFeatures)).whenNotExists(OFFICE_POLICY);
    }

    static Expression profileVisibility(boolean visibleInMicrosoftApps) {
        return new Expression().set(PROFILE_VISIBLE, bool(visibleInMicrosoftApps));
    }

    static Expression connect(Consent consent, long consentEpoch, Instant connectedAt) {
        return new Expression()
                .set(CONSENT, s(consent.name()))
                .set(CONNECTED_EPOCH, n(consentEpoch))
                .set(CONNECTED_AT, s(connectedAt.toString()));
    }

    /** Conditional on a connection, so that disconnecting a user who never connected creates no item. */
    static Expression disconnect() {
        return new Expression().remove(CONSENT).remove(CONNECTED_EPOCH).remove(CONNECTED_AT).whenExists(CONSENT);
    }
}
