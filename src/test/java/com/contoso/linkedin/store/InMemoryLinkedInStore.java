package com.contoso.linkedin.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
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
import com.contoso.linkedin.domain.TenantCounts;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;

/**
 * The in-memory twin of the DynamoDB adapter, for tests of the services: the same conditional
 * semantics, pinned by the same contract ({@link LinkedInStoreContract}), in plain maps behind
 * one lock. Its counts are counted from the users at every read: the definition the adapter's
 * kept counts must meet. Four test aids the adapter has not: the operations it was asked
 * ({@link #calls()}), another writer's change slipped in before a conditional write
 * ({@link #interleave}), a store that does not answer ({@link #unavailable}), and the expiry an
 * offboarding gave an audit entry ({@link #auditExpiries}).
 */
public class InMemoryLinkedInStore implements LinkedInStore {

    private final Object lock = new Object();
    private final Map<String, Tenant> tenants = new HashMap<>();
    /** Per tenant, by sort key (the adapter's form: time, then sequence). */
    private final Map<String, NavigableMap<String, AuditEntry>> audits = new HashMap<>();
    private final Map<String, NavigableMap<String, Instant>> expiries = new HashMap<>();
    /** By tenant and user; a user nobody wrote has no entry. */
    private final Map<List<String>, UserFacts> users = new HashMap<>();
    /** Offboardings under way: users erased so far and the last audit key given its expiry. */
    private final Map<String, Offboarding> offboardings = new HashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    private final List<String> calls = new ArrayList<>();
    private final ThreadLocal<Boolean> interleaving = ThreadLocal.withInitial(() -> false);
    private int interleavedWrites;
    private Runnable otherWriter;
    private volatile boolean unavailable;

    private static final class Offboarding {
        long erased;
        String auditDone = "";
    }

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

    /** Every audit entry of the tenant, expiring ones too (listAudit leaves those out), oldest first. */
    public List<AuditEntry> allAuditEntries(String tenantId) {
        synchronized (lock) {
            return List.copyOf(audits.getOrDefault(tenantId, new TreeMap<>()).values());
        }
    }

    /** The expiry of each of the tenant's audit entries that has one, oldest entry first. */
    public List<Instant> auditExpiries(String tenantId) {
        synchronized (lock) {
            return List.copyOf(expiries.getOrDefault(tenantId, new TreeMap<>()).values());
        }
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
    public Optional<CountedTenant> findTenantWithCounts(String tenantId) {
        synchronized (lock) {
            called("findTenantWithCounts");
            Tenant tenant = tenants.get(tenantId);
            return tenant == null ? Optional.empty() : Optional.of(new CountedTenant(tenant, count(tenant)));
        }
    }

    @Override
    public void saveProfile(String tenantId, TenantProfile profile, Optional<Tenant> expected, boolean withdrawConsents,
            boolean moveEtagVersion, AuditEntry audit) {
        letOtherWriterIn();
        synchronized (lock) {
            called("saveProfile");
            Tenant current = tenants.get(tenantId);
            boolean stillAsRead = expected.isEmpty() ? current == null && !offboardings.containsKey(tenantId)
                    : current != null && current.profile().equals(expected.get().profile())
                            && current.etagVersion() == expected.get().etagVersion();
            if (!stillAsRead) {
                throw new ConcurrentChangeException("The tenant changed while its record was being saved");
            }
            Optional<TenantSetting> setting = current == null ? Optional.empty() : current.writtenSetting();
            long version = current == null ? 0 : current.etagVersion() + (moveEtagVersion ? 1 : 0);
            long epoch = current == null ? Tenant.firstConsentEpoch(audit.when())
                    : current.consentEpoch() + (withdrawConsents ? 1 : 0);
            tenants.put(tenantId, new Tenant(tenantId, profile, setting, version, epoch));
            audit(tenantId, audit);
        }
    }

    @Override
    public void saveSetting(String tenantId, long expectedVersion, TenantSetting setting, boolean withdrawConsents,
            AuditEntry audit) {
        letOtherWriterIn();
        synchronized (lock) {
            called("saveSetting");
            Tenant current = tenants.get(tenantId);
            boolean holds = current != null && current.etagVersion() == expectedVersion
                    && (setting.mode() == IntegrationMode.DISABLED || current.profile().cloud() == Cloud.PUBLIC);
            if (!holds) {
                throw new ConcurrentChangeException("The setting changed while it was being saved");
            }
            tenants.put(tenantId, new Tenant(tenantId, current.profile(), Optional.of(setting), expectedVersion + 1,
                    current.consentEpoch() + (withdrawConsents ? 1 : 0)));
            audit(tenantId, audit);
        }
    }

    @Override
    public AuditPage listAudit(String tenantId, AuditQuery query) {
        synchronized (lock) {
            called("listAudit");
            NavigableMap<String, AuditEntry> all = audits.getOrDefault(tenantId, new TreeMap<>()).descendingMap();
            // Entries an offboarding gave an expiry are an earlier life of the tenant: never listed.
            Set<String> expiring = expiries.getOrDefault(tenantId, new TreeMap<>()).keySet();
            List<Map.Entry<String, AuditEntry>> matched = new ArrayList<>();
            for (Map.Entry<String, AuditEntry> entry : all.entrySet()) {
                long millis = entry.getValue().when().toEpochMilli();
                boolean inRange = millis >= query.fromMillis()
                        && query.untilMillis().map(until -> millis < until).orElse(true)
                        && query.after().map(after -> entry.getKey().compareTo(after) < 0).orElse(true);
                if (inRange && !expiring.contains(entry.getKey()) && (query.kinds().isEmpty() || query.kinds().contains(entry.getValue().kind()))) {
                    matched.add(entry);
                }
            }
            List<AuditEntry> page = matched.stream().limit(query.limit()).map(Map.Entry::getValue).toList();
            Optional<String> next = matched.size() > query.limit()
                    ? Optional.of(matched.get(query.limit() - 1).getKey()) : Optional.empty();
            return new AuditPage(page, next);
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
    public boolean setSelectedOneByOne(String tenantId, String userId, boolean selected, AuditEntry.Stamp stamp) {
        synchronized (lock) {
            called("setSelectedOneByOne");
            requireTenant(tenantId);
            if (facts(tenantId, userId).selectedOneByOne() == selected) {
                return false;
            }
            change(tenantId, userId, u -> new UserFacts(u.groupIds(), selected, u.connection(),
                    u.profileVisibleInMicrosoftApps(), u.officePolicy(), u.officeOptionOn()));
            audit(tenantId, stamp.entry(new AuditEntry.SelectionChanged(userId, selected)));
            return true;
        }
    }

    @Override
    public AuditEntry.GroupMembersChanged updateGroupMembers(String tenantId, String groupId, Set<String> add,
            Set<String> remove, AuditEntry.Stamp stamp) {
        synchronized (lock) {
            called("updateGroupMembers");
            requireTenant(tenantId);
            List<Map.Entry<String, Boolean>> changes = new ArrayList<>();
            Set<String> added = new LinkedHashSet<>();
            Set<String> removed = new LinkedHashSet<>();
            add.forEach(userId -> changes.add(Map.entry(userId, true)));
            remove.forEach(userId -> changes.add(Map.entry(userId, false)));
            // As the adapter stores them: a transaction (and an audit entry) per chunk that changes anything.
            for (int from = 0; from < changes.size(); from += GROUP_SYNC_CHUNK) {
                Set<String> joined = new LinkedHashSet<>();
                Set<String> left = new LinkedHashSet<>();
                for (Map.Entry<String, Boolean> change : changes.subList(from, Math.min(changes.size(), from + GROUP_SYNC_CHUNK))) {
                    String userId = change.getKey();
                    if (change.getValue() != facts(tenantId, userId).groupIds().contains(groupId)) {
                        change(tenantId, userId, u -> withGroups(u, groups -> {
                            if (change.getValue()) {
                                groups.add(groupId);
                            } else {
                                groups.remove(groupId);
                            }
                        }));
                        (change.getValue() ? joined : left).add(userId);
                    }
                }
                if (!joined.isEmpty() || !left.isEmpty()) {
                    audit(tenantId, stamp.entry(new AuditEntry.GroupMembersChanged(groupId, joined, left)));
                }
                added.addAll(joined);
                removed.addAll(left);
            }
            return new AuditEntry.GroupMembersChanged(groupId, added, removed);
        }
    }

    @Override
    public void setOfficePolicy(String tenantId, String userId, OfficePolicy policy) {
        synchronized (lock) {
            called("setOfficePolicy");
            requireTenant(tenantId);
            change(tenantId, userId, u -> new UserFacts(u.groupIds(), u.selectedOneByOne(), u.connection(),
                    u.profileVisibleInMicrosoftApps(), policy, u.officeOptionOn()));
        }
    }

    @Override
    public void setOfficeOption(String tenantId, String userId, boolean showLinkedInFeatures) {
        synchronized (lock) {
            called("setOfficeOption");
            requireTenant(tenantId);
            if (facts(tenantId, userId).officePolicy() != OfficePolicy.NOT_CONFIGURED) {
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
            requireTenant(tenantId);
            change(tenantId, userId, u -> new UserFacts(u.groupIds(), u.selectedOneByOne(), u.connection(),
                    visibleInMicrosoftApps, u.officePolicy(), u.officeOptionOn()));
        }
    }

    @Override
    public void connect(String tenantId, String userId, Consent consent, long consentEpoch, Instant connectedAt) {
        Optional<Connection> connection = Optional.of(new Connection(consent, consentEpoch, connectedAt));
        synchronized (lock) {
            called("connect");
            Tenant tenant = tenants.get(tenantId);
            if (tenant == null || tenant.consentEpoch() != consentEpoch) {
                throw new ConcurrentChangeException("The tenant has left the consent epoch read, or has no record");
            }
            change(tenantId, userId, u -> new UserFacts(u.groupIds(), u.selectedOneByOne(), connection,
                    u.profileVisibleInMicrosoftApps(), u.officePolicy(), u.officeOptionOn()));
        }
    }

    @Override
    public boolean disconnect(String tenantId, String userId) {
        synchronized (lock) {
            called("disconnect");
            // Like the adapter: a user who never connected gets no entry.
            if (facts(tenantId, userId).connection().isEmpty()) {
                return false;
            }
            change(tenantId, userId, u -> new UserFacts(u.groupIds(), u.selectedOneByOne(), Optional.empty(),
                    u.profileVisibleInMicrosoftApps(), u.officePolicy(), u.officeOptionOn()));
            return true;
        }
    }

    @Override
    public boolean eraseUser(String tenantId, String userId, AuditEntry.Stamp stamp) {
        synchronized (lock) {
            called("eraseUser");
            requireTenant(tenantId);
            if (users.remove(List.of(tenantId, userId)) == null) {
                return false;
            }
            audit(tenantId, stamp.entry(new AuditEntry.UserErased(userId)));
            return true;
        }
    }

    @Override
    public SelectedUsersPage listSelectedUsers(String tenantId, int limit, Optional<String> afterUserId) {
        synchronized (lock) {
            called("listSelectedUsers");
            List<String> selected = users.entrySet().stream()
                    .filter(u -> u.getKey().get(0).equals(tenantId) && u.getValue().selectedOneByOne())
                    .map(u -> u.getKey().get(1)).filter(id -> afterUserId.map(a -> id.compareTo(a) > 0).orElse(true))
                    .sorted().toList();
            return selected.size() > limit
                    ? new SelectedUsersPage(selected.subList(0, limit), Optional.of(selected.get(limit - 1)))
                    : new SelectedUsersPage(selected, Optional.empty());
        }
    }

    // ---- offboarding ---------------------------------------------------------------------

    @Override
    public void startOffboarding(String tenantId, Tenant expected, AuditEntry audit) {
        synchronized (lock) {
            called("startOffboarding");
            Tenant current = tenants.get(tenantId);
            if (current == null || current.etagVersion() != expected.etagVersion()
                    || current.consentEpoch() != expected.consentEpoch() || offboardings.containsKey(tenantId)) {
                throw new ConcurrentChangeException("The tenant changed, or another call started its offboarding");
            }
            tenants.remove(tenantId);
            offboardings.put(tenantId, new Offboarding());
            audit(tenantId, audit);
        }
    }

    @Override
    public Optional<OffboardingProgress> findOffboarding(String tenantId) {
        synchronized (lock) {
            called("findOffboarding");
            return Optional.ofNullable(offboardings.get(tenantId)).map(o -> new OffboardingProgress(o.erased, false));
        }
    }

    @Override
    public OffboardingProgress offboardPage(String tenantId, int pageSize, Instant auditExpiresAt) {
        synchronized (lock) {
            called("offboardPage");
            Offboarding offboarding = offboardings.get(tenantId);
            if (offboarding == null) {
                return new OffboardingProgress(0, true);
            }
            List<List<String>> page = users.keySet().stream().filter(key -> key.get(0).equals(tenantId))
                    .limit(pageSize).toList();
            page.forEach(users::remove);
            offboarding.erased += page.size();
            NavigableMap<String, AuditEntry> entries = audits.getOrDefault(tenantId, new TreeMap<>());
            List<String> expiring = entries.tailMap(offboarding.auditDone, false).keySet().stream().limit(pageSize).toList();
            expiring.forEach(sk -> expiries.computeIfAbsent(tenantId, t -> new TreeMap<>()).put(sk, auditExpiresAt));
            if (!expiring.isEmpty()) {
                offboarding.auditDone = expiring.get(expiring.size() - 1);
            }
            boolean usersLeft = users.keySet().stream().anyMatch(key -> key.get(0).equals(tenantId));
            boolean auditLeft = !entries.tailMap(offboarding.auditDone, false).isEmpty();
            if (usersLeft || auditLeft) {
                return new OffboardingProgress(offboarding.erased, false);
            }
            offboardings.remove(tenantId);
            return new OffboardingProgress(offboarding.erased, true);
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    private void called(String method) {
        if (unavailable) {
            throw new StoreUnavailableException("The in-memory store was told not to answer: " + method, null);
        }
        calls.add(method);
    }

    private void requireTenant(String tenantId) {
        if (!tenants.containsKey(tenantId)) {
            throw new TenantNotProvisionedException();
        }
    }

    /** The counts by their definition: what the adapter's kept counts must equal. */
    private TenantCounts count(Tenant tenant) {
        long connected = 0;
        long selected = 0;
        Map<String, Long> groups = new HashMap<>();
        for (Map.Entry<List<String>, UserFacts> user : users.entrySet()) {
            if (!user.getKey().get(0).equals(tenant.tenantId())) {
                continue;
            }
            UserFacts facts = user.getValue();
            if (facts.connection().filter(c -> c.consentEpoch() == tenant.consentEpoch()).isPresent()) {
                connected++;
            }
            if (facts.selectedOneByOne()) {
                selected++;
            }
            facts.groupIds().forEach(group -> groups.merge(group, 1L, Long::sum));
        }
        return new TenantCounts(connected, selected, groups);
    }

    private void audit(String tenantId, AuditEntry entry) {
        String sk = String.format(Locale.ROOT, "T#%013d#%08x", Math.max(0, entry.when().toEpochMilli()),
                sequence.getAndIncrement());
        audits.computeIfAbsent(tenantId, id -> new TreeMap<>()).put(sk, entry);
    }

    private UserFacts facts(String tenantId, String userId) {
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
