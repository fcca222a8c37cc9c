package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.AttributeValues.bool;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.flag;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.map;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.n;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.number;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.s;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.string;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.strings;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.AuditEntry.GroupMembersChanged;
import com.contoso.linkedin.domain.AuditEntry.SelectionChanged;
import com.contoso.linkedin.domain.AuditEntry.SettingChanged;
import com.contoso.linkedin.domain.AuditEntry.TenantOffboarded;
import com.contoso.linkedin.domain.AuditEntry.TenantRecordChanged;
import com.contoso.linkedin.domain.AuditEntry.UserErased;
import com.contoso.linkedin.domain.AuditKind;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An audit item ({@link TableLayout#auditKey}): one change, in the tenant's audit partition
 * ordered by time ({@link TableLayout#newAuditSk}). Written once, in the transaction of its change,
 * and never changed, but for the expiry an offboarding gives it. The common fields, then each
 * kind's own (a setting change keeps the names it always had).
 */
final class AuditItem {
    static final String KIND = "kind";
    private static final String WHO = "who";
    private static final String WHEN = "when";
    private static final String CHANGE_REASON = "changeReason";
    private static final String REQUEST_ID = "requestId";
    // SETTING
    private static final String VERSION = "version";
    private static final String BEFORE_MODE = "beforeMode";
    private static final String BEFORE_GROUP = "beforeGroupId";
    private static final String AFTER_MODE = "afterMode";
    private static final String AFTER_GROUP = "afterGroupId";
    // SELECTION, USER_ERASURE
    private static final String USER_ID = "userId";
    private static final String SELECTED = "selected";
    // GROUP_MEMBERS
    private static final String GROUP_ID = "groupId";
    private static final String ADDED = "added";
    private static final String REMOVED = "removed";
    // TENANT_RECORD: maps of the record's fields
    private static final String BEFORE = "before";
    private static final String AFTER = "after";
    private static final String CLOUD = "cloud";
    private static final String COUNTRY = "countryCode";
    private static final String ROLLED_OUT = "rolledOut";
    private static final String USERS_CAN_CONSENT = "usersCanConsentToApps";

    private AuditItem() {
    }

    /** The item of a new entry, keyed by its time; expiring at {@code expiresAt} when given. */
    static Map<String, AttributeValue> toItem(String tenantId, AuditEntry entry, Optional<Instant> expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(
                TableLayout.auditKey(tenantId, TableLayout.newAuditSk(entry.when())));
        item.put(KIND, s(entry.kind().name()));
        item.put(WHO, s(entry.who()));
        item.put(WHEN, s(entry.when().toString()));
        putIfPresent(item, CHANGE_REASON, entry.changeReason());
        putIfPresent(item, REQUEST_ID, entry.requestId());
        expiresAt.ifPresent(at -> item.put(TableLayout.EXPIRES_AT, n(at.getEpochSecond())));
        AuditEntry.Change change = entry.change();
        if (change instanceof SettingChanged setting) {
            item.put(VERSION, n(setting.version()));
            item.put(BEFORE_MODE, s(setting.before().mode().name()));
            item.put(AFTER_MODE, s(setting.after().mode().name()));
            putIfPresent(item, BEFORE_GROUP, setting.before().selectedGroupId());
            putIfPresent(item, AFTER_GROUP, setting.after().selectedGroupId());
        } else if (change instanceof SelectionChanged selection) {
            item.put(USER_ID, s(selection.userId()));
            item.put(SELECTED, bool(selection.selected()));
        } else if (change instanceof GroupMembersChanged members) {
            item.put(GROUP_ID, s(members.groupId()));
            putIfPresent(item, ADDED, AttributeValues.stringSet(members.added()));
            putIfPresent(item, REMOVED, AttributeValues.stringSet(members.removed()));
        } else if (change instanceof TenantRecordChanged record) {
            record.before().ifPresent(before -> item.put(BEFORE, profile(before)));
            item.put(AFTER, profile(record.after()));
        } else if (change instanceof UserErased erased) {
            item.put(USER_ID, s(erased.userId()));
        }
        // TENANT_OFFBOARDING: the common fields say it all
        return item;
    }

    /** A new entry is a new item: a key that exists already means two entries collided, never overwritten. */
    static Expression onlyIfNew() {
        return new Expression().whenNotExists(TableLayout.PK);
    }

    static AuditEntry toEntry(Map<String, AttributeValue> item) {
        try {
            return new AuditEntry(string(item, WHO), Instant.parse(item.get(WHEN).s()), string(item, REQUEST_ID),
                    string(item, CHANGE_REASON), change(item));
        } catch (RuntimeException unreadable) {
            throw new StoreUnavailableException("Unreadable audit item", unreadable);
        }
    }

    private static AuditEntry.Change change(Map<String, AttributeValue> item) {
        return switch (AuditKind.valueOf(item.get(KIND).s())) {
            case SETTING -> new SettingChanged(number(item, VERSION),
                    new SettingState(IntegrationMode.valueOf(item.get(BEFORE_MODE).s()), string(item, BEFORE_GROUP)),
                    new SettingState(IntegrationMode.valueOf(item.get(AFTER_MODE).s()), string(item, AFTER_GROUP)));
            case SELECTION -> new SelectionChanged(item.get(USER_ID).s(), flag(item, SELECTED, false));
            case GROUP_MEMBERS -> new GroupMembersChanged(item.get(GROUP_ID).s(), strings(item, ADDED),
                    strings(item, REMOVED));
            case TENANT_RECORD -> new TenantRecordChanged(
                    item.containsKey(BEFORE) ? Optional.of(profile(item.get(BEFORE).m())) : Optional.empty(),
                    profile(item.get(AFTER).m()));
            case USER_ERASURE -> new UserErased(item.get(USER_ID).s());
            case TENANT_OFFBOARDING -> new TenantOffboarded();
        };
    }

    private static AttributeValue profile(TenantProfile profile) {
        return map(Map.of(CLOUD, s(profile.cloud().name()), COUNTRY, s(profile.countryCode()),
                ROLLED_OUT, bool(profile.rolledOut()), USERS_CAN_CONSENT, bool(profile.usersCanConsentToApps())));
    }

    private static TenantProfile profile(Map<String, AttributeValue> fields) {
        return new TenantProfile(Cloud.valueOf(fields.get(CLOUD).s()), fields.get(COUNTRY).s(),
                fields.get(ROLLED_OUT).bool(), fields.get(USERS_CAN_CONSENT).bool());
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, AttributeValue value) {
        if (value != null) {
            item.put(name, value);
        }
    }
}
