package com.contoso.linkedin.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Connection;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.RefusedException;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;

/**
 * The in-memory twin of the DynamoDB adapter, for tests of the services: the same conditional
 * semantics, pinned by the same contract ({@link LinkedInStoreContract}), in plain maps behind
 * one lock. Three test aids the adapter has not: the operations it was asked ({@link #calls()}),
 * another writer's change slipped in before a conditional write ({@link #interleave}), and a store
 * that does not answer ({@link #unavailable}).
 */
public class InMemoryLinkedInStore implements LinkedInStore {

    private final Object lock = new Object();
    private final Map<String, Tenant> tenants = new HashMap<>();
    /** Per tenant, by version. */
    private final Map<String, NavigableMap<Long, AuditEntry>> audits = new HashMap<>();
    /** By tenant and user; a user nobody wrote has no entry. */
    private final Map<List<String>, UserFacts> users = new HashMap<>();

    private final List<String> calls = new ArrayList<>();
    private final ThreadLocal<Boolean> interleaving = ThreadLocal.withInitial(() -> false);
    private int interleavedWrites;
    private Runnable otherWriter;
    private volatile boolean unavailable;

    // ---- test aids -----------------------------------------------------------------------

    /** The names of the store methods called so far, in order. */
    public List<String> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    public void forgetCalls() {
        synchronized (lock) {
            calls.clear();
        }
    }

    /**
     * Runs {@code otherWriter} just before each of the next {@code writes} conditional tenant
     * writes ({@code saveProfile}, {@code saveSetting}) checks its condition, as a concurrent
     * writer would between the caller's read and its write. The other writer's own writes do not
     * trigger it.
     */
    public void interleave(int writes, Runnable otherWriter) {
        synchronized (lock) {
            this.interleavedWrites = writes;
            this.otherWriter = otherWriter;
        }
    }

    /** While true, every call fails as a store that does not answer. */
    public void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    // ---- tenants -------------------------------------------------------------------------

    @Override
    public Optional<Tenant> findTenant(String tenantId) {
        synchronized (lock) {
            called("findTenant");
            return Optional.ofNullable(tenants.get(tenantId));
        }
    }

    @Override
    public void saveProfile(String tenantId, TenantProfile profile, Optional<Tenant> expected, boolean withdrawConsents,
            Instant now) {
        letOtherWriterIn();
        synchronized (lock) {
            called("saveProfile");
            Tenant current = tenants.get(tenantId);
            boolean stillAsRead = expected.isEmpty() ? current == null
                    : current != null && current.profile().countryCode().equals(expected.get().profile().countryCode())
                            && current.setting().version() == expected.get().setting().version();
            if (!stillAsRead) {
                throw new ConcurrentChangeException("The tenant changed while its record was being saved");
            }
            Optional<TenantSetting> setting = current == null ? Optional.empty() : current.writtenSetting();
            long epoch = current == null ? 0 : current.consentEpoch();
            tenants.put(tenantId, new Tenant(tenantId, profile, setting, epoch + (withdrawConsents ? 1 : 0)));
        }
    }

    @Override
    public void saveSetting(String tenantId, long expectedVersion, TenantSetting setting, boolean withdrawConsents,
            AuditEntry audit) {
        letOtherWriterIn();
        synchronized (lock) {
            called("saveSetting");
            Tenant current = tenants.get(tenantId);
            NavigableMap<Long, AuditEntry> entries = audits.computeIfAbsent(tenantId, id -> new TreeMap<>());
            boolean holds = current != null && current.setting().version() == expectedVersion
                    && (setting.mode() == IntegrationMode.DISABLED || current.profile().cloud() == Cloud.PUBLIC)
                    && !entries.containsKey(audit.version());
            if (!holds) {
                throw new ConcurrentChangeException("The setting changed while it was being saved");
            }
            Optional<TenantSetting> written = setting.version() == 0 ? Optional.empty() : Optional.of(setting);
            tenants.put(tenantId, new Tenant(tenantId, current.profile(), written,
                    current.consentEpoch() + (withdrawConsents ? 1 : 0)));
            entries.put(audit.version(), audit);
        }
    }

    @Override
    public AuditPage listAudit(String tenantId, int limit, Optional<Long> beforeVersion) {
        synchronized (lock) {
            called("listAudit");
            NavigableMap<Long, AuditEntry> all = audits.getOrDefault(tenantId, new TreeMap<>());
            NavigableMap<Long, AuditEntry> older = beforeVersion.map(before -> all.headMap(before, false)).orElse(all);
            List<AuditEntry> entries = older.descendingMap().values().stream().limit(limit).toList();
            Optional<Long> next = older.size() > limit ? Optional.of(entries.get(entries.size() - 1).version())
                    : Optional.empty();
            return new AuditPage(entries, next);
        }
    }

    // ---- users ---------------------------------------------------------------------------

    @Override
    public UserFacts findUser(String tenantId, String userId) {
        synchronized (lock) {
            called("findUser");
            return users.getOrDefault(List.of(tenantId, userId), UserFacts.unknown());
        }
    }

    @Override
    public List<UserFacts> findUsers(String tenantId, List<String> userIds) {
        synchronized (lock) {
            called("findUsers");
            return userIds.stream().map(id -> users.getOrDefault(List.of(tenantId, id), UserFacts.unknown())).toList();
        }
    }

    @Override
    public void setSelectedOneByOne(String tenantId, String userId, boolean selected) {
        synchronized (lock) {
            called("setSelectedOneByOne");
            change(tenantId, userId, u -> new UserFacts(u.groupIds(), selected, u.connection(),
                    u.profileVisibleInMicrosoftApps(), u.officePolicy(), u.officeOptionOn()));
        }
    }

    @Override
    public void updateGroupMembers(String tenantId, String groupId, Set<String> add, Set<String> remove) {
        synchronized (lock) {
            called("updateGroupMembers");
            for (String userId : add) {
                change(tenantId, userId, u -> withGroups(u, groups -> groups.add(groupId)));
            }
            for (String userId : remove) {
                change(tenantId, userId, u -> withGroups(u, groups -> groups.remove(groupId)));
            }
        }
    }

    @Override
    public void setOfficePolicy(String tenantId, String userId, OfficePolicy policy) {
        synchronized (lock) {
            called("setOfficePolicy");
            change(tenantId, userId, u -> new UserFacts(u.groupIds(), u.selectedOneByOne(), u.connection(),
                    u.profileVisibleInMicrosoftApps(), policy, u.officeOptionOn()));
        }
    }

    @Override
    public void setOfficeOption(String tenantId, String userId, boolean showLinkedInFeatures) {
        synchronized (lock) {
            called("setOfficeOption");
            if (findUserFacts(tenantId, userId).officePolicy() != OfficePolicy.NOT_CONFIGURED) {
                throw new RefusedException(Reason.OPTION_LOCKED_BY_POLICY,
                        "An Office policy is configured for this user and locks the option to its value");
            }
            change(tenantId, userId, u -> new UserFacts(u.groupIds(), u.selectedOneByOne(), u.connection(),
                    u.profileVisibleInMicrosoftApps(), u.officePolicy(), showLinkedInFeatures));
        }
    }

    @Override
    public void setProfileVisibility(String tenantId, String userId, boolean visibleInMicrosoftApps) {
        synchronized (lock) {
            called("setProfileVisibility");
            change(tenantId, userId, u -> new UserFacts(u.groupIds(), u.selectedOneByOne(), u.connection(),
                    visibleInMicrosoftApps, u.officePolicy(), u.officeOptionOn()));
        }
    }

    @Override
    public void connect(String tenantId, String userId, Consent consent, long consentEpoch, Instant connectedAt) {
        Optional<Connection> connection = Optional.of(new Connection(consent, consentEpoch, connectedAt));
        synchronized (lock) {
            called("connect");
            change(tenantId, userId, u -> new UserFacts(u.groupIds(), u.selectedOneByOne(), connection,
                    u.profileVisibleInMicrosoftApps(), u.officePolicy(), u.officeOptionOn()));
        }
    }

    @Override
    public void disconnect(String tenantId, String userId) {
        synchronized (lock) {
            called("disconnect");
            // Like the adapter's conditional update: a user who never connected gets no entry.
            if (findUserFacts(tenantId, userId).connection().isPresent()) {
                change(tenantId, userId, u -> new UserFacts(u.groupIds(), u.selectedOneByOne(), Optional.empty(),
                        u.profileVisibleInMicrosoftApps(), u.officePolicy(), u.officeOptionOn()));
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    private void called(String method) {
        if (unavailable) {
            throw new StoreUnavailableException("The in-memory store was told not to answer: " + method, null);
        }
        calls.add(method);
    }

    private UserFacts findUserFacts(String tenantId, String userId) {
        return users.getOrDefault(List.of(tenantId, userId), UserFacts.unknown());
    }

    private void change(String tenantId, String userId, UnaryOperator<UserFacts> change) {
        List<String> key = List.of(tenantId, userId);
        users.put(key, change.apply(users.getOrDefault(key, UserFacts.unknown())));
    }

    private static UserFacts withGroups(UserFacts user, java.util.function.Consumer<Set<String>> edit) {
        Set<String> groups = new HashSet<>(user.groupIds());
        edit.accept(groups);
        return new UserFacts(groups, user.selectedOneByOne(), user.connection(), user.profileVisibleInMicrosoftApps(),
                user.officePolicy(), user.officeOptionOn());
    }

    /** Runs the interleaved writer, outside the lock and not for its own writes. */
    private void letOtherWriterIn() {
        if (interleaving.get()) {
            return;
        }
        Runnable other;
        synchronized (lock) {
            if (interleavedWrites <= 0) {
                return;
            }
            interleavedWrites--;
            other = otherWriter;
        }
        interleaving.set(true);
        try {
            other.run();
        } finally {
            interleaving.set(false);
        }
    }
}
