package com.contoso.linkedin.domain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The eligibility decision of SPEC section 3 and the domain rules of section 2 it rests on, as
 * plain Java: no Quarkus, no store. Every case builds its own immutable inputs, so the cases can
 * run in any order.
 */
class EligibilityRulesTest {

    // ---------------------------------------------------------------------------------------
    // Fixtures: ids, epochs, and builders for tenants and users
    // ---------------------------------------------------------------------------------------

    private static final String TENANT_ID = "0b1c5a4e-6f2d-4c3b-9a8e-7d6f5e4c3b2a";
    private static final String SELECTED_GROUP = "6a3f1c2e-8b4d-4e5f-9a0b-1c2d3e4f5a6b";
    private static final String OTHER_GROUP = "d7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01";
    private static final Instant WRITTEN_AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant CONNECTED_AT = Instant.parse("2026-11-27T11:00:00Z");

    /** The consent epoch of the tenants below: three switches to DISABLED have happened. */
    private static final long CURRENT_EPOCH = 3;

    /** The reasons of rules 1 to 4, which depend on the tenant alone. */
    private static final Set<Reason> TENANT_LEVEL_REASONS = Set.of(
            Reason.TENANT_NOT_PROVISIONED, Reason.CLOUD_NOT_SUPPORTED, Reason.NOT_ROLLED_OUT,
            Reason.DISABLED_BY_TENANT);

    private static final Optional<Tenant> NO_TENANT_RECORD = Optional.empty();

    /** A rolled-out tenant of the public cloud, provisioned in the US, setting never written. */
    private static TenantBuilder tenant() {
        return new TenantBuilder();
    }

    /** A user the store has never heard of: the defaults of {@link UserFacts#unknown()}. */
    private static UserBuilder user() {
        return new UserBuilder();
    }

    /**
     * A user who passes every user-level rule and whose connection counts, so that an eligible
     * answer turns every capability on and a not-eligible one must turn them all off.
     */
    private static UserBuilder connectedMember() {
        return user().inGroups(SELECTED_GROUP).connected(Consent.BOTH_WAYS, CURRENT_EPOCH);
    }

    private static Decision decide(Tenant tenant, UserFacts user, Client client) {
        return EligibilityRules.decide(Optional.of(tenant), user, client);
    }

    private static final class TenantBuilder {
        private Cloud cloud = Cloud.PUBLIC;
        private String countryCode = "US";
        private boolean rolledOut = true;
        private Optional<TenantSetting> writtenSetting = Optional.empty();
        private long consentEpoch = CURRENT_EPOCH;

        TenantBuilder inCloud(Cloud value) {
            cloud = value;
            return this;
        }

        TenantBuilder provisionedIn(String value) {
            countryCode = value;
            return this;
        }

        TenantBuilder notRolledOut() {
            rolledOut = false;
            return this;
        }

        /** An admin wrote ENABLED or DISABLED (version 1). */
        TenantBuilder written(IntegrationMode mode) {
            writtenSetting = Optional.of(new TenantSetting(mode, null, 1, WRITTEN_AT, "admin"));
            return this;
        }

        /** An admin wrote SELECTED for {@link #SELECTED_GROUP} (version 1). */
        TenantBuilder writtenSelected() {
            writtenSetting = Optional.of(
                    new TenantSetting(IntegrationMode.SELECTED, SELECTED_GROUP, 1, WRITTEN_AT, "admin"));
            return this;
        }

        TenantBuilder consentEpoch(long value) {
            consentEpoch = value;
            return this;
        }

        Tenant build() {
            return new Tenant(TENANT_ID, new TenantProfile(cloud, countryCode, rolledOut, true), writtenSetting,
                    consentEpoch);
        }

        Optional<Tenant> provisioned() {
            return Optional.of(build());
        }
    }

    private static final class UserBuilder {
        private final UserFacts defaults = UserFacts.unknown();
        private Set<String> groupIds = defaults.groupIds();
        private boolean selectedOneByOne = defaults.selectedOneByOne();
        private Optional<Connection> connection = defaults.connection();
        private boolean profileVisible = defaults.profileVisibleInMicrosoftApps();
        private OfficePolicy officePolicy = defaults.officePolicy();
        private boolean officeOptionOn = defaults.officeOptionOn();

        UserBuilder inGroups(String... ids) {
            groupIds = Set.of(ids);
            return this;
        }

        UserBuilder inNoGroup() {
            groupIds = Set.of();
            return this;
        }

        UserBuilder selectedOneByOne() {
            selectedOneByOne = true;
            return this;
        }

        UserBuilder connected(Consent consent, long consentEpoch) {
            connection = Optional.of(new Connection(consent, consentEpoch, CONNECTED_AT));
            return this;
        }

        UserBuilder profileHiddenFromMicrosoftApps() {
            profileVisible = false;
            return this;
        }

        UserBuilder officePolicy(OfficePolicy value) {
            officePolicy = value;
            return this;
        }

        UserBuilder officeOption(boolean on) {
            officeOptionOn = on;
            return this;
        }

        UserFacts build() {
            return new UserFacts(groupIds, selectedOneByOne, connection, profileVisible, officePolicy, officeOptionOn);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Assertions
    // ---------------------------------------------------------------------------------------

    private static void assertNotEligible(Reason expected, Decision decision) {
        assertAll(
                () -> assertEquals(expected, decision.reason(), "reason"),
                () -> assertFalse(decision.eligible(), "eligible"),
                () -> assertFalse(decision.showPublicLinkedInInfo(), "showPublicLinkedInInfo"),
                () -> assertFalse(decision.connected(), "connected"),
                () -> assertFalse(decision.showConnectedLinkedInInfo(), "showConnectedLinkedInInfo"),
                () -> assertFalse(decision.shareWorkDataWithLinkedIn(), "shareWorkDataWithLinkedIn"));
    }

    private static void assertEligible(Decision decision, boolean connected, boolean shareWorkData) {
        assertAll(
                () -> assertEquals(Reason.ELIGIBLE, decision.reason(), "reason"),
                () -> assertTrue(decision.eligible(), "eligible"),
                () -> assertTrue(decision.showPublicLinkedInInfo(), "showPublicLinkedInInfo"),
                () -> assertEquals(connected, decision.connected(), "connected"),
                () -> assertEquals(connected, decision.showConnectedLinkedInInfo(), "showConnectedLinkedInInfo"),
                () -> assertEquals(shareWorkData, decision.shareWorkDataWithLinkedIn(), "shareWorkDataWithLinkedIn"));
    }

    private static void assertCard(Card card, boolean show, CardLevel level, Reason reason) {
        assertAll(
                () -> assertEquals(show, card.show(), "show"),
                () -> assertEquals(level, card.level(), "level"),
                () -> assertEquals(reason, card.reason(), "reason"));
    }

    // ---------------------------------------------------------------------------------------
    // The decision table, row by row and in order: the first rule that fails gives the reason
    // ---------------------------------------------------------------------------------------

    /** One row: who asks, from which client, and the reason the table gives. */
    record Row(Optional<Tenant> tenant, UserFacts user, Client client, Reason expected) {
    }

    private static Arguments row(String name, Optional<Tenant> tenant, UserBuilder user, Client client,
            Reason expected) {
        return arguments(Named.of(name, new Row(tenant, user.build(), client, expected)));
    }

    static Stream<Arguments> decisionTable() {
        Client card = Client.PROFILE_CARD;
        Client desktop = Client.OFFICE_DESKTOP;
        return Stream.of(
                // Rule 1: the tenant record exists
                row("1 TENANT_NOT_PROVISIONED: no tenant record",
                        NO_TENANT_RECORD, connectedMember(), card, Reason.TENANT_NOT_PROVISIONED),
                row("1 TENANT_NOT_PROVISIONED before 6: no tenant record, Office policy DISABLED on Office desktop",
                        NO_TENANT_RECORD, connectedMember().officePolicy(OfficePolicy.DISABLED), desktop,
                        Reason.TENANT_NOT_PROVISIONED),

                // Rule 2: cloud is PUBLIC, whatever the setting says
                row("2 CLOUD_NOT_SUPPORTED: US_GOVERNMENT cloud, setting written ENABLED",
                        tenant().inCloud(Cloud.US_GOVERNMENT).written(IntegrationMode.ENABLED).provisioned(),
                        connectedMember(), card, Reason.CLOUD_NOT_SUPPORTED),
                row("2 CLOUD_NOT_SUPPORTED: CHINA cloud, setting written ENABLED",
                        tenant().inCloud(Cloud.CHINA).written(IntegrationMode.ENABLED).provisioned(),
                        connectedMember(), card, Reason.CLOUD_NOT_SUPPORTED),
                row("2 CLOUD_NOT_SUPPORTED: GERMANY cloud, setting written ENABLED",
                        tenant().inCloud(Cloud.GERMANY).written(IntegrationMode.ENABLED).provisioned(),
                        connectedMember(), card, Reason.CLOUD_NOT_SUPPORTED),
                row("2 CLOUD_NOT_SUPPORTED: CHINA cloud, setting never written (default ENABLED)",
                        tenant().inCloud(Cloud.CHINA).provisioned(),
                        connectedMember(), desktop, Reason.CLOUD_NOT_SUPPORTED),
                row("2 CLOUD_NOT_SUPPORTED before 3: GERMANY cloud, not rolled out",
                        tenant().inCloud(Cloud.GERMANY).notRolledOut().provisioned(),
                        connectedMember(), card, Reason.CLOUD_NOT_SUPPORTED),
                row("2 CLOUD_NOT_SUPPORTED before 4: US_GOVERNMENT cloud, setting written DISABLED",
                        tenant().inCloud(Cloud.US_GOVERNMENT).written(IntegrationMode.DISABLED).provisioned(),
                        connectedMember(), card, Reason.CLOUD_NOT_SUPPORTED),

                // Rule 3: rolled out
                row("3 NOT_ROLLED_OUT: public cloud, not rolled out, setting written ENABLED",
                        tenant().notRolledOut().written(IntegrationMode.ENABLED).provisioned(),
                        connectedMember(), card, Reason.NOT_ROLLED_OUT),
                row("3 NOT_ROLLED_OUT before 4: not rolled out, provisioned in DE (default DISABLED)",
                        tenant().notRolledOut().provisionedIn("DE").provisioned(),
                        connectedMember(), card, Reason.NOT_ROLLED_OUT),
                row("3 NOT_ROLLED_OUT before 5: not rolled out, SELECTED, user in another group",
                        tenant().notRolledOut().writtenSelected().provisioned(),
                        connectedMember().inGroups(OTHER_GROUP), card, Reason.NOT_ROLLED_OUT),

                // Rule 4: effective mode is not DISABLED
                row("4 DISABLED_BY_TENANT: setting written DISABLED",
                        tenant().written(IntegrationMode.DISABLED).provisioned(),
                        connectedMember(), card, Reason.DISABLED_BY_TENANT),
                row("4 DISABLED_BY_TENANT: setting never written, provisioned in FR (default DISABLED)",
                        tenant().provisionedIn("FR").provisioned(),
                        connectedMember(), card, Reason.DISABLED_BY_TENANT),
                row("4 DISABLED_BY_TENANT before 5 and 6: DISABLED, user in no group, Office policy DISABLED",
                        tenant().written(IntegrationMode.DISABLED).provisioned(),
                        connectedMember().inNoGroup().officePolicy(OfficePolicy.DISABLED), desktop,
                        Reason.DISABLED_BY_TENANT),

                // Rule 5: ENABLED, or in the selected group, or selected one by one
                row("5 NOT_SELECTED: SELECTED, user in no group",
                        tenant().writtenSelected().provisioned(),
                        connectedMember().inNoGroup(), card, Reason.NOT_SELECTED),
                row("5 NOT_SELECTED: SELECTED, user in another group",
                        tenant().writtenSelected().provisioned(),
                        connectedMember().inGroups(OTHER_GROUP), card, Reason.NOT_SELECTED),
                row("5 NOT_SELECTED before 6: SELECTED, user in another group, Office policy DISABLED",
                        tenant().writtenSelected().provisioned(),
                        connectedMember().inGroups(OTHER_GROUP).officePolicy(OfficePolicy.DISABLED), desktop,
                        Reason.NOT_SELECTED),

                // Rule 6: OFFICE_DESKTOP only, policy is not DISABLED
                row("6 DISABLED_BY_OFFICE_POLICY: Office desktop, policy DISABLED, user's option on",
                        tenant().provisioned(),
                        connectedMember().officePolicy(OfficePolicy.DISABLED).officeOption(true), desktop,
                        Reason.DISABLED_BY_OFFICE_POLICY),
                row("6 DISABLED_BY_OFFICE_POLICY: SELECTED group member, Office desktop, policy DISABLED",
                        tenant().writtenSelected().provisioned(),
                        connectedMember().officePolicy(OfficePolicy.DISABLED), desktop,
                        Reason.DISABLED_BY_OFFICE_POLICY),
                row("6 DISABLED_BY_OFFICE_POLICY before 7: Office desktop, policy DISABLED, user's option off",
                        tenant().provisioned(),
                        connectedMember().officePolicy(OfficePolicy.DISABLED).officeOption(false), desktop,
                        Reason.DISABLED_BY_OFFICE_POLICY),

                // Rule 7: OFFICE_DESKTOP only, policy ENABLED or the user's option on
                row("7 DISABLED_BY_USER: Office desktop, policy NOT_CONFIGURED, user's option off",
                        tenant().provisioned(),
                        connectedMember().officeOption(false), desktop, Reason.DISABLED_BY_USER),
                row("7 DISABLED_BY_USER: user selected one by one, Office desktop, user's option off",
                        tenant().writtenSelected().provisioned(),
                        connectedMember().inNoGroup().selectedOneByOne().officeOption(false), desktop,
                        Reason.DISABLED_BY_USER),

                // All rules hold
                row("ELIGIBLE: setting written ENABLED, profile card",
                        tenant().written(IntegrationMode.ENABLED).provisioned(),
                        connectedMember().inNoGroup(), card, Reason.ELIGIBLE),
                row("ELIGIBLE: setting never written in the US, Office desktop, option on",
                        tenant().provisioned(),
                        connectedMember(), desktop, Reason.ELIGIBLE),
                row("ELIGIBLE: SELECTED, user in the selected group",
                        tenant().writtenSelected().provisioned(),
                        connectedMember().inGroups(OTHER_GROUP, SELECTED_GROUP), card, Reason.ELIGIBLE),
                row("ELIGIBLE: SELECTED, user in no group but selected one by one (legacy)",
                        tenant().writtenSelected().provisioned(),
                        connectedMember().inNoGroup().selectedOneByOne(), card, Reason.ELIGIBLE),
                row("ELIGIBLE: Office desktop, policy ENABLED overrides the user's option off",
                        tenant().provisioned(),
                        connectedMember().officePolicy(OfficePolicy.ENABLED).officeOption(false), desktop,
                        Reason.ELIGIBLE),
                row("ELIGIBLE: profile card ignores the Office policy DISABLED",
                        tenant().provisioned(),
                        connectedMember().officePolicy(OfficePolicy.DISABLED), card, Reason.ELIGIBLE),
                row("ELIGIBLE: profile card ignores the user's Office option off",
                        tenant().provisioned(),
                        connectedMember().officeOption(false), card, Reason.ELIGIBLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionTable")
    void decision_givesReasonOfFirstFailingRule(Row row) {
        // when
        Decision decision = EligibilityRules.decide(row.tenant(), row.user(), row.client());

        // then: the user of every row has a counting BOTH_WAYS connection, so every capability
        // is on exactly when the answer is eligible
        boolean eligible = row.expected() == Reason.ELIGIBLE;
        assertAll(
                () -> assertEquals(row.expected(), decision.reason(), "reason"),
                () -> assertEquals(eligible, decision.eligible(), "eligible"),
                () -> assertEquals(eligible, decision.showPublicLinkedInInfo(), "showPublicLinkedInInfo"),
                () -> assertEquals(eligible, decision.connected(), "connected"),
                () -> assertEquals(eligible, decision.showConnectedLinkedInInfo(), "showConnectedLinkedInInfo"),
                () -> assertEquals(eligible, decision.shareWorkDataWithLinkedIn(), "shareWorkDataWithLinkedIn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionTable")
    void decidedByTenant_answersRulesOneToFourAlone_andNothingElse(Row row) {
        // given
        Optional<Reason> expected = TENANT_LEVEL_REASONS.contains(row.expected())
                ? Optional.of(row.expected())
                : Optional.empty();

        // when
        Optional<Decision> byTenant = EligibilityRules.decidedByTenant(row.tenant());

        // then
        assertEquals(expected, byTenant.map(Decision::reason));
        byTenant.ifPresent(decision -> assertNotEligible(row.expected(), decision));
    }

    // ---------------------------------------------------------------------------------------
    // Defaults: a never-written setting is version 0 and follows the tenant's country
    // ---------------------------------------------------------------------------------------

    @Test
    void setting_isDefaultVersionZeroEnabled_whenNeverWrittenInUs() {
        // given
        Tenant tenant = tenant().provisionedIn("US").build();

        // when
        TenantSetting setting = tenant.setting();

        // then
        assertAll(
                () -> assertEquals(IntegrationMode.ENABLED, setting.mode()),
                () -> assertEquals(0, setting.version()),
                () -> assertTrue(setting.isDefault()),
                () -> assertNull(setting.selectedGroupId()));
        assertEligible(decide(tenant, user().build(), Client.PROFILE_CARD), false, false);
    }

    @ParameterizedTest(name = "provisioned in {0}")
    @ValueSource(strings = {"DE", "FR"})
    void decision_isDisabledByTenant_whenNeverWrittenInDefaultOffCountry(String country) {
        // given
        Tenant tenant = tenant().provisionedIn(country).build();

        // when
        Decision decision = decide(tenant, connectedMember().build(), Client.PROFILE_CARD);

        // then
        assertAll(
                () -> assertEquals(IntegrationMode.DISABLED, tenant.setting().mode()),
                () -> assertTrue(tenant.setting().isDefault()),
                () -> assertEquals(0, tenant.setting().version()));
        assertNotEligible(Reason.DISABLED_BY_TENANT, decision);
    }

    @ParameterizedTest(name = "provisioned in {0}")
    @ValueSource(strings = {"US", "GB", "NL", "AT", "CH"})
    void decision_isEligible_whenNeverWrittenInOtherCountry(String country) {
        // given
        Tenant tenant = tenant().provisionedIn(country).build();

        // when
        Decision decision = decide(tenant, user().build(), Client.PROFILE_CARD);

        // then
        assertEquals(IntegrationMode.ENABLED, tenant.setting().mode());
        assertEligible(decision, false, false);
    }

    @Test
    void writtenSetting_overridesDefault_whenGermanTenantWritesEnabled() {
        // given
        Tenant tenant = tenant().provisionedIn("DE").written(IntegrationMode.ENABLED).build();

        // when
        Decision decision = decide(tenant, user().build(), Client.PROFILE_CARD);

        // then
        assertAll(
                () -> assertEquals(IntegrationMode.ENABLED, tenant.setting().mode()),
                () -> assertFalse(tenant.setting().isDefault()),
                () -> assertEquals(1, tenant.setting().version()));
        assertEligible(decision, false, false);
    }

    @Test
    void writtenSetting_overridesDefault_whenUsTenantWritesDisabled() {
        // given
        Tenant tenant = tenant().provisionedIn("US").written(IntegrationMode.DISABLED).build();

        // when
        Decision decision = decide(tenant, user().build(), Client.PROFILE_CARD);

        // then
        assertFalse(tenant.setting().isDefault());
        assertNotEligible(Reason.DISABLED_BY_TENANT, decision);
    }

    @Test
    void unknownUser_hasTheContractDefaults() {
        // when
        UserFacts unknown = UserFacts.unknown();

        // then
        assertAll(
                () -> assertEquals(Set.of(), unknown.groupIds(), "groupIds"),
                () -> assertFalse(unknown.selectedOneByOne(), "selectedOneByOne"),
                () -> assertEquals(Optional.empty(), unknown.connection(), "connection"),
                () -> assertTrue(unknown.profileVisibleInMicrosoftApps(), "profileVisibleInMicrosoftApps"),
                () -> assertEquals(OfficePolicy.NOT_CONFIGURED, unknown.officePolicy(), "officePolicy"),
                () -> assertTrue(unknown.officeOptionOn(), "officeOptionOn"));
    }

    // ---------------------------------------------------------------------------------------
    // Selection: the group, the legacy one-by-one flag, and users outside both
    // ---------------------------------------------------------------------------------------

    @Test
    void decision_isEligible_whenUserInSelectedGroup() {
        // given
        Tenant tenant = tenant().writtenSelected().build();
        UserFacts member = user().inGroups(SELECTED_GROUP).build();

        // when / then
        assertEligible(decide(tenant, member, Client.PROFILE_CARD), false, false);
    }

    @Test
    void decision_isEligible_whenUserSelectedOneByOneUnderLegacySelection() {
        // given
        Tenant tenant = tenant().writtenSelected().build();
        UserFacts legacy = user().inGroups(OTHER_GROUP).selectedOneByOne().build();

        // when / then
        assertEligible(decide(tenant, legacy, Client.PROFILE_CARD), false, false);
    }

    @Test
    void decision_isNotSelected_whenUserOutsideSelectedGroup() {
        // given
        Tenant tenant = tenant().writtenSelected().build();
        UserFacts outsider = user().inGroups(OTHER_GROUP).build();

        // when / then
        assertNotEligible(Reason.NOT_SELECTED, decide(tenant, outsider, Client.PROFILE_CARD));
    }

    @Test
    void decision_ignoresGroups_whenModeIsEnabled() {
        // given
        Tenant tenant = tenant().written(IntegrationMode.ENABLED).build();
        UserFacts outsider = user().inGroups(OTHER_GROUP).build();

        // when / then
        assertEligible(decide(tenant, outsider, Client.PROFILE_CARD), false, false);
    }

    // ---------------------------------------------------------------------------------------
    // Consent epochs: switching to DISABLED withdraws every earlier connection for good
    // ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "connection epoch {0}, tenant epoch " + CURRENT_EPOCH)
    @ValueSource(longs = {0, 1, CURRENT_EPOCH - 1})
    void connection_doesNotCount_whenMadeBeforeLastSwitchToDisabled(long connectionEpoch) {
        // given: the tenant switched to DISABLED after the connection, then enabled again
        Tenant tenant = tenant().written(IntegrationMode.ENABLED).consentEpoch(CURRENT_EPOCH).build();
        UserFacts user = user().connected(Consent.BOTH_WAYS, connectionEpoch).build();

        // when
        Decision decision = decide(tenant, user, Client.PROFILE_CARD);

        // then: still eligible, but as if never connected
        assertEligible(decision, false, false);
    }

    @Test
    void connection_counts_whenMadeInCurrentEpoch() {
        // given
        Tenant tenant = tenant().written(IntegrationMode.ENABLED).consentEpoch(CURRENT_EPOCH).build();
        UserFacts user = user().connected(Consent.BOTH_WAYS, CURRENT_EPOCH).build();

        // when
        Decision decision = decide(tenant, user, Client.PROFILE_CARD);

        // then
        assertEligible(decision, true, true);
    }

    @Test
    void connection_counts_whenMadeInAnEpochNewerThanACachedTenant() {
        // given: this instance still caches the tenant before its latest re-enable
        Tenant cached = tenant().written(IntegrationMode.ENABLED).consentEpoch(CURRENT_EPOCH).build();
        UserFacts reconnected = user().connected(Consent.LINKEDIN_TO_MICROSOFT, CURRENT_EPOCH + 1).build();

        // when
        Decision decision = decide(cached, reconnected, Client.PROFILE_CARD);

        // then: the user's own reconnect counts on the very next check
        assertEligible(decision, true, false);
    }

    @Test
    void decision_refusesCapabilities_withoutEligibility() {
        assertThrows(IllegalArgumentException.class, () -> new Decision(Reason.NOT_SELECTED, true, false));
        assertThrows(IllegalArgumentException.class, () -> new Decision(Reason.ELIGIBLE, false, true));
    }

    // ---------------------------------------------------------------------------------------
    // Clients: the Office policy and option govern OFFICE_DESKTOP only
    // ---------------------------------------------------------------------------------------

    static Stream<Arguments> officeDesktopMatrix() {
        return Stream.of(
                arguments(OfficePolicy.ENABLED, true, Reason.ELIGIBLE),
                arguments(OfficePolicy.ENABLED, false, Reason.ELIGIBLE),
                arguments(OfficePolicy.DISABLED, true, Reason.DISABLED_BY_OFFICE_POLICY),
                arguments(OfficePolicy.DISABLED, false, Reason.DISABLED_BY_OFFICE_POLICY),
                arguments(OfficePolicy.NOT_CONFIGURED, true, Reason.ELIGIBLE),
                arguments(OfficePolicy.NOT_CONFIGURED, false, Reason.DISABLED_BY_USER));
    }

    @ParameterizedTest(name = "policy {0}, user''s option on = {1} -> {2}")
    @MethodSource("officeDesktopMatrix")
    void officeDesktop_followsPolicyFirst_thenUserOption(OfficePolicy policy, boolean optionOn, Reason expected) {
        // given
        UserFacts user = user().officePolicy(policy).officeOption(optionOn).build();

        // when
        Decision decision = decide(tenant().build(), user, Client.OFFICE_DESKTOP);

        // then
        assertEquals(expected, decision.reason());
    }

    static Stream<Arguments> everyOfficeSetting() {
        return Stream.of(OfficePolicy.values())
                .flatMap(policy -> Stream.of(arguments(policy, true), arguments(policy, false)));
    }

    @ParameterizedTest(name = "policy {0}, user''s option on = {1}")
    @MethodSource("everyOfficeSetting")
    void profileCard_isEligible_whateverOfficePolicyAndOption(OfficePolicy policy, boolean optionOn) {
        // given
        UserFacts user = user().officePolicy(policy).officeOption(optionOn).build();

        // when
        Decision decision = decide(tenant().build(), user, Client.PROFILE_CARD);

        // then
        assertEligible(decision, false, false);
    }

    // ---------------------------------------------------------------------------------------
    // Capabilities of an eligible answer
    // ---------------------------------------------------------------------------------------

    @Test
    void eligibleUser_seesPublicInfoOnly_whenNotConnected() {
        // when
        Decision decision = decide(tenant().build(), user().build(), Client.PROFILE_CARD);

        // then
        assertEligible(decision, false, false);
    }

    @Test
    void eligibleUser_seesConnectedInfoAndSharesWorkData_whenConnectedBothWays() {
        // given
        UserFacts user = user().connected(Consent.BOTH_WAYS, CURRENT_EPOCH).build();

        // when
        Decision decision = decide(tenant().build(), user, Client.PROFILE_CARD);

        // then
        assertEligible(decision, true, true);
    }

    @Test
    void eligibleUser_sharesNoWorkData_whenConnectedLinkedInToMicrosoftOnly() {
        // given
        UserFacts user = user().connected(Consent.LINKEDIN_TO_MICROSOFT, CURRENT_EPOCH).build();

        // when
        Decision decision = decide(tenant().build(), user, Client.PROFILE_CARD);

        // then
        assertEligible(decision, true, false);
    }

    // ---------------------------------------------------------------------------------------
    // Profile cards: the viewer's decision governs, the subject's privacy choice hides
    // ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "viewer {0}")
    @EnumSource(value = Reason.class, names = {"TENANT_NOT_PROVISIONED", "CLOUD_NOT_SUPPORTED", "NOT_ROLLED_OUT",
            "DISABLED_BY_TENANT", "NOT_SELECTED", "DISABLED_BY_OFFICE_POLICY", "DISABLED_BY_USER"})
    void cards_areAllHiddenWithViewersReason_whenViewerNotEligible(Reason viewerReason) {
        // given: one subject who shows their profile, one who hides it
        Decision viewer = new Decision(viewerReason, false, false);
        List<UserFacts> subjects = List.of(user().build(), user().profileHiddenFromMicrosoftApps().build());

        // when
        List<Card> cards = EligibilityRules.cards(viewer, subjects);

        // then
        assertEquals(2, cards.size());
        assertAll(
                () -> assertCard(cards.get(0), false, CardLevel.NONE, viewerReason),
                () -> assertCard(cards.get(1), false, CardLevel.NONE, viewerReason));
    }

    @Test
    void cards_areHiddenWithNotSelected_whenViewerOutsideSelectedGroup() {
        // given
        Tenant tenant = tenant().writtenSelected().build();
        Decision viewer = decide(tenant, user().inGroups(OTHER_GROUP).build(), Client.PROFILE_CARD);

        // when
        List<Card> cards = EligibilityRules.cards(viewer, List.of(user().inGroups(SELECTED_GROUP).build()));

        // then
        assertEquals(1, cards.size());
        assertCard(cards.get(0), false, CardLevel.NONE, Reason.NOT_SELECTED);
    }

    @Test
    void card_isHiddenWithSubjectHidden_whenSubjectHidesProfileFromMicrosoftApps() {
        // given
        Decision viewer = decide(tenant().build(), connectedMember().build(), Client.PROFILE_CARD);
        UserFacts subject = user().profileHiddenFromMicrosoftApps().build();

        // when
        List<Card> cards = EligibilityRules.cards(viewer, List.of(subject));

        // then
        assertEquals(1, cards.size());
        assertCard(cards.get(0), false, CardLevel.NONE, Reason.SUBJECT_HIDDEN);
    }

    @Test
    void card_showsConnectedLevel_whenViewerConnected() {
        // given
        Decision viewer = decide(tenant().build(), connectedMember().build(), Client.PROFILE_CARD);

        // when
        List<Card> cards = EligibilityRules.cards(viewer, List.of(user().build()));

        // then
        assertEquals(1, cards.size());
        assertCard(cards.get(0), true, CardLevel.CONNECTED, Reason.ELIGIBLE);
    }

    @Test
    void card_showsPublicLevel_whenViewerEligibleButNotConnected() {
        // given
        Decision viewer = decide(tenant().build(), user().build(), Client.PROFILE_CARD);

        // when
        List<Card> cards = EligibilityRules.cards(viewer, List.of(user().build()));

        // then
        assertEquals(1, cards.size());
        assertCard(cards.get(0), true, CardLevel.PUBLIC, Reason.ELIGIBLE);
    }

    @Test
    void card_showsPublicLevel_whenViewersConnectionPredatesLastSwitchToDisabled() {
        // given
        Decision viewer = decide(tenant().build(),
                user().connected(Consent.BOTH_WAYS, CURRENT_EPOCH - 1).build(), Client.PROFILE_CARD);

        // when
        List<Card> cards = EligibilityRules.cards(viewer, List.of(user().build()));

        // then
        assertEquals(1, cards.size());
        assertCard(cards.get(0), true, CardLevel.PUBLIC, Reason.ELIGIBLE);
    }

    @Test
    void cards_followViewersSelection_notSubjects() {
        // given: the viewer is selected; the subject is outside the group, unconnected and
        // under an Office policy DISABLED, none of which concerns the viewer's card
        Tenant tenant = tenant().writtenSelected().build();
        Decision viewer = decide(tenant, user().inGroups(SELECTED_GROUP).build(), Client.PROFILE_CARD);
        UserFacts subject = user().inGroups(OTHER_GROUP).officePolicy(OfficePolicy.DISABLED).build();

        // when
        List<Card> cards = EligibilityRules.cards(viewer, List.of(subject));

        // then
        assertEquals(1, cards.size());
        assertCard(cards.get(0), true, CardLevel.PUBLIC, Reason.ELIGIBLE);
    }

    @Test
    void cards_areShown_whenViewersOfficePolicyDisabled() {
        // given: the viewer is decided for the profile card, which the Office policy does not touch
        UserFacts viewerFacts = connectedMember().officePolicy(OfficePolicy.DISABLED).build();
        Decision viewer = decide(tenant().build(), viewerFacts, Client.PROFILE_CARD);

        // when
        List<Card> cards = EligibilityRules.cards(viewer, List.of(user().build()));

        // then
        assertEquals(1, cards.size());
        assertCard(cards.get(0), true, CardLevel.CONNECTED, Reason.ELIGIBLE);
    }

    @Test
    void cards_keepRequestOrderAndDuplicates() {
        // given: visible and hidden subjects interleaved, each asked for twice
        Decision viewer = decide(tenant().build(), user().build(), Client.PROFILE_CARD);
        UserFacts visible = user().build();
        UserFacts hidden = user().profileHiddenFromMicrosoftApps().build();
        List<UserFacts> subjects = List.of(hidden, visible, visible, hidden, hidden, visible);

        // when
        List<Card> cards = EligibilityRules.cards(viewer, subjects);

        // then
        Card shown = new Card(true, CardLevel.PUBLIC, Reason.ELIGIBLE);
        Card notShown = new Card(false, CardLevel.NONE, Reason.SUBJECT_HIDDEN);
        assertEquals(List.of(notShown, shown, shown, notShown, notShown, shown), cards);
    }

    @Test
    void cards_areEmpty_whenNoSubjects() {
        // given
        Decision viewer = decide(tenant().build(), user().build(), Client.PROFILE_CARD);

        // when / then
        assertEquals(List.of(), EligibilityRules.cards(viewer, List.of()));
    }

    // ---------------------------------------------------------------------------------------
    // SettingChange: a change validates itself as it is made
    // ---------------------------------------------------------------------------------------

    @Test
    void settingChange_isRefused_whenModeMissing() {
        assertThrows(InvalidInputException.class, () -> new SettingChange(null, null, null));
    }

    @Test
    void settingChange_isRefused_whenSelectedWithoutGroup() {
        assertThrows(InvalidInputException.class, () -> new SettingChange(IntegrationMode.SELECTED, null, null));
    }

    @ParameterizedTest(name = "mode {0}")
    @EnumSource(value = IntegrationMode.class, names = {"ENABLED", "DISABLED"})
    void settingChange_isRefused_whenGroupGivenWithoutSelected(IntegrationMode mode) {
        assertThrows(InvalidInputException.class, () -> new SettingChange(mode, SELECTED_GROUP, null));
    }

    @ParameterizedTest(name = "group \"{0}\"")
    @ValueSource(strings = {
            "",
            "sales-team",
            "6a3f1c2e8b4d4e5f9a0b1c2d3e4f5a6b",
            "{6a3f1c2e-8b4d-4e5f-9a0b-1c2d3e4f5a6b}",
            "6a3f1c2e-8b4d-4e5f-9a0b-1c2d3e4f5a6",
            "6a3f1c2e-8b4d-4e5f-9a0b-1c2d3e4f5a6bc",
            "6a3f1c2e-8b4d-4e5f-9a0b-1c2d3e4f5a6g",
            " 6a3f1c2e-8b4d-4e5f-9a0b-1c2d3e4f5a6b"})
    void settingChange_isRefused_whenGroupIsNotGuid(String groupId) {
        assertThrows(InvalidInputException.class, () -> new SettingChange(IntegrationMode.SELECTED, groupId, null));
    }

    @Test
    void settingChange_acceptsSelectedWithGuid_inCanonicalLowerCase() {
        // when
        SettingChange change = new SettingChange(IntegrationMode.SELECTED, SELECTED_GROUP.toUpperCase(), "pilot");

        // then
        assertEquals(new SettingChange(IntegrationMode.SELECTED, SELECTED_GROUP, "pilot"), change);
    }

    @ParameterizedTest(name = "mode {0}")
    @EnumSource(value = IntegrationMode.class, names = {"ENABLED", "DISABLED"})
    void settingChange_isAccepted_whenNoGroupGivenWithoutSelected(IntegrationMode mode) {
        // when
        SettingChange change = new SettingChange(mode, null, null);

        // then
        assertEquals(mode, change.mode());
        assertNull(change.selectedGroupId());
    }

    @Test
    void settingChange_isRefused_whenChangeReasonTooLong() {
        String tooLong = "x".repeat(SettingChange.MAX_CHANGE_REASON_LENGTH + 1);
        assertThrows(InvalidInputException.class, () -> new SettingChange(IntegrationMode.ENABLED, null, tooLong));
    }

    @Test
    void settingChange_isAccepted_whenChangeReasonAtLimit() {
        String atLimit = "x".repeat(SettingChange.MAX_CHANGE_REASON_LENGTH);
        assertEquals(atLimit, new SettingChange(IntegrationMode.ENABLED, null, atLimit).changeReason());
    }

    @Test
    void settingChange_countsChangeReasonInCharacters_notUtf16Units() {
        // An emoji is one character and two UTF-16 units: the limit counts characters, as its
        // message and JSON Schema's maxLength do.
        String emoji = "\uD83D\uDE00";
        String atLimit = emoji.repeat(SettingChange.MAX_CHANGE_REASON_LENGTH);
        assertEquals(atLimit, new SettingChange(IntegrationMode.ENABLED, null, atLimit).changeReason());
        assertThrows(InvalidInputException.class, () -> new SettingChange(IntegrationMode.ENABLED, null, atLimit + emoji));
    }
}
