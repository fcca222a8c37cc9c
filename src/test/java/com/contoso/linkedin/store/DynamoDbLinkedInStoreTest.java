package com.contoso.linkedin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.SettingState;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;

import io.quarkus.test.junit.QuarkusTest;

/** The DynamoDB adapter against DynamoDB Local: no mock of the SDK anywhere. */
@QuarkusTest
class DynamoDbLinkedInStoreTest {

    @Inject
    LinkedInStore store;

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private String tenant() {
        String tenantId = id();
        store.saveProfile(tenantId, new TenantProfile(Cloud.PUBLIC, "US", true, true), Optional.empty(), false,
                Instant.now());
        return tenantId;
    }

    private static AuditEntry audit(long version, IntegrationMode before, IntegrationMode after) {
        return new AuditEntry(version, "admin", Instant.now(), new SettingState(before, null),
                new SettingState(after, null), null, "req");
    }

    private static TenantSetting setting(IntegrationMode mode, long version) {
        return new TenantSetting(mode, null, version, Instant.now(), "admin");
    }

    @Test
    void saveProfile_refusesToCreateATenantTwice() {
        String tenantId = tenant();

        assertThrows(ConcurrentChangeException.class, () -> store.saveProfile(tenantId,
                new TenantProfile(Cloud.PUBLIC, "DE", true, true), Optional.empty(), false, Instant.now()));
        assertEquals("US", store.findTenant(tenantId).orElseThrow().profile().countryCode());
    }

    @Test
    void saveSetting_isConditionalOnTheVersion_andWritesItsAuditEntryInTheSameTransaction() {
        String tenantId = tenant();
        store.saveSetting(tenantId, 0, setting(IntegrationMode.DISABLED, 1), true,
                audit(1, IntegrationMode.ENABLED, IntegrationMode.DISABLED));

        assertThrows(ConcurrentChangeException.class, () -> store.saveSetting(tenantId, 0,
                setting(IntegrationMode.ENABLED, 1), false, audit(1, IntegrationMode.ENABLED, IntegrationMode.ENABLED)));

        Tenant tenant = store.findTenant(tenantId).orElseThrow();
        assertEquals(IntegrationMode.DISABLED, tenant.setting().mode());
        assertEquals(1, tenant.consentEpoch());
        var entries = store.listAudit(tenantId, 10, Optional.empty()).entries();
        assertEquals(1, entries.size());
        assertEquals(IntegrationMode.DISABLED, entries.get(0).after().mode());
    }

    @Test
    void saveSetting_changesNothing_whenItsAuditEntryCannotBeWritten() {
        String tenantId = tenant();
        store.saveSetting(tenantId, 0, setting(IntegrationMode.DISABLED, 1), true,
                audit(1, IntegrationMode.ENABLED, IntegrationMode.DISABLED));
        store.saveSetting(tenantId, 1, setting(IntegrationMode.ENABLED, 2), false,
                audit(2, IntegrationMode.DISABLED, IntegrationMode.ENABLED));

        // The setting half would succeed (version 2 is current) but an audit entry for version 2
        // exists already: the transaction must fail as a whole.
        assertThrows(ConcurrentChangeException.class, () -> store.saveSetting(tenantId, 2,
                setting(IntegrationMode.DISABLED, 3), true, audit(2, IntegrationMode.ENABLED, IntegrationMode.DISABLED)));

        Tenant tenant = store.findTenant(tenantId).orElseThrow();
        assertEquals(IntegrationMode.ENABLED, tenant.setting().mode(), "the setting half was rolled back");
        assertEquals(2, tenant.setting().version());
        assertEquals(1, tenant.consentEpoch());
        assertEquals(2, store.listAudit(tenantId, 10, Optional.empty()).entries().size());
    }

    @Test
    void saveSetting_neverEnablesATenantOutsideThePublicCloud() {
        String tenantId = id();
        store.saveProfile(tenantId, new TenantProfile(Cloud.CHINA, "CN", true, true), Optional.empty(), false,
                Instant.now());

        assertThrows(ConcurrentChangeException.class, () -> store.saveSetting(tenantId, 0,
                setting(IntegrationMode.ENABLED, 1), false, audit(1, IntegrationMode.ENABLED, IntegrationMode.ENABLED)));
        assertTrue(store.listAudit(tenantId, 10, Optional.empty()).entries().isEmpty());
    }

    @Test
    void findUsers_answersInOrder_withDuplicatesAndDefaults_acrossMoreThanOneBatch() {
        String tenantId = tenant();
        List<String> users = new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> id()).toList());
        store.connect(tenantId, users.get(0), Consent.BOTH_WAYS, 0, Instant.now());
        store.setProfileVisibility(tenantId, users.get(149), false);
        users.add(users.get(0));

        List<UserFacts> facts = store.findUsers(tenantId, users);

        assertEquals(151, facts.size());
        assertTrue(facts.get(0).connection().isPresent());
        assertTrue(facts.get(150).connection().isPresent());
        assertEquals(false, facts.get(149).profileVisibleInMicrosoftApps());
        assertEquals(UserFacts.unknown(), facts.get(1));
    }

    @Test
    void users_ofOneTenant_areNotTheSameUsersOfAnother() {
        String first = tenant();
        String second = tenant();
        String userId = id();

        store.setSelectedOneByOne(first, userId, true);

        assertTrue(store.findUser(first, userId).selectedOneByOne());
        assertEquals(UserFacts.unknown(), store.findUser(second, userId));
    }

    @Test
    void groupMembership_addAndRemove_areSetOperations() {
        String tenantId = tenant();
        String userId = id();
        String a = id();
        String b = id();

        store.updateGroupMembers(tenantId, a, Set.of(userId), Set.of());
        store.updateGroupMembers(tenantId, b, Set.of(userId), Set.of());
        store.updateGroupMembers(tenantId, a, Set.of(userId), Set.of());
        store.updateGroupMembers(tenantId, a, Set.of(), Set.of(userId));

        assertEquals(Set.of(b), store.findUser(tenantId, userId).groupIds());
    }

    @Test
    void disconnect_ofAUserWhoNeverConnected_createsNothing() {
        String tenantId = tenant();
        String userId = id();

        store.disconnect(tenantId, userId);

        assertEquals(UserFacts.unknown(), store.findUser(tenantId, userId));
    }
}
