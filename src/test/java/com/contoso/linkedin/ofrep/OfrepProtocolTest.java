package com.contoso.linkedin.ofrep;

import static com.contoso.linkedin.ofrep.Ofrep.CARD_LEVEL;
import static com.contoso.linkedin.ofrep.Ofrep.CONNECTED_INFO;
import static com.contoso.linkedin.ofrep.Ofrep.INTEGRATION;
import static com.contoso.linkedin.ofrep.Ofrep.SHARE_WORK_DATA;
import static com.contoso.linkedin.ofrep.Ofrep.context;
import static com.contoso.linkedin.ofrep.Ofrep.evaluate;
import static com.contoso.linkedin.support.Identities.app;
import static com.contoso.linkedin.support.Identities.checker;
import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.newId;
import static com.contoso.linkedin.support.Identities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.identity.Grant.Roles;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.LambdaEvents.Reply;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The OFREP wire format through the Lambda path (raw API Gateway events with authorizer claims):
 * the exact documents of open-feature/protocol's service/openapi.yaml, and this function set's
 * identity and privacy rules on them.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class OfrepProtocolTest {

    private static JsonPath ok(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply::toString);
        return reply.json();
    }

    private static void assertError(Reply reply, int status, String flag, String errorCode) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply::toString);
        JsonPath json = reply.json();
        assertEquals(flag, json.getString("key"));
        assertEquals(errorCode, json.getString("errorCode"));
        assertFalse(json.getString("errorDetails").isBlank());
        assertEquals(Set.of("key", "errorCode", "errorDetails"), json.getMap("").keySet(), "an error carries no value");
    }

    // ---- single evaluation -------------------------------------------------------------------

    @Test
    void singleEvaluation_answersKeyValueReasonVariantAndMetadata() {
        String tenant = Tenants.provisioned();
        String userId = newId();

        var json = ok(evaluate(INTEGRATION, checker(), context(userId, tenant, null, null)));

        assertEquals(INTEGRATION, json.getString("key"));
        assertEquals(true, json.getBoolean("value"));
        assertEquals("DEFAULT", json.getString("reason"), "the never-written default ENABLED decided");
        assertEquals("on", json.getString("variant"));
        assertEquals(Map.of("reason", "ELIGIBLE", "settingVersion", 0, "maxStalenessSeconds", 30),
                json.getMap("metadata"));
        assertEquals(5, json.getMap("").size(), "key, value, reason, variant, metadata and nothing else");
    }

    @Test
    void userFlags_followTheUsersConnection_asATargetingMatch() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        String body = context(userId, tenant, null, null);
        var before = ok(evaluate(CONNECTED_INFO, checker(), body));

        Ofrep.connect(tenant, userId, "LINKEDIN_TO_MICROSOFT");
        var connected = ok(evaluate(CONNECTED_INFO, checker(), body));
        var oneWayShare = ok(evaluate(SHARE_WORK_DATA, checker(), body));
        Ofrep.connect(tenant, userId, "BOTH_WAYS");
        var bothWaysShare = ok(evaluate(SHARE_WORK_DATA, checker(), body));

        assertFalse(before.getBoolean("value"));
        assertEquals("off", before.getString("variant"));
        assertEquals("TARGETING_MATCH", before.getString("reason"));
        assertTrue(connected.getBoolean("value"));
        assertEquals("on", connected.getString("variant"));
        assertEquals("TARGETING_MATCH", connected.getString("reason"));
        assertEquals("ELIGIBLE", connected.getString("metadata.reason"));
        assertFalse(oneWayShare.getBoolean("value"));
        assertTrue(bothWaysShare.getBoolean("value"));
    }

    @Test
    void reasons_tellWhetherTheDefaultTheTenantOrTheUserDecided() {
        String writtenOff = Tenants.provisioned();
        Tenants.setMode(writtenOff, "{\"mode\":\"DISABLED\"}");
        String writtenOn = Tenants.provisioned("PUBLIC", "DE", true);
        Tenants.setMode(writtenOn, "{\"mode\":\"ENABLED\"}");
        String selected = Tenants.provisioned();
        Tenants.setMode(selected, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + newId() + "\"}");

        assertAnswer(INTEGRATION, Tenants.provisioned("PUBLIC", "FR", true), false, "DEFAULT", "DISABLED_BY_TENANT", 0);
        assertAnswer(INTEGRATION, writtenOff, false, "DISABLED", "DISABLED_BY_TENANT", 1);
        assertAnswer(INTEGRATION, writtenOn, true, "TARGETING_MATCH", "ELIGIBLE", 1);
        assertAnswer(INTEGRATION, selected, false, "TARGETING_MATCH", "NOT_SELECTED", 1);
        assertAnswer(INTEGRATION, Tenants.provisioned("US_GOVERNMENT", "US", true), false, "DISABLED",
                "CLOUD_NOT_SUPPORTED", 0);
        assertAnswer(INTEGRATION, Tenants.provisioned("PUBLIC", "US", false), false, "DISABLED", "NOT_ROLLED_OUT", 0);
        assertAnswer(INTEGRATION, newId(), false, "DISABLED", "TENANT_NOT_PROVISIONED", 0);
        assertAnswer(CONNECTED_INFO, writtenOff, false, "DISABLED", "DISABLED_BY_TENANT", 1);
        assertAnswer(SHARE_WORK_DATA, Tenants.provisioned("PUBLIC", "DE", true), false, "DEFAULT",
                "DISABLED_BY_TENANT", 0);
    }

    private static void assertAnswer(String flag, String tenant, boolean value, String reason, String code,
            int settingVersion) {
        var json = ok(evaluate(flag, checker(), context(newId(), tenant, null, null)));
        assertEquals(value, json.getBoolean("value"), json::prettify);
        assertEquals(reason, json.getString("reason"), json::prettify);
        assertEquals(code, json.getString("metadata.reason"), json::prettify);
        assertEquals(settingVersion, json.getInt("metadata.settingVersion"), json::prettify);
    }

    @Test
    void officeDesktopClient_isAnsweredWithTheUsersOfficePolicy() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        LambdaEvents.put("/tenants/" + tenant + "/users/" + userId + "/office-policy").as(globalAdmin(tenant))
                .json("{\"policy\":\"DISABLED\"}").send();

        var desktop = ok(evaluate(INTEGRATION, checker(), context(userId, tenant, "OFFICE_DESKTOP", null)));
        var web = ok(evaluate(INTEGRATION, checker(), context(userId, tenant, "PROFILE_CARD", null)));

        assertFalse(desktop.getBoolean("value"));
        assertEquals("TARGETING_MATCH", desktop.getString("reason"));
        assertEquals("DISABLED_BY_OFFICE_POLICY", desktop.getString("metadata.reason"));
        assertTrue(web.getBoolean("value"), "the policy affects only the Office desktop client");
    }

    @Test
    void cardLevel_isTheViewersLevel_forTheSubjectInTargetingKey() {
        String tenant = Tenants.provisioned();
        String viewer = newId();
        String subject = newId();
        String hidden = newId();
        Ofrep.hideProfile(tenant, hidden);

        var publicLevel = ok(evaluate(CARD_LEVEL, checker(), context(subject, tenant, null, viewer)));
        Ofrep.connect(tenant, viewer, "BOTH_WAYS");
        var connectedLevel = ok(evaluate(CARD_LEVEL, checker(), context(subject, tenant, null, viewer)));
        var hiddenLevel = ok(evaluate(CARD_LEVEL, checker(), context(hidden, tenant, null, viewer)));
        var offTenant = Tenants.provisioned("PUBLIC", "FR", true);
        var defaultOff = ok(evaluate(CARD_LEVEL, checker(), context(subject, offTenant, null, viewer)));

        assertEquals("PUBLIC", publicLevel.getString("value"));
        assertEquals("PUBLIC", publicLevel.getString("variant"));
        assertEquals("TARGETING_MATCH", publicLevel.getString("reason"));
        assertEquals("CONNECTED", connectedLevel.getString("value"));
        assertEquals("NONE", hiddenLevel.getString("value"));
        assertEquals("TARGETING_MATCH", hiddenLevel.getString("reason"));
        assertEquals("SUBJECT_HIDDEN", hiddenLevel.getString("metadata.reason"));
        assertEquals("NONE", defaultOff.getString("value"));
        assertEquals("DEFAULT", defaultOff.getString("reason"));
        assertEquals("DISABLED_BY_TENANT", defaultOff.getString("metadata.reason"));
    }

    // ---- errors ------------------------------------------------------------------------------

    @Test
    void missingTargetingKey_isTargetingKeyMissing() {
        String tenant = Tenants.provisioned();

        assertError(evaluate(INTEGRATION, checker(), context(null, tenant, null, null)), 400, INTEGRATION,
                "TARGETING_KEY_MISSING");
        assertError(evaluate(CONNECTED_INFO, checker(), context("", tenant, null, null)), 400, CONNECTED_INFO,
                "TARGETING_KEY_MISSING");
        assertError(evaluate(SHARE_WORK_DATA, checker(), "{}"), 400, SHARE_WORK_DATA, "TARGETING_KEY_MISSING");
        assertError(evaluate(CARD_LEVEL, checker(), "{\"context\":null}"), 400, CARD_LEVEL, "TARGETING_KEY_MISSING");
    }

    @Test
    void contextThatCannotBeEvaluated_isInvalidContext_withoutEchoingIt() {
        String tenant = Tenants.provisioned();
        String userId = newId();

        assertError(evaluate(INTEGRATION, checker(), context("alice@contoso.com", tenant, null, null)), 400,
                INTEGRATION, "INVALID_CONTEXT");
        assertError(evaluate(INTEGRATION, checker(), context(userId, null, null, null)), 400, INTEGRATION,
                "INVALID_CONTEXT");
        assertError(evaluate(INTEGRATION, checker(), context(userId, "contoso.com", null, null)), 400, INTEGRATION,
                "INVALID_CONTEXT");
        assertError(evaluate(INTEGRATION, checker(), context(userId, tenant, "TEAMS", null)), 400, INTEGRATION,
                "INVALID_CONTEXT");
        assertError(evaluate(CARD_LEVEL, checker(), context(userId, tenant, null, null)), 400, CARD_LEVEL,
                "INVALID_CONTEXT");
        assertError(evaluate(CARD_LEVEL, checker(), context(userId, tenant, null, "bob")), 400, CARD_LEVEL,
                "INVALID_CONTEXT");
        assertError(evaluate(INTEGRATION, checker(), "{\"context\":{\"targetingKey\":42,\"tenantId\":\"" + tenant
                + "\"}}"), 400, INTEGRATION, "INVALID_CONTEXT");
        assertError(evaluate(INTEGRATION, checker(), "{\"context\":[\"" + userId + "\"]}"), 400, INTEGRATION,
                "INVALID_CONTEXT");
        var reply = evaluate(INTEGRATION, checker(), context("alice@contoso.com", tenant, null, null));
        assertFalse(reply.body().contains("alice"), "the detail names the attribute, not its value");
    }

    @Test
    void otherContextAttributes_areIgnored_asOpenFeatureMergesContextsFromEveryLevel() {
        String tenant = Tenants.provisioned();

        var reply = evaluate(INTEGRATION, checker(), "{\"context\":{\"targetingKey\":\"" + newId()
                + "\",\"tenantId\":\"" + tenant + "\",\"appVersion\":\"1.2.3\",\"beta\":true}}");

        assertTrue(ok(reply).getBoolean("value"));
    }

    @Test
    void bodyThatIsNotAnEvaluationRequest_isParseError() {
        assertError(evaluate(INTEGRATION, checker(), "{\"context\":"), 400, INTEGRATION, "PARSE_ERROR");
        assertError(evaluate(INTEGRATION, checker(), "[]"), 400, INTEGRATION, "PARSE_ERROR");
        assertError(evaluate(INTEGRATION, checker(), "{\"context\":{},\"flags\":[]}"), 400, INTEGRATION,
                "PARSE_ERROR");
        assertError(evaluate(INTEGRATION, checker(), "{\"context\":{},\"context\":{}}"), 400, INTEGRATION,
                "PARSE_ERROR");
    }

    @Test
    void generalRequestRules_stillHold_415WithoutJson() {
        var reply = LambdaEvents.post("/ofrep/v1/evaluate/flags/" + INTEGRATION).as(checker())
                .header("content-type", "text/plain").rawBody("{}").send();

        assertEquals(415, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("Content-Type"));
    }

    @Test
    void unknownFlag_isFlagNotFound() {
        var reply = evaluate("linkedin-something-else", checker(), context(newId(), Tenants.provisioned(), null, null));

        assertError(reply, 404, "linkedin-something-else", "FLAG_NOT_FOUND");
    }

    // ---- identity ----------------------------------------------------------------------------

    @Test
    void noIdentity_is401_beforeAnythingElse() {
        var reply = LambdaEvents.post("/ofrep/v1/evaluate/flags/no-such-flag").json("not json").send();

        assertEquals(401, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("Content-Type"));
    }

    @Test
    void theUser_mayAskAboutThemselves_andNobodyElse() {
        String tenant = Tenants.provisioned();
        String me = newId();
        String other = newId();

        var mine = evaluate(INTEGRATION, user(tenant, me), context(me, tenant, null, null));
        var theirs = evaluate(INTEGRATION, user(tenant, me), context(other, tenant, null, null));
        var sameOidOtherTenant = evaluate(INTEGRATION, user(newId(), me), context(me, tenant, null, null));
        var admin = evaluate(INTEGRATION, globalAdmin(tenant), context(me, tenant, null, null));

        assertTrue(ok(mine).getBoolean("value"));
        assertEquals(403, theirs.status(), theirs::toString);
        assertEquals(403, sameOidOtherTenant.status(), sameOidOtherTenant::toString);
        assertEquals(403, admin.status(), "a Global Administrator is not the eligibility checker");
        assertFalse(theirs.body().contains(other));
    }

    @Test
    void cardLevel_isAskedByTheViewer_aboutAnySubject() {
        String tenant = Tenants.provisioned();
        String viewer = newId();
        String subject = newId();

        var asViewer = evaluate(CARD_LEVEL, user(tenant, viewer), context(subject, tenant, null, viewer));
        var asSubject = evaluate(CARD_LEVEL, user(tenant, subject), context(subject, tenant, null, viewer));

        assertEquals("PUBLIC", ok(asViewer).getString("value"));
        assertEquals(403, asSubject.status(), "the subject is not the viewer");
    }

    @Test
    void checkRole_mayAskForAnyTenant_fromTheOperatorsTrustedApp_only() {
        String tenant = Tenants.provisioned();

        var profileCardService = evaluate(INTEGRATION, checker(), context(newId(), tenant, null, null));
        var checkerOfTheTenantItself = evaluate(INTEGRATION, app(tenant, Roles.ELIGIBILITY_CHECK),
                context(newId(), tenant, null, null));
        var iacWriter = evaluate(INTEGRATION, app(tenant, Roles.INTEGRATION_READ_WRITE),
                context(newId(), tenant, null, null));

        assertEquals(200, profileCardService.status());
        assertEquals(403, checkerOfTheTenantItself.status());
        assertEquals(403, iacWriter.status());
    }

    @Test
    void badIds_are400_before403() {
        var reply = evaluate(INTEGRATION, user(newId(), newId()), context("not-a-guid", newId(), null, null));

        assertError(reply, 400, INTEGRATION, "INVALID_CONTEXT");
    }

    // ---- bulk --------------------------------------------------------------------------------

    @Test
    void bulk_answersEveryFlag_inOrder_withAStrongETag() {
        String tenant = Tenants.provisioned();
        String viewer = newId();
        String subject = newId();

        var reply = Ofrep.bulk(checker(), context(subject, tenant, null, viewer)).send();

        var json = ok(reply);
        assertEquals(List.of(INTEGRATION, CONNECTED_INFO, SHARE_WORK_DATA, CARD_LEVEL), json.getList("flags.key"));
        assertEquals(List.of(true, false, false, "PUBLIC"), json.getList("flags.value"));
        assertEquals(List.of("DEFAULT", "TARGETING_MATCH", "TARGETING_MATCH", "TARGETING_MATCH"),
                json.getList("flags.reason"));
        assertEquals(List.of("on", "off", "off", "PUBLIC"), json.getList("flags.variant"));
        assertEquals(List.of(0, 0, 0, 0), json.getList("flags.metadata.settingVersion"));
        String etag = reply.header("ETag");
        assertTrue(etag.matches("\"[A-Za-z0-9_-]+\""), () -> "a strong ETag: " + etag);
        assertEquals("no-store", reply.header("Cache-Control"), "per-user answers: providers keep the tag themselves");
    }

    @Test
    void bulk_withoutViewer_answersTheCardLevelAsAnErrorInsideTheAnswer() {
        String tenant = Tenants.provisioned();
        String userId = newId();

        var json = ok(Ofrep.bulk(user(tenant, userId), context(userId, tenant, null, null)).send());

        assertEquals(4, json.getList("flags").size());
        assertEquals(true, json.getBoolean("flags[0].value"));
        assertEquals(CARD_LEVEL, json.getString("flags[3].key"));
        assertEquals("INVALID_CONTEXT", json.getString("flags[3].errorCode"));
        assertNull(json.get("flags[3].value"));
    }

    @Test
    void bulk_answers304_toAMatchingIfNoneMatch_withoutBody() {
        String tenant = Tenants.provisioned();
        String body = context(newId(), tenant, null, newId());
        String etag = Ofrep.bulk(checker(), body).send().header("ETag");

        var same = Ofrep.bulk(checker(), body).header("If-None-Match", etag).send();
        var inAList = Ofrep.bulk(checker(), body).header("If-None-Match", "\"other\", W/" + etag).send();
        var stale = Ofrep.bulk(checker(), body).header("If-None-Match", "\"other\"").send();

        assertEquals(304, same.status(), same::toString);
        assertTrue(same.body() == null || same.body().isEmpty(), same::toString);
        assertEquals(etag, same.header("ETag"));
        assertEquals(304, inAList.status(), "If-None-Match compares weakly");
        assertEquals(200, stale.status());
        assertEquals(etag, stale.header("ETag"), "nothing changed, the same answer has the same tag");
    }

    @Test
    void bulkETag_changesWithTheUsersOwnChanges_thatMoveNoSettingVersion() {
        String tenant = Tenants.provisioned();
        String userId = newId();
        String body = context(userId, tenant, null, null);
        Ofrep.connect(tenant, userId, "BOTH_WAYS");
        var connected = Ofrep.bulk(checker(), body).send();

        Ofrep.disconnect(tenant, userId);
        var disconnected = Ofrep.bulk(checker(), body).header("If-None-Match", connected.header("ETag")).send();

        assertEquals(200, disconnected.status(), "the cached answer said connected: it must not be revalidated");
        assertFalse(disconnected.json().getBoolean("flags[1].value"));
        assertEquals(0, disconnected.json().getInt("flags[1].metadata.settingVersion"));
        assertFalse(connected.header("ETag").equals(disconnected.header("ETag")));
    }

    @Test
    void bulkETag_changesWithTheSetting() {
        String tenant = Tenants.provisioned();
        String body = context(newId(), tenant, null, null);
        String before = Ofrep.bulk(checker(), body).send().header("ETag");

        Tenants.setMode(tenant, "{\"mode\":\"DISABLED\"}");
        var after = Ofrep.bulk(checker(), body).header("If-None-Match", before).send();

        assertEquals(200, after.status());
        assertEquals("DISABLED", after.json().getString("flags[0].reason"));
    }

    @Test
    void bulkETag_coversTheContext_notOnlyTheAnswer() {
        String tenant = Tenants.provisioned();
        String alice = newId();
        String bob = newId();
        String viewer = newId();

        String aliceTag = Ofrep.bulk(checker(), context(alice, tenant, null, viewer)).send().header("ETag");
        var bob304 = Ofrep.bulk(checker(), context(bob, tenant, null, viewer)).header("If-None-Match", aliceTag).send();
        var desktop = Ofrep.bulk(checker(), context(alice, tenant, "OFFICE_DESKTOP", viewer))
                .header("If-None-Match", aliceTag).send();
        var otherViewer = Ofrep.bulk(checker(), context(alice, tenant, null, newId()))
                .header("If-None-Match", aliceTag).send();

        assertEquals(200, bob304.status(), "same answer for another user, but not the same context");
        assertEquals(bob304.body(), Ofrep.bulk(checker(), context(alice, tenant, null, viewer)).send().body());
        assertEquals(200, desktop.status());
        assertEquals(200, otherViewer.status());
    }

    @Test
    void bulkErrors_areAboutTheWholeRequest_withoutKey() {
        String tenant = Tenants.provisioned();

        var missing = Ofrep.bulk(checker(), context(null, tenant, null, null)).send();
        var invalid = Ofrep.bulk(checker(), context(newId(), "x", null, null)).send();
        var unparsable = Ofrep.bulk(checker(), "{").send();

        assertEquals(400, missing.status());
        assertEquals(Map.of("errorCode", "TARGETING_KEY_MISSING", "errorDetails",
                missing.json().getString("errorDetails")), missing.json().getMap(""));
        assertEquals("INVALID_CONTEXT", invalid.json().getString("errorCode"));
        assertEquals("PARSE_ERROR", unparsable.json().getString("errorCode"));
    }

    @Test
    void bulk_byTheUser_isOnlyAboutThemselves_alsoAsViewer() {
        String tenant = Tenants.provisioned();
        String me = newId();

        var self = Ofrep.bulk(user(tenant, me), context(me, tenant, null, me)).send();
        var subjectSeenByMe = Ofrep.bulk(user(tenant, me), context(newId(), tenant, null, me)).send();
        var meSeenBySomeone = Ofrep.bulk(user(tenant, me), context(me, tenant, null, newId())).send();

        assertEquals(200, self.status(), self::toString);
        assertEquals(403, subjectSeenByMe.status(), "would tell me another user's connection");
        assertEquals(403, meSeenBySomeone.status());
    }
}
