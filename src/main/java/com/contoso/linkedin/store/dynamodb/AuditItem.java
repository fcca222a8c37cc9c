package com.contoso.linkedin.store.dynamodb;

import static com.contoso.linkedin.store.dynamodb.AttributeValues.n;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.number;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.s;
import static com.contoso.linkedin.store.dynamodb.AttributeValues.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.store.LinkedInStore.AuditPage;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An audit item ({@link TableLayout#auditKey}): one setting change, in the tenant's audit
 * partition ordered by version. Written once, with the setting, and never changed.
 */
final class AuditItem {
    private static final String VERSION = "version";
    private static final String WHO = "who";
    private static final String WHEN = "when";
    private static final String BEFORE_MODE = "beforeMode";
    private static final String BEFORE_GROUP = "beforeGroupId";
    private static final String AFTER_MODE = "afterMode";
    private static final String AFTER_GROUP = "afterGroupId";
    private static final String CHANGE_REASON = "changeReason";
    private static final String REQUEST_ID = "requestId";

    private AuditItem() {
    }

    static Map<String, AttributeValue> toItem(String tenantId, AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(TableLayout.auditKey(tenantId, entry.version()));
        item.put(VERSION, n(entry.version()));
        item.put(WHO, s(entry.who()));
        item.put(WHEN, s(entry.when().toString()));
        item.put(BEFORE_MODE, s(entry.before().mode().name()));
        item.put(AFTER_MODE, s(entry.after().mode().name()));
        putIfPresent(item, BEFORE_GROUP, entry.before().selectedGroupId());
        putIfPresent(item, AFTER_GROUP, entry.after().selectedGroupId());
        putIfPresent(item, CHANGE_REASON, entry.changeReason());
        putIfPresent(item, REQUEST_ID, entry.requestId());
        return item;
    }

    /** An entry for a version that has one already means the setting write raced: refuse it. */
    static Expression onlyIfNew() {
        return new Expression().whenNotExists(TableLayout.PK);
    }

    static AuditEntry toEntry(Map<String, AttributeValue> item) {
        try {
            return new AuditEntry(number(item, VERSION), string(item, WHO), Instant.parse(item.get(WHEN).s()),
                    new SettingState(IntegrationMode.valueOf(item.get(BEFORE_MODE).s()), string(item, BEFORE_GROUP)),
                    new SettingState(IntegrationMode.valueOf(item.get(AFTER_MODE).s()), string(item, AFTER_GROUP)),
                    string(item, CHANGE_REASON), string(item, REQUEST_ID));
        } catch (RuntimeException unreadable) {
            throw new StoreUnavailableException("Unreadable audit item", unreadable);
        }
    }

    /** The key condition of one page: the tenant's entries, older than {@code beforeVersion} when given. */
    static Expression olderThan(String tenantId, Optional<Long> beforeVersion) {
        Expression page = new Expression().whenEquals(TableLayout.PK, s(TableLayout.auditPk(tenantId)));
        beforeVersion.ifPresent(version -> page.whenLessThan(TableLayout.SK, s(TableLayout.auditSk(version))));
        return page;
    }

    /**
     * The page of a query that asked for one item more than {@code limit}, newest first: that one
     * more tells whether another page exists without a second query.
     */
    static AuditPage toPage(List<Map<String, AttributeValue>> newestFirst, int limit) {
        List<AuditEntry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : newestFirst) {
            if (entries.size() == limit) {
                break;
            }
            entries.add(toEntry(item));
        }
        Optional<Long> next = newestFirst.size() > limit
                ? Optional.of(entries.get(entries.size() - 1).version())
                : Optional.empty();
        return new AuditPage(entries, next);
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
