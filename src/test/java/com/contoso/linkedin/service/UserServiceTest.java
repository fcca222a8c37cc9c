package com.contoso.linkedin.service;

import static com.contoso.linkedin.service.Given.CONFIG;
import static com.contoso.linkedin.service.Given.FIRST_EPOCH;
import static com.contoso.linkedin.service.Given.CLOCK;
import static com.contoso.linkedin.service.Given.NOW;
import static com.contoso.linkedin.service.Given.id;
import static com.contoso.linkedin.service.Given.setting;
import static com.contoso.linkedin.service.Given.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Connection;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.RefusedException;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.InMemoryLinkedInStore;

/** What users set for themselves, and the Office policy set for them (SPEC 2 and 4). */
class UserServiceTest {

    private final InMemoryLinkedInStore store = new InMemoryLinkedInStore();
    private final UserService users = new UserService(store, CLOCK, CONFIG);

    private Optional<Connection> connection(String tenantId, String userId) {
        return store.findUser(tenantId, userId).connection();
    }

    private Reason refusal(String tenantId, String userId) {
        RefusedException refused = assertThrows(RefusedException.class,
                () -> users.connect(tenantId, userId, Consent.BOTH_WAYS));
        assertEquals(Optional.empty(), connection(tenantId, userId), "nothing connected");
        return refused.reason();
    }

    @Test
    void connect_recordsTheConnection_atTheTenantsCurrentConsentEpoch() {
        String tenantId = tenant(store);
        setting(store, tenantId, IntegrationMode.DISABLED);
        setting(store, tenantId, IntegrationMode.ENABLED);
        String userId = id();

        users.connect(tenantId, userId, Consent.LINKEDIN_TO_MICROSOFT);

        assertEquals(Optional.of(new Connection(Consent.LINKEDIN_TO_MICROSOFT, FIRST_EPOCH + 1, NOW)), connection(tenantId, userId));
    }

    @Test
    void connect_isRefusedTenantNotProvisioned_whenTheTenantHasNoRecord() {
        assertEquals(Reason.TENANT_NOT_PROVISIONED, refusal(id(), id()));
    }

    @Test
    void connect_isRefusedNotSelected_whenTheUserIsOutsideTheSelectedGroup() {
        String tenantId = tenant(store);
        setting(store, tenantId, IntegrationMode.SELECTED, id());

        assertEquals(Reason.NOT_SELECTED, refusal(tenantId, id()));
    }

    @Test
    void connect_isRefusedDisabledByTenant_whenTheTenantDisabledTheIntegration() {
        String tenantId = tenant(store);
        setting(store, tenantId, IntegrationMode.DISABLED);

        assertEquals(Reason.DISABLED_BY_TENANT, refusal(tenantId, id()));
    }

    @Test
    void connect_isRefusedNotRolledOut_beforeTheIntegrationReachedTheTenant() {
        String tenantId = tenant(store, new TenantProfile(Cloud.PUBLIC, "US", false, true));

        assertEquals(Reason.NOT_ROLLED_OUT, refusal(tenantId, id()));
    }

    @Test
    void connect_isRefusedCloudNotSupported_outsideThePublicCloud() {
        String tenantId = tenant(store, new TenantProfile(Cloud.GERMANY, "DE", true, true));

        assertEquals(Reason.CLOUD_NOT_SUPPORTED, refusal(tenantId, id()));
    }

    @Test
    void connect_isRefusedUserConsentNotAllowed_whenTheTenantDoesNotLetUsersConsentToApps() {
        String tenantId = tenant(store, new TenantProfile(Cloud.PUBLIC, "US", true, false));

        assertEquals(Reason.USER_CONSENT_NOT_ALLOWED, refusal(tenantId, id()));
    }

    @Test
    void connect_givesTheEligibilityReasonFirst_whenBothRulesRefuse() {
        String tenantId = tenant(store, new TenantProfile(Cloud.PUBLIC, "US", false, false));

        assertEquals(Reason.NOT_ROLLED_OUT, refusal(tenantId, id()));
    }

    @Test
    void connect_isAllowed_forAUserSelectedOneByOne_whileTheTenantSelectsAGroup() {
        String tenantId = tenant(store);
        setting(store, tenantId, IntegrationMode.SELECTED, id());
        String userId = id();
        store.setSelectedOneByOne(tenantId, userId, true, new AuditEntry.Stamp("admin", NOW, null));

        users.connect(tenantId, userId, Consent.BOTH_WAYS);

        assertTrue(connection(tenantId, userId).isPresent());
    }

    @Test
    void connect_ignoresTheOfficePolicy_whichGovernsOfficeDesktopOnly() {
        String tenantId = tenant(store);
        String userId = id();
        store.setOfficePolicy(tenantId, userId, OfficePolicy.DISABLED);

        users.connect(tenantId, userId, Consent.BOTH_WAYS);

        assertTrue(connection(tenantId, userId).isPresent());
    }

    @Test
    void disconnect_removesTheConnection() {
        String tenantId = tenant(store);
        String userId = id();
        users.connect(tenantId, userId, Consent.BOTH_WAYS);

        users.disconnect(tenantId, userId);

        assertEquals(Optional.empty(), connection(tenantId, userId));
    }

    @Test
    void disconnect_isAllowed_whenTheUserIsNoLongerEligible() {
        String tenantId = tenant(store);
        String userId = id();
        users.connect(tenantId, userId, Consent.BOTH_WAYS);
        setting(store, tenantId, IntegrationMode.SELECTED, id());

        users.disconnect(tenantId, userId);

        assertEquals(Optional.empty(), connection(tenantId, userId));
    }

    @Test
    void disconnect_isAllowed_whenTheTenantHasNoRecord_andReadsNothing() {
        users.disconnect(id(), id());

        assertEquals(List.of("disconnect"), store.calls());
    }

    @Test
    void disconnect_isIdempotent() {
        String tenantId = tenant(store);
        String userId = id();
        users.connect(tenantId, userId, Consent.BOTH_WAYS);

        users.disconnect(tenantId, userId);
        users.disconnect(tenantId, userId);

        assertEquals(Optional.empty(), connection(tenantId, userId));
    }

    @Test
    void setProfileVisibility_hidesTheUsersLinkedInProfile() {
        String tenantId = tenant(store);
        String userId = id();

        users.setProfileVisibility(tenantId, userId, false);

        assertFalse(store.findUser(tenantId, userId).profileVisibleInMicrosoftApps());
    }

    @Test
    void setProfileVisibility_isTenantNotProvisioned_andWritesNothing_whenTheTenantHasNoRecord() {
        String tenantId = id();
        String userId = id();

        assertThrows(TenantNotProvisionedException.class, () -> users.setProfileVisibility(tenantId, userId, false));

        assertEquals(UserFacts.unknown(), store.findUser(tenantId, userId));
    }

    @Test
    void setOfficeOption_turnsTheUsersOfficeFeaturesOff_whileNoPolicyIsConfigured() {
        String tenantId = tenant(store);
        String userId = id();

        users.setOfficeOption(tenantId, userId, false);

        assertFalse(store.findUser(tenantId, userId).officeFeaturesOn());
    }

    @Test
    void setOfficeOption_isRefusedOptionLockedByPolicy_whenAPolicyIsConfigured() {
        String tenantId = tenant(store);
        String userId = id();
        users.setOfficePolicy(tenantId, userId, OfficePolicy.ENABLED);

        RefusedException refused = assertThrows(RefusedException.class,
                () -> users.setOfficeOption(tenantId, userId, false));

        assertEquals(Reason.OPTION_LOCKED_BY_POLICY, refused.reason());
        assertTrue(store.findUser(tenantId, userId).officeFeaturesOn());
    }

    @Test
    void setOfficeOption_isTenantNotProvisioned_whenTheTenantHasNoRecord() {
        assertThrows(TenantNotProvisionedException.class, () -> users.setOfficeOption(id(), id(), false));
    }

    @Test
    void setOfficePolicy_locksTheUsersOfficeFeaturesToItsValue() {
        String tenantId = tenant(store);
        String userId = id();
        users.setOfficeOption(tenantId, userId, true);

        users.setOfficePolicy(tenantId, userId, OfficePolicy.DISABLED);

        assertFalse(store.findUser(tenantId, userId).officeFeaturesOn());
    }

    @Test
    void setOfficePolicy_isTenantNotProvisioned_andWritesNothing_whenTheTenantHasNoRecord() {
        String tenantId = id();
        String userId = id();

        assertThrows(TenantNotProvisionedException.class,
                () -> users.setOfficePolicy(tenantId, userId, OfficePolicy.DISABLED));

        assertEquals(UserFacts.unknown(), store.findUser(tenantId, userId));
    }
}
