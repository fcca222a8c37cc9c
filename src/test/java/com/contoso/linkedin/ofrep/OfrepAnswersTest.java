package com.contoso.linkedin.ofrep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.contoso.linkedin.domain.Card;
import com.contoso.linkedin.domain.CardLevel;
import com.contoso.linkedin.domain.Decision;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.rest.ofrep.OfrepAnswers;
import com.contoso.linkedin.rest.ofrep.OfrepAnswers.Answer;
import com.contoso.linkedin.rest.ofrep.OfrepFlag;

/** The decision in OpenFeature's words, as a table: plain Java, nothing started. */
class OfrepAnswersTest {

    @ParameterizedTest(name = "{0} under the default setting {1} -> {2}")
    @CsvSource({
            "TENANT_NOT_PROVISIONED, true, DISABLED",
            "CLOUD_NOT_SUPPORTED, true, DISABLED",
            "CLOUD_NOT_SUPPORTED, false, DISABLED",
            "NOT_ROLLED_OUT, true, DISABLED",
            "DISABLED_BY_TENANT, true, DEFAULT",
            "DISABLED_BY_TENANT, false, DISABLED",
            "NOT_SELECTED, false, TARGETING_MATCH",
            "DISABLED_BY_OFFICE_POLICY, true, TARGETING_MATCH",
            "DISABLED_BY_USER, false, TARGETING_MATCH" })
    void integration_whenNotEligible_isOffForTheReasonsRule(Reason reason, boolean defaultSetting, String expected) {
        Answer answer = OfrepAnswers.forUser(OfrepFlag.INTEGRATION, Decision.notEligible(reason), defaultSetting);

        assertEquals(false, answer.value());
        assertEquals("off", answer.variant());
        assertEquals(expected, answer.reason());
        assertEquals(reason, answer.code());
    }

    @Test
    void integration_whenEligible_isDefaultUnderTheNeverWrittenSetting_targetingMatchUnderAWrittenOne() {
        Decision eligible = new Decision(Reason.ELIGIBLE, false, false);

        assertEquals("DEFAULT", OfrepAnswers.forUser(OfrepFlag.INTEGRATION, eligible, true).reason());
        assertEquals("TARGETING_MATCH", OfrepAnswers.forUser(OfrepFlag.INTEGRATION, eligible, false).reason());
        assertEquals(true, OfrepAnswers.forUser(OfrepFlag.INTEGRATION, eligible, true).value());
    }

    @Test
    void connectionFlags_whenEligible_areDecidedByTheUsersConnection() {
        Decision oneWay = new Decision(Reason.ELIGIBLE, true, false);

        Answer connected = OfrepAnswers.forUser(OfrepFlag.CONNECTED_INFO, oneWay, true);
        Answer share = OfrepAnswers.forUser(OfrepFlag.SHARE_WORK_DATA, oneWay, true);

        assertEquals(true, connected.value());
        assertEquals("on", connected.variant());
        assertEquals("TARGETING_MATCH", connected.reason());
        assertEquals(false, share.value());
        assertEquals("TARGETING_MATCH", share.reason());
        assertEquals(Reason.ELIGIBLE, share.code());
    }

    @Test
    void connectionFlags_whenNotEligible_areOffForTheSameReasonAsTheIntegration() {
        Answer answer = OfrepAnswers.forUser(OfrepFlag.SHARE_WORK_DATA,
                Decision.notEligible(Reason.DISABLED_BY_TENANT), true);

        assertEquals(false, answer.value());
        assertEquals("DEFAULT", answer.reason());
    }

    @ParameterizedTest(name = "{0}/{1} under the default setting {3} -> {4}")
    @CsvSource({
            "true, CONNECTED, ELIGIBLE, true, TARGETING_MATCH",
            "true, PUBLIC, ELIGIBLE, false, TARGETING_MATCH",
            "false, NONE, SUBJECT_HIDDEN, true, TARGETING_MATCH",
            "false, NONE, NOT_SELECTED, false, TARGETING_MATCH",
            "false, NONE, DISABLED_BY_TENANT, true, DEFAULT",
            "false, NONE, DISABLED_BY_TENANT, false, DISABLED",
            "false, NONE, TENANT_NOT_PROVISIONED, true, DISABLED" })
    void cardLevel_isTheCardsLevel(boolean show, CardLevel level, Reason reason, boolean defaultSetting, String expected) {
        Answer answer = OfrepAnswers.forCard(new Card(show, level, reason), defaultSetting);

        assertEquals(level.name(), answer.value());
        assertEquals(level.name(), answer.variant());
        assertEquals(expected, answer.reason());
        assertEquals(reason, answer.code());
    }

    @Test
    void cardLevel_isNotAUserFlag() {
        assertThrows(IllegalArgumentException.class, () -> OfrepAnswers.forUser(OfrepFlag.PROFILE_CARD_LEVEL,
                Decision.notEligible(Reason.NOT_SELECTED), true));
    }

    @Test
    void flags_areFoundByTheirKeysOnly() {
        assertEquals(OfrepFlag.PROFILE_CARD_LEVEL, OfrepFlag.byKey("linkedin-profile-card-level").orElseThrow());
        assertEquals(true, OfrepFlag.byKey("LINKEDIN-INTEGRATION").isEmpty());
        assertEquals(true, OfrepFlag.byKey("PROFILE_CARD_LEVEL").isEmpty());
    }
}
