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
 * The user item ({@link TableLayout#userKey}): one user's facts. Every fact is optional and an
 * absent one reads as the default of {@link UserFacts#unknown()}, so writes remove rather than
 * store defaults, and a user nobody wrote needs no item at all.
 *
 * <p>Every write also keeps the item in the index of the tenant's users
 * ({@link TableLayout#TENANT_KEY}, {@link TableLayout#USER_KEY}). The facts the tenant's counts
 * count (connection, one-by-one selection, groups) change only by a write conditioned on the
 * revision read ({@link #REVISION}), which it moves on: the counts change in the same transaction,
 * by exactly what the write changed.
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
    /** Moved on by every write of a counted fact; absent (0) until the first. */
    private static final String REVISION = "rev";

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

    /** The revision of an item as read; 0 for none. */
    static long revision(Map<String, AttributeValue> item) {
        try {
            return item == null ? 0 : number(item, REVISION);
        } catch (RuntimeException unreadable) {
            throw new StoreUnavailableException("Unreadable user item", unreadable);
        }
    }

    // ---- facts nothing counts: one unconditional (or policy-conditioned) update -----------------

    static Expression officePolicy(String tenantId, String userId, OfficePolicy policy) {
        Expression write = indexed(tenantId, userId);
        return policy == OfficePolicy.NOT_CONFIGURED ? write.remove(OFFICE_POLICY)
                : write.set(OFFICE_POLICY, s(policy.name()));
    }

    /** Only while no policy is configured: a policy locks the option to its own value. */
    static Expression officeOption(String tenantId, String userId, boolean showLinkedInFeatures) {
        return indexed(tenantId, userId).set(OFFICE_OPTION, bool(showLinkedInFeatures)).whenNotExists(OFFICE_POLICY);
    }

    static Expression profileVisibility(String tenantId, String userId, boolean visibleInMicrosoftApps) {
        return indexed(tenantId, userId).set(PROFILE_VISIBLE, bool(visibleInMicrosoftApps));
    }

    /** In the index, leaving the selection's key as a counted write left it. */
    private static Expression indexed(String tenantId, String userId) {
        return new Expression().set(TableLayout.TENANT_KEY, s(TableLayout.tenantPk(tenantId)))
                .setIfNotExists(TableLayout.USER_KEY, s(TableLayout.userKeyOf(userId, false)));
    }

    // ---- counted facts: conditioned on the revision read ---------------------------------------

    /**
     * The start of a write of counted facts on condition that the item still has the revision
     * read (none: no item, or one no counted write has touched), moving it on. {@code selected}
     * is the one-by-one selection after the write, which decides the index key.
     */
    static Expression counted(String tenantId, String userId, long readRevision, boolean selected) {
        Expression write = new Expression().set(REVISION, n(readRevision + 1))
                .set(TableLayout.TENANT_KEY, s(TableLayout.tenantPk(tenantId)))
                .set(TableLayout.USER_KEY, s(TableLayout.userKeyOf(userId, selected)));
        return asRead(write, readRevision);
    }

    /** The condition that the item is still as read: for a delete, or added to a write. */
    static Expression asRead(Expression expression, long readRevision) {
        return readRevision == 0 ? expression.whenNotExists(REVISION) : expression.whenEquals(REVISION, n(readRevision));
    }

    static Expression selectOneByOne(Expression counted, boolean selected) {
        return selected ? counted.set(SELECTED_ONE_BY_ONE, bool(true)) : counted.remove(SELECTED_ONE_BY_ONE);
    }

    /**
     * Set operations, not a replaced set: the revision already keeps concurrent writes apart, and
     * an ADD or DELETE of one element says exactly what changed.
     */
    static Expression joinGroup(Expression counted, String groupId) {
        return counted.addToSet(GROUPS, groupId);
    }

    static Expression leaveGroup(Expression counted, String groupId) {
        return counted.deleteFromSet(GROUPS, groupId);
    }

    static Expression connect(Expression counted, Consent consent, long consentEpoch, Instant connectedAt) {
        return counted.set(CONSENT, s(consent.name()))
                .set(CONNECTED_EPOCH, n(consentEpoch))
                .set(CONNECTED_AT, s(connectedAt.toString()));
    }

    static Expression disconnect(Expression counted) {
        return counted.remove(CONSENT).remove(CONNECTED_EPOCH).remove(CONNECTED_AT);
    }
}
