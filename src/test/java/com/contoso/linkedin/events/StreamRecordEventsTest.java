package com.contoso.linkedin.events;

import static com.contoso.linkedin.support.StreamRecords.auditKeys;
import static com.contoso.linkedin.support.StreamRecords.connectedUser;
import static com.contoso.linkedin.support.StreamRecords.disconnected;
import static com.contoso.linkedin.support.StreamRecords.insert;
import static com.contoso.linkedin.support.StreamRecords.modify;
import static com.contoso.linkedin.support.StreamRecords.record;
import static com.contoso.linkedin.support.StreamRecords.remove;
import static com.contoso.linkedin.support.StreamRecords.tenantItem;
import static com.contoso.linkedin.support.StreamRecords.tenantKeys;
import static com.contoso.linkedin.support.StreamRecords.userKeys;
import static com.contoso.linkedin.support.StreamRecords.withSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.events.ChangeEvent.ConsentGranted;
import com.contoso.linkedin.events.ChangeEvent.ConsentWithdrawn;
import com.contoso.linkedin.events.ChangeEvent.SettingChanged;
import com.contoso.linkedin.events.ChangeEvent.TenantOffboarded;
import com.contoso.linkedin.events.ChangeEvent.UserErased;
import com.contoso.linkedin.store.dynamodb.ItemChanges;
import com.contoso.linkedin.support.StreamRecords.Image;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which events each kind of stream record gives, from records shaped as Lambda delivers them
 * (NEW_AND_OLD_IMAGES) with items as the store writes them: one scenario per test.
 */
class StreamRecordEventsTest {
    private static final String TENANT = "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b";
    private static final String USER = "0b1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e";
    private static final String GROUP = "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d";

    private static List<ChangeEvent> eventsOf(ObjectNode record) {
        return ItemChanges.fromStreamRecord(record.path("eventName").asText(), record.get("dynamodb"))
                .map(ChangeEvents::of).orElse(List.of());
    }

    // ---- users ---------------------------------------------------------------------------------

    @Test
    void connect_ofANewUser_grantsConsent() {
        Image user = connectedUser(TENANT, USER, "BOTH_WAYS", 0);

        assertEquals(List.of(new ConsentGranted(TENANT, USER, Consent.BOTH_WAYS, 0)), eventsOf(insert("1", user)));
    }

    @Test
    void connect_ofAUserWithAnItem_grantsConsent() {
        Image member = userKeys(TENANT, USER).ss("groups", GROUP);
        Image connected = member.copy().s("consent", "LINKEDIN_TO_MICROSOFT").n("connectedEpoch", 2)
                .s("connectedAt", "2026-11-30T10:00:00Z");

        assertEquals(List.of(new ConsentGranted(TENANT, USER, Consent.LINKEDIN_TO_MICROSOFT, 2)),
                eventsOf(modify("2", member, connected)));
    }

    @Test
    void disconnect_withdrawsTheUsersConsent_withoutAnEpoch() {
        Image connected = connectedUser(TENANT, USER, "BOTH_WAYS", 1);

        assertEquals(List.of(new ConsentWithdrawn(TENANT, USER, WithdrawalCause.USER_DISCONNECTED, null)),
                eventsOf(modify("3", connected, disconnected(connected))));
    }

    @Test
    void reconnect_withAnotherConsent_grantsTheNewConsent_only() {
        Image both = connectedUser(TENANT, USER, "BOTH_WAYS", 1);
        Image narrower = both.copy().s("consent", "LINKEDIN_TO_MICROSOFT").s("connectedAt", "2026-11-30T11:00:00Z");

        assertEquals(List.of(new ConsentGranted(TENANT, USER, Consent.LINKEDIN_TO_MICROSOFT, 1)),
                eventsOf(modify("4", both, narrower)));
    }

    @Test
    void theSameConnectionMadeAgain_grantsNothingNew() {
        Image both = connectedUser(TENANT, USER, "BOTH_WAYS", 1);
        Image again = both.copy().s("connectedAt", "2026-11-30T12:00:00Z");

        assertEquals(List.of(), eventsOf(modify("4", both, again)));
    }

    @Test
    void reconnect_afterTheTenantWithdrewConsents_grantsAtTheNewEpoch() {
        Image withdrawnByTenant = connectedUser(TENANT, USER, "BOTH_WAYS", 0);
        Image again = withdrawnByTenant.copy().n("connectedEpoch", 1).s("connectedAt", "2026-12-01T08:00:00Z");

        assertEquals(List.of(new ConsentGranted(TENANT, USER, Consent.BOTH_WAYS, 1)),
                eventsOf(modify("5", withdrawnByTenant, again)));
    }

    @Test
    void disconnect_ofAUserWhoseConsentTheTenantHadWithdrawn_isStillAWithdrawal() {
        Image stale = connectedUser(TENANT, USER, "BOTH_WAYS", 0);

        assertEquals(List.of(new ConsentWithdrawn(TENANT, USER, WithdrawalCause.USER_DISCONNECTED, null)),
                eventsOf(modify("12", stale, disconnected(stale))));
    }

    @Test
    void userItemRemoved_erasesTheUser_connectedOrNot() {
        assertEquals(List.of(new UserErased(TENANT, USER)),
                eventsOf(remove("13", connectedUser(TENANT, USER, "BOTH_WAYS", 0))));
        assertEquals(List.of(new UserErased(TENANT, USER)), eventsOf(remove("14", userKeys(TENANT, USER))));
    }

    // ---- tenants -------------------------------------------------------------------------------

    @Test
    void switchToDisabled_changesTheSetting_andWithdrawsEveryConsent() {
        Image enabled = withSetting(tenantItem(TENANT, "US"), "ENABLED", null, 1);
        Image disabled = withSetting(enabled, "DISABLED", null, 2).n("consentEpoch", 1);

        assertEquals(List.of(new SettingChanged(TENANT, 2, IntegrationMode.DISABLED, null, false),
                new ConsentWithdrawn(TENANT, null, WithdrawalCause.TENANT_DISABLED, 1L)),
                eventsOf(modify("20", enabled, disabled)));
    }

    @Test
    void switchFromTheDefaultToDisabled_isAnAdminsSwitch() {
        Image byDefault = tenantItem(TENANT, "US");
        Image disabled = withSetting(byDefault, "DISABLED", null, 1).n("consentEpoch", 1);

        assertEquals(List.of(new SettingChanged(TENANT, 1, IntegrationMode.DISABLED, null, false),
                new ConsentWithdrawn(TENANT, null, WithdrawalCause.TENANT_DISABLED, 1L)),
                eventsOf(modify("21", byDefault, disabled)));
    }

    @Test
    void switchBackToEnabled_changesTheSetting_andWithdrawsNothing() {
        Image disabled = withSetting(tenantItem(TENANT, "US"), "DISABLED", null, 2).n("consentEpoch", 1);
        Image enabled = withSetting(disabled, "ENABLED", null, 3);

        assertEquals(List.of(new SettingChanged(TENANT, 3, IntegrationMode.ENABLED, null, false)),
                eventsOf(modify("22", disabled, enabled)));
    }

    @Test
    void switchToSelected_namesTheGroup() {
        Image enabled = withSetting(tenantItem(TENANT, "US"), "ENABLED", null, 1);

        assertEquals(List.of(new SettingChanged(TENANT, 2, IntegrationMode.SELECTED, GROUP, false)),
                eventsOf(modify("23", enabled, withSetting(enabled, "SELECTED", GROUP, 2))));
    }

    @Test
    void countryChange_thatTurnsTheDefaultOff_changesTheSetting_andWithdrawsEveryConsent() {
        Image inUs = tenantItem(TENANT, "US");
        Image inFrance = inUs.copy().s("countryCode", "FR").n("consentEpoch", 1);

        assertEquals(List.of(new SettingChanged(TENANT, 0, IntegrationMode.DISABLED, null, true),
                new ConsentWithdrawn(TENANT, null, WithdrawalCause.COUNTRY_DEFAULT, 1L)),
                eventsOf(modify("24", inUs, inFrance)));
    }

    @Test
    void countryChange_thatTurnsTheDefaultOn_changesTheSetting_only() {
        Image inGermany = tenantItem(TENANT, "DE");
        Image inUs = inGermany.copy().s("countryCode", "US");

        assertEquals(List.of(new SettingChanged(TENANT, 0, IntegrationMode.ENABLED, null, true)),
                eventsOf(modify("25", inGermany, inUs)));
    }

    @Test
    void tenantItemRemoved_offboardsTheTenant() {
        assertEquals(List.of(new TenantOffboarded(TENANT)),
                eventsOf(remove("30", withSetting(tenantItem(TENANT, "US"), "ENABLED", null, 4))));
    }

    // ---- changes that grant or withdraw nothing -------------------------------------------------

    static Stream<Arguments> changesOfNothing() {
        Image connected = connectedUser(TENANT, USER, "BOTH_WAYS", 0);
        Image tenant = tenantItem(TENANT, "US").bool("rolledOut", false);
        Image written = withSetting(tenantItem(TENANT, "US"), "ENABLED", null, 1);
        Image audit = auditKeys(TENANT, 2).n("version", 2).s("who", "admin").s("when", "2026-11-30T10:00:00Z")
                .s("beforeMode", "ENABLED").s("afterMode", "DISABLED");
        return Stream.of(
                Arguments.of("profile visibility off", modify("6", connected, connected.copy().bool("profileVisible", false))),
                Arguments.of("Office policy set", modify("7", connected, connected.copy().s("officePolicy", "DISABLED"))),
                Arguments.of("Office option off", modify("8", connected, connected.copy().bool("officeOption", false))),
                Arguments.of("group joined", modify("9", connected, connected.copy().ss("groups", GROUP))),
                Arguments.of("selected one by one", modify("10", connected, connected.copy().bool("selectedOneByOne", true))),
                Arguments.of("a new user item without connection", insert("11", userKeys(TENANT, USER).ss("groups", GROUP))),
                Arguments.of("rolled out", modify("26", tenant, tenant.copy().bool("rolledOut", true))),
                Arguments.of("rolled out under a written setting, its ETag moved", modify("26",
                        written.copy().bool("rolledOut", false), written.copy().n("settingVersion", 2))),
                Arguments.of("a country of the same default", modify("27", tenant, tenant.copy().s("countryCode", "GB"))),
                Arguments.of("a country change under a written setting", modify("28", written, written.copy().s("countryCode", "FR"))),
                Arguments.of("a new tenant, default DISABLED", insert("29", tenantItem(TENANT, "DE"))),
                Arguments.of("a new tenant, default ENABLED", insert("29", tenantItem(TENANT, "US"))),
                Arguments.of("an audit entry", insert("31", audit)),
                Arguments.of("a tenant-like key with the audit suffix", insert("32", tenantKeys(TENANT + "#AUDIT").s("sk", "V#1"))),
                Arguments.of("a user partition's other sort key", insert("33", userKeys(TENANT, USER).s("sk", "PROFILE"))),
                Arguments.of("a user key with an extra part", insert("34", userKeys(TENANT, USER + "#x"))),
                Arguments.of("a key with an empty id", insert("35", tenantKeys(""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesOfNothing")
    void changesThatGrantOrWithdrawNothing_publishNothing(String scenario, ObjectNode record) {
        assertEquals(List.of(), eventsOf(record));
    }

    // ---- malformed records ---------------------------------------------------------------------

    static Stream<Arguments> malformedRecords() {
        Image connected = connectedUser(TENANT, USER, "BOTH_WAYS", 0);
        ObjectNode modifyWithoutOld = modify("42", connected, disconnected(connected));
        ((ObjectNode) modifyWithoutOld.get("dynamodb")).remove("OldImage");
        ObjectNode removeWithNew = remove("47", connected);
        ((ObjectNode) removeWithNew.get("dynamodb")).set("NewImage", connected.node());
        ObjectNode withoutKeys = insert("48", connected);
        ((ObjectNode) withoutKeys.get("dynamodb")).remove("Keys");
        return Stream.of(
                Arguments.of("a MODIFY without its old image", modifyWithoutOld),
                Arguments.of("a REMOVE with a new image", removeWithNew),
                Arguments.of("a record without keys", withoutKeys),
                Arguments.of("an unknown event name", record("TTL", "45", userKeys(TENANT, USER), null, userKeys(TENANT, USER))),
                Arguments.of("a value of two types", insert("44", connected.copy().raw("profileVisible", "{\"BOOL\":true,\"S\":\"x\"}"))),
                Arguments.of("an unknown type", insert("49", connected.copy().raw("profileVisible", "{\"BOOLEAN\":true}"))),
                Arguments.of("a number that is none", insert("46", connected.copy().raw("connectedEpoch", "{\"N\":\"eleven\"}"))),
                Arguments.of("a time that is none", insert("50", connected.copy().s("connectedAt", "yesterday"))),
                Arguments.of("a string set of numbers", insert("51", connected.copy().raw("groups", "{\"SS\":[1,2]}"))),
                Arguments.of("an unknown mode", modify("52", tenantItem(TENANT, "US"),
                        withSetting(tenantItem(TENANT, "US"), "SOMETIMES", null, 1))),
                Arguments.of("SELECTED without its group", modify("53", tenantItem(TENANT, "US"),
                        withSetting(tenantItem(TENANT, "US"), "SELECTED", null, 1))),
                Arguments.of("a country that is none", insert("54", tenantItem(TENANT, "usa"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRecords")
    void malformedRecords_areRefused_withAMessageThatNamesNoValue(String scenario, ObjectNode record) {
        Exception e = assertThrows(IllegalArgumentException.class, () -> eventsOf(record));

        assertFalse(e.getMessage().contains(USER) || e.getMessage().contains(TENANT) || e.getMessage().contains("eleven")
                || e.getMessage().contains("SOMETIMES") || e.getMessage().contains("usa"), e.getMessage());
    }

    @Test
    void anUnknownConsent_isUnreadable() {
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> eventsOf(insert("40", connectedUser(TENANT, USER, "SOMETIMES", 0))));

        assertEquals("unreadable new image of a user item", e.getMessage());
    }

    @Test
    void aTenantItemWithoutItsRecord_isUnreadable() {
        Image tenant = tenantItem(TENANT, "US");

        Exception e = assertThrows(IllegalArgumentException.class,
                () -> eventsOf(modify("41", tenant.copy().without("cloud"), tenant)));
        assertEquals("unreadable old image of a tenant item", e.getMessage());
    }

    @Test
    void aStreamWithoutBothImages_isRefused() {
        ObjectNode record = insert("43", connectedUser(TENANT, USER, "BOTH_WAYS", 0));
        ((ObjectNode) record.get("dynamodb")).put("StreamViewType", "NEW_IMAGE");

        Exception e = assertThrows(IllegalArgumentException.class, () -> eventsOf(record));
        assertEquals("the stream's view type is not NEW_AND_OLD_IMAGES", e.getMessage());
    }

    // ---- the details ---------------------------------------------------------------------------

    @Test
    void details_carryIdsAndValues_only_andLeaveAbsentFieldsOut() {
        assertEquals("{tenantId=" + TENANT + ", userId=" + USER + ", cause=USER_DISCONNECTED}",
                new ConsentWithdrawn(TENANT, USER, WithdrawalCause.USER_DISCONNECTED, null).detail().toString());
        assertEquals("{tenantId=" + TENANT + ", cause=TENANT_DISABLED, consentEpoch=3}",
                new ConsentWithdrawn(TENANT, null, WithdrawalCause.TENANT_DISABLED, 3L).detail().toString());
        assertEquals("{tenantId=" + TENANT + ", userId=" + USER + ", consent=BOTH_WAYS, consentEpoch=3}",
                new ConsentGranted(TENANT, USER, Consent.BOTH_WAYS, 3).detail().toString());
        assertEquals("{tenantId=" + TENANT + ", settingVersion=0, mode=ENABLED, isDefault=true}",
                new SettingChanged(TENANT, 0, IntegrationMode.ENABLED, null, true).detail().toString());
        assertEquals("{tenantId=" + TENANT + ", settingVersion=2, mode=SELECTED, selectedGroupId=" + GROUP
                + ", isDefault=false}", new SettingChanged(TENANT, 2, IntegrationMode.SELECTED, GROUP, false).detail().toString());
        assertEquals("{tenantId=" + TENANT + ", userId=" + USER + "}", new UserErased(TENANT, USER).detail().toString());
        assertEquals("{tenantId=" + TENANT + "}", new TenantOffboarded(TENANT).detail().toString());
    }

    @Test
    void detailTypes_areTheFivePublishedOnes() {
        assertEquals(List.of("LinkedIn consent withdrawn", "LinkedIn consent granted", "LinkedIn setting changed",
                "LinkedIn user erased", "LinkedIn tenant offboarded"),
                List.of(new ConsentWithdrawn(TENANT, null, WithdrawalCause.COUNTRY_DEFAULT, 1L).detailType(),
                        new ConsentGranted(TENANT, USER, Consent.BOTH_WAYS, 0).detailType(),
                        new SettingChanged(TENANT, 1, IntegrationMode.ENABLED, null, false).detailType(),
                        new UserErased(TENANT, USER).detailType(), new TenantOffboarded(TENANT).detailType()));
        assertFalse(ChangeEvent.SOURCE.startsWith("aws."), "aws. sources are AWS's own");
    }
}
