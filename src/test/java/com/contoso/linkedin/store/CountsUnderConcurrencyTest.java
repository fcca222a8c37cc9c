package com.contoso.linkedin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantCounts;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.dynamodb.DynamoDbLinkedInStore;
import com.contoso.linkedin.support.SharedDynamoDbLocal;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The counts item stays exact under concurrency: threads connect, disconnect, select, deselect,
 * sync groups, erase users and switch the tenant to DISABLED and back, all at once, on a few
 * users (so that they race), through the real adapter on DynamoDB Local. Afterwards the counts
 * must be what reading every user counts. Operations may lose their races for good (503 then,
 * nothing half done); whatever they did must be counted exactly.
 */
class CountsUnderConcurrencyTest {
    private static final String TABLE = "counts-under-concurrency";
    private static final int THREADS = 4;
    private static final int OPERATIONS_PER_THREAD = 80;

    private static DynamoDbClient dynamo;
    private static DynamoDbLinkedInStore store;

    @BeforeAll
    static void connect() {
        dynamo = SharedDynamoDbLocal.client();
        store = SharedDynamoDbLocal.store(dynamo, TABLE);
    }

    @AfterAll
    static void disconnect() {
        dynamo.close();
    }

    @Test
    void counts_equalAFullCount_afterRandomConcurrentWrites() throws Exception {
        String tenantId = UUID.randomUUID().toString();
        TenantProfile profile = new TenantProfile(Cloud.PUBLIC, "US", true, true);
        store.saveProfile(tenantId, profile, Optional.empty(), false, false,
                new AuditEntry("operator", Instant.now(), null, null, new AuditEntry.TenantRecordChanged(Optional.empty(), profile)));
        List<String> users = IntStream.range(0, 6).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<String> groups = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(20261130L + t);
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                        String outcome = operate(random, tenantId, users, groups);
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : done) {
                thread.get();
            }
        } finally {
            threads.shutdownNow();
        }

        Tenant tenant = store.findTenant(tenantId).orElseThrow();
        TenantCounts kept = store.findTenantWithCounts(tenantId).orElseThrow().counts();
        assertEquals(fullCount(tenant, store.findUsers(tenantId, users)), withoutZeros(kept), outcomes::toString);
        int succeeded = outcomes.entrySet().stream().filter(e -> e.getKey().endsWith(":ok"))
                .mapToInt(e -> e.getValue().get()).sum();
        assertTrue(succeeded > THREADS * OPERATIONS_PER_THREAD / 2, () -> "most operations succeed: " + outcomes);
    }

    /**
     * The narrowest race, staged: the tenant switches to DISABLED between a connect's read and its
     * write. The write must fail on the tenant's epoch and, read again, be refused: a connection of
     * the epoch left would never count, but counted it would stay in the count forever.
     */
    @Test
    void aConnect_racingASwitchToDisabled_isRefused_andNotCounted() {
        String tenantId = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        TenantProfile profile = new TenantProfile(Cloud.PUBLIC, "US", true, true);
        store.saveProfile(tenantId, profile, Optional.empty(), false, false,
                new AuditEntry("operator", Instant.now(), null, null, new AuditEntry.TenantRecordChanged(Optional.empty(), profile)));
        AtomicInteger switches = new AtomicInteger();
        ExecutionInterceptor switchFirst = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof TransactWriteItemsRequest write
                        && write.transactItems().stream().anyMatch(item -> item.conditionCheck() != null)
                        && switches.getAndIncrement() == 0) {
                    switchMode(tenantId); // the other writer, on the plain client
                }
            }
        };
        try (DynamoDbClient racing = SharedDynamoDbLocal.clientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(switchFirst)).build()) {
            DynamoDbLinkedInStore racingStore = SharedDynamoDbLocal.store(racing, TABLE);

            long epochRead = store.findTenant(tenantId).orElseThrow().consentEpoch();
            org.junit.jupiter.api.Assertions.assertThrows(ConcurrentChangeException.class,
                    () -> racingStore.connect(tenantId, user, Consent.BOTH_WAYS, epochRead, Instant.now()));
        }

        assertEquals(1, switches.get(), "one write attempted; read again, the epoch had moved");
        assertEquals(Optional.empty(), store.findUser(tenantId, user).connection());
        assertEquals(0, store.findTenantWithCounts(tenantId).orElseThrow().counts().connected());
    }

    /** One random operation; what became of it, for the message. */
    private static String operate(Random random, String tenantId, List<String> users, List<String> groups) {
        String user = users.get(random.nextInt(users.size()));
        String group = groups.get(random.nextInt(groups.size()));
        AuditEntry.Stamp stamp = new AuditEntry.Stamp("admin", Instant.now(), null);
        int kind = random.nextInt(100);
        String name = kind < 25 ? "connect" : kind < 40 ? "disconnect" : kind < 55 ? "select" : kind < 75 ? "sync"
                : kind < 90 ? "erase" : "switch";
        try {
            switch (name) {
                case "connect" -> {
                    Tenant tenant = store.findTenant(tenantId).orElseThrow();
                    store.connect(tenantId, user, random.nextBoolean() ? Consent.BOTH_WAYS : Consent.LINKEDIN_TO_MICROSOFT,
                            tenant.consentEpoch(), Instant.now());
                }
                case "disconnect" -> store.disconnect(tenantId, user);
                case "select" -> store.setSelectedOneByOne(tenantId, user, random.nextBoolean(), stamp);
                case "sync" -> {
                    Set<String> some = Set.copyOf(users.subList(random.nextInt(users.size()), users.size()));
                    if (random.nextBoolean()) {
                        store.updateGroupMembers(tenantId, group, some, Set.of(), stamp);
                    } else {
                        store.updateGroupMembers(tenantId, group, Set.of(), some, stamp);
                    }
                }
                case "erase" -> store.eraseUser(tenantId, user, stamp);
                default -> switchMode(tenantId);
            }
            return name + ":ok";
        } catch (ConcurrentChangeException | StoreUnavailableException lost) {
            return name + ":" + lost.getClass().getSimpleName();
        }
    }

    /** DISABLED (which moves the consent epoch on) or back to ENABLED, as the setting service writes it. */
    private static void switchMode(String tenantId) {
        Tenant tenant = store.findTenant(tenantId).orElseThrow();
        IntegrationMode next = tenant.setting().mode() == IntegrationMode.DISABLED ? IntegrationMode.ENABLED
                : IntegrationMode.DISABLED;
        long version = tenant.etagVersion() + 1;
        store.saveSetting(tenantId, tenant.etagVersion(), new TenantSetting(next, null, version, Instant.now(), "admin"),
                next == IntegrationMode.DISABLED, AuditEntry.setting(version, "admin", Instant.now(),
                        SettingState.of(tenant.setting()), new SettingState(next, null), null, null));
    }

    /** The counts by their definition, from every user read. */
    private static TenantCounts fullCount(Tenant tenant, List<UserFacts> users) {
        long connected = users.stream().filter(u -> u.connection().filter(c -> c.consentEpoch() == tenant.consentEpoch())
                .isPresent()).count();
        long selected = users.stream().filter(UserFacts::selectedOneByOne).count();
        Map<String, Long> groups = new HashMap<>();
        users.forEach(u -> u.groupIds().forEach(g -> groups.merge(g, 1L, Long::sum)));
        return new TenantCounts(connected, selected, groups);
    }

    /** A group whose members all left keeps its count, at 0. */
    private static TenantCounts withoutZeros(TenantCounts counts) {
        Map<String, Long> groups = new HashMap<>(counts.membersByGroup());
        groups.values().removeIf(count -> count == 0);
        return new TenantCounts(counts.connected(), counts.selectedOneByOne(), groups);
    }
}
