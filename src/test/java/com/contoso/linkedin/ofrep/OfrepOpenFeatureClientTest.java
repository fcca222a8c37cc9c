package com.contoso.linkedin.ofrep;

import static com.contoso.linkedin.ofrep.Ofrep.CARD_LEVEL;
import static com.contoso.linkedin.ofrep.Ofrep.CONNECTED_INFO;
import static com.contoso.linkedin.ofrep.Ofrep.INTEGRATION;
import static com.contoso.linkedin.ofrep.Ofrep.SHARE_WORK_DATA;
import static com.contoso.linkedin.support.Identities.checker;
import static com.contoso.linkedin.support.Identities.globalAdmin;
import static com.contoso.linkedin.support.Identities.newId;
import static com.contoso.linkedin.support.Identities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.identity.Grant.Roles;
import com.contoso.linkedin.support.Identities;
import com.contoso.linkedin.support.LambdaEvents;
import com.contoso.linkedin.support.Tenants;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import dev.openfeature.contrib.providers.ofrep.OfrepProvider;
import dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A real OpenFeature client, the Java SDK with the OFREP provider from Maven Central, pointed at
 * the running functions as an OpenFeature user would point it: the base URL of the function set
 * and a bearer token. In the tests the base URL is the Lambda mock event server, which turns plain
 * HTTP into API Gateway events, and the token is the dev/test-only unverified bearer shortcut.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
class OfrepOpenFeatureClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LinkedInConfig config;

    @AfterAll
    static void shutDownOpenFeature() {
        OpenFeatureAPI.getInstance().shutdown();
    }

    /** An OpenFeature client whose provider calls the functions with these claims (none: no header). */
    private static Client openFeatureClient(Map<String, Object> claims) {
        ImmutableMap<String, ImmutableList<String>> headers = claims == null ? ImmutableMap.of()
                : ImmutableMap.of("Authorization", ImmutableList.of("Bearer " + unsignedJwt(claims)));
        OfrepProvider provider = OfrepProvider.constructProvider(OfrepProviderOptions.builder()
                .baseUrl("http://localhost:" + RestAssured.port)
                .headers(headers)
                .build());
        String domain = "linkedin-" + newId();
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
        return OpenFeatureAPI.getInstance().getClient(domain);
    }

    private static String unsignedJwt(Map<String, Object> claims) {
        try {
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + base64.encodeToString(JSON.writeValueAsBytes(claims)) + ".";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> checkerClaims() {
        return Map.of("tid", Identities.OPERATOR_TENANT, "oid", newId(), "azp", Identities.OTHER_TRUSTED_CLIENT,
                "roles", List.of(Roles.ELIGIBILITY_CHECK));
    }

    private static Map<String, Object> userClaims(String tenant, String userId) {
        return Map.of("tid", tenant, "oid", userId, "scp", Identities.USER_SCOPE);
    }

    private static EvaluationContext context(String targetingKey, String tenant, Map<String, String> more) {
        Map<String, Value> attributes = new HashMap<>();
        if (tenant != null) {
            attributes.put("tenantId", new Value(tenant));
        }
        more.forEach((name, value) -> attributes.put(name, new Value(value)));
        return targetingKey == null ? new ImmutableContext(attributes) : new ImmutableContext(targetingKey, attributes);
    }

    private static EvaluationContext context(String targetingKey, String tenant) {
        return context(targetingKey, tenant, Map.of());
    }

    private static void assertValue(FlagEvaluationDetails<?> details, Object value, String reason, String variant,
            String contractReason, int settingVersion) {
        assertEquals(null, details.getErrorCode(), details::toString);
        assertEquals(value, details.getValue(), details::toString);
        assertEquals(reason, details.getReason(), details::toString);
        assertEquals(variant, details.getVariant(), details::toString);
        assertEquals(contractReason, details.getFlagMetadata().getString("reason"), details::toString);
        assertEquals(settingVersion, details.getFlagMetadata().getInteger("settingVersion"), details::toString);
        assertEquals(30, details.getFlagMetadata().getInteger("maxStalenessSeconds"), details::toString);
    }

    private static void assertError(FlagEvaluationDetails<?> details, Object defaultValue, ErrorCode errorCode) {
        assertEquals(errorCode, details.getErrorCode(), details::toString);
        assertEquals(defaultValue, details.getValue(), "the caller's default, never a guess: " + details);
        assertEquals(Reason.ERROR.name(), details.getReason(), details::toString);
    }

    // ---- values and reasons, flag by flag ----------------------------------------------------

    @Test
    void integration_isTheEligibility_withTheDefaultTheTenantOrTheUserAsReason() {
        Client flags = openFeatureClient(checkerClaims());
        String usTenant = Tenants.provisioned();
        String frTenant = Tenants.provisioned("PUBLIC", "FR", true);
        String govTenant = Tenants.provisioned("US_GOVERNMENT", "US", true);
        String userId = newId();

        assertValue(flags.getBooleanDetails(INTEGRATION, false, context(userId, usTenant)), true, "DEFAULT", "on",
                "ELIGIBLE", 0);
        assertValue(flags.getBooleanDetails(INTEGRATION, true, context(userId, frTenant)), false, "DEFAULT", "off",
                "DISABLED_BY_TENANT", 0);
        assertValue(flags.getBooleanDetails(INTEGRATION, true, context(userId, govTenant)), false, "DISABLED", "off",
                "CLOUD_NOT_SUPPORTED", 0);
        assertValue(flags.getBooleanDetails(INTEGRATION, true, context(userId, newId())), false, "DISABLED", "off",
                "TENANT_NOT_PROVISIONED", 0);

        Tenants.setMode(usTenant, "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"" + newId() + "\"}");
        assertValue(flags.getBooleanDetails(INTEGRATION, true, context(userId, usTenant)), false, "TARGETING_MATCH",
                "off", "NOT_SELECTED", 1);
        LambdaEvents.put("/tenants/" + usTenant + "/linkedin-integration/selected-users/" + userId)
                .as(globalAdmin(usTenant)).send();
        assertValue(flags.getBooleanDetails(INTEGRATION, false, context(userId, usTenant)), true, "TARGETING_MATCH",
                "on", "ELIGIBLE", 1);
        Tenants.setMode(usTenant, "{\"mode\":\"DISABLED\"}");
        assertValue(flags.getBooleanDetails(INTEGRATION, true, context(userId, usTenant)), false, "DISABLED", "off",
                "DISABLED_BY_TENANT", 2);
        assertTrue(flags.getBooleanValue(INTEGRATION, false, context(userId, Tenants.provisioned())));
    }

    @Test
    void integration_forTheOfficeDesktopClient_followsTheUsersOfficeOption() {
        Client flags = openFeatureClient(checkerClaims());
        String tenant = Tenants.provisioned();
        String userId = newId();
        LambdaEvents.put("/tenants/" + tenant + "/users/" + userId + "/office-option")
                .as(user(tenant, userId))
                .json("{\"showLinkedInFeatures\":false}").send();

        assertValue(flags.getBooleanDetails(INTEGRATION, true,
                context(userId, tenant, Map.of("client", "OFFICE_DESKTOP"))), false, "TARGETING_MATCH", "off",
                "DISABLED_BY_USER", 0);
        assertValue(flags.getBooleanDetails(INTEGRATION, false,
                context(userId, tenant, Map.of("client", "PROFILE_CARD"))), true, "DEFAULT", "on", "ELIGIBLE", 0);
    }

    @Test
    void connectedInfo_andShareWorkData_followTheUsersConnection() {
        Client flags = openFeatureClient(checkerClaims());
        String tenant = Tenants.provisioned();
        String userId = newId();
        EvaluationContext user = context(userId, tenant);

        assertValue(flags.getBooleanDetails(CONNECTED_INFO, true, user), false, "TARGETING_MATCH", "off", "ELIGIBLE", 0);
        Ofrep.connect(tenant, userId, "LINKEDIN_TO_MICROSOFT");
        assertValue(flags.getBooleanDetails(CONNECTED_INFO, false, user), true, "TARGETING_MATCH", "on", "ELIGIBLE", 0);
        assertValue(flags.getBooleanDetails(SHARE_WORK_DATA, true, user), false, "TARGETING_MATCH", "off", "ELIGIBLE",
                0);
        Ofrep.connect(tenant, userId, "BOTH_WAYS");
        assertValue(flags.getBooleanDetails(SHARE_WORK_DATA, false, user), true, "TARGETING_MATCH", "on", "ELIGIBLE",
                0);
        Ofrep.disconnect(tenant, userId);
        assertValue(flags.getBooleanDetails(SHARE_WORK_DATA, true, user), false, "TARGETING_MATCH", "off", "ELIGIBLE",
                0);
        assertValue(flags.getBooleanDetails(CONNECTED_INFO, true, user), false, "TARGETING_MATCH", "off", "ELIGIBLE",
                0);

        Tenants.setMode(tenant, "{\"mode\":\"DISABLED\"}");
        assertValue(flags.getBooleanDetails(CONNECTED_INFO, true, user), false, "DISABLED", "off",
                "DISABLED_BY_TENANT", 1);
        assertValue(flags.getBooleanDetails(SHARE_WORK_DATA, true, user), false, "DISABLED", "off",
                "DISABLED_BY_TENANT", 1);
    }

    @Test
    void profileCardLevel_isAStringFlag_forTheViewerAndTheSubjectInTargetingKey() {
        Client flags = openFeatureClient(checkerClaims());
        String tenant = Tenants.provisioned();
        String viewer = newId();
        String subject = newId();
        String hidden = newId();
        Ofrep.hideProfile(tenant, hidden);
        Map<String, String> byViewer = Map.of("viewerId", viewer);

        assertValue(flags.getStringDetails(CARD_LEVEL, "NONE", context(subject, tenant, byViewer)), "PUBLIC",
                "TARGETING_MATCH", "PUBLIC", "ELIGIBLE", 0);
        Ofrep.connect(tenant, viewer, "LINKEDIN_TO_MICROSOFT");
        assertValue(flags.getStringDetails(CARD_LEVEL, "NONE", context(subject, tenant, byViewer)), "CONNECTED",
                "TARGETING_MATCH", "CONNECTED", "ELIGIBLE", 0);
        assertValue(flags.getStringDetails(CARD_LEVEL, "PUBLIC", context(hidden, tenant, byViewer)), "NONE",
                "TARGETING_MATCH", "NONE", "SUBJECT_HIDDEN", 0);
        assertValue(flags.getStringDetails(CARD_LEVEL, "PUBLIC",
                context(subject, Tenants.provisioned("PUBLIC", "DE", true), byViewer)), "NONE", "DEFAULT", "NONE",
                "DISABLED_BY_TENANT", 0);
    }

    // ---- who may ask -------------------------------------------------------------------------

    @Test
    void theUser_evaluatesTheirOwnFlags_andNobodyElses() {
        String tenant = Tenants.provisioned();
        String me = newId();
        String someoneElse = newId();
        Client mine = openFeatureClient(userClaims(tenant, me));

        assertValue(mine.getBooleanDetails(INTEGRATION, false, context(me, tenant)), true, "DEFAULT", "on", "ELIGIBLE",
                0);
        assertValue(mine.getStringDetails(CARD_LEVEL, "NONE", context(someoneElse, tenant, Map.of("viewerId", me))),
                "PUBLIC", "TARGETING_MATCH", "PUBLIC", "ELIGIBLE", 0);
        for (String flag : List.of(INTEGRATION, CONNECTED_INFO, SHARE_WORK_DATA)) {
            assertError(mine.getBooleanDetails(flag, false, context(someoneElse, tenant)), false, ErrorCode.GENERAL);
        }
        assertError(mine.getStringDetails(CARD_LEVEL, "NONE", context(me, tenant, Map.of("viewerId", someoneElse))),
                "NONE", ErrorCode.GENERAL);
    }

    @Test
    void withoutIdentity_everyFlagIsTheCallersDefault() {
        Client anonymous = openFeatureClient(null);
        String tenant = Tenants.provisioned();
        String userId = newId();

        for (String flag : List.of(INTEGRATION, CONNECTED_INFO, SHARE_WORK_DATA)) {
            assertError(anonymous.getBooleanDetails(flag, false, context(userId, tenant)), false, ErrorCode.GENERAL);
        }
        assertError(anonymous.getStringDetails(CARD_LEVEL, "NONE", context(userId, tenant, Map.of("viewerId", newId()))),
                "NONE", ErrorCode.GENERAL);
    }

    // ---- error handling ----------------------------------------------------------------------

    @Test
    void missingTargetingKey_givesTheDefault_forEveryFlag() {
        Client flags = openFeatureClient(checkerClaims());
        String tenant = Tenants.provisioned();

        // The server answers 400 TARGETING_KEY_MISSING; provider 0.0.2 reports every 400 as INVALID_CONTEXT.
        for (String flag : List.of(INTEGRATION, CONNECTED_INFO, SHARE_WORK_DATA)) {
            assertError(flags.getBooleanDetails(flag, true, context(null, tenant)), true, ErrorCode.INVALID_CONTEXT);
        }
        assertError(flags.getStringDetails(CARD_LEVEL, "PUBLIC", context(null, tenant, Map.of("viewerId", newId()))),
                "PUBLIC", ErrorCode.INVALID_CONTEXT);
    }

    @Test
    void invalidContext_givesTheDefault_forEveryFlag() {
        Client flags = openFeatureClient(checkerClaims());
        String tenant = Tenants.provisioned();
        String userId = newId();

        for (String flag : List.of(INTEGRATION, CONNECTED_INFO, SHARE_WORK_DATA)) {
            assertError(flags.getBooleanDetails(flag, true, context(userId, null)), true, ErrorCode.INVALID_CONTEXT);
            assertError(flags.getBooleanDetails(flag, true, context("alice@contoso.com", tenant)), true,
                    ErrorCode.INVALID_CONTEXT);
            assertError(flags.getBooleanDetails(flag, true, context(userId, tenant, Map.of("client", "TEAMS"))), true,
                    ErrorCode.INVALID_CONTEXT);
        }
        assertError(flags.getStringDetails(CARD_LEVEL, "PUBLIC", context(userId, tenant)), "PUBLIC",
                ErrorCode.INVALID_CONTEXT);
        assertError(flags.getStringDetails(CARD_LEVEL, "PUBLIC", context(userId, tenant, Map.of("viewerId", "bob"))),
                "PUBLIC", ErrorCode.INVALID_CONTEXT);
    }

    @Test
    void unknownFlag_isFlagNotFound_andAFlagAskedAsTheWrongType_isATypeMismatch() {
        Client flags = openFeatureClient(checkerClaims());
        EvaluationContext user = context(newId(), Tenants.provisioned(), Map.of("viewerId", newId()));

        assertError(flags.getBooleanDetails("linkedin-premium", true, user), true, ErrorCode.FLAG_NOT_FOUND);
        assertError(flags.getStringDetails(INTEGRATION, "maybe", user), "maybe", ErrorCode.TYPE_MISMATCH);
        assertError(flags.getBooleanDetails(CARD_LEVEL, false, user), false, ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void unreadableStoreData_isAnError_neverAValue() {
        Client flags = openFeatureClient(checkerClaims());
        String tenant = Tenants.provisioned();
        String userId = newId();
        corruptUserItem(tenant, userId);

        for (String flag : List.of(INTEGRATION, CONNECTED_INFO, SHARE_WORK_DATA)) {
            assertError(flags.getBooleanDetails(flag, false, context(userId, tenant)), false, ErrorCode.GENERAL);
        }
        assertError(flags.getStringDetails(CARD_LEVEL, "NONE", context(newId(), tenant, Map.of("viewerId", userId))),
                "NONE", ErrorCode.GENERAL);
        var raw = Ofrep.evaluate(INTEGRATION, checker(),
                Ofrep.context(userId, tenant, null, null));
        assertEquals(503, raw.status(), raw::toString);
        assertEquals("application/problem+json", raw.header("Content-Type"));
        assertTrue(raw.header("Retry-After") != null);
        assertFalse(raw.body().contains("\"value\""));
    }

    /** A user item the adapter cannot read (its layout: one USER item per user partition). */
    private void corruptUserItem(String tenant, String userId) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("USER#" + tenant + "#" + userId));
        item.put("sk", AttributeValue.fromS("USER"));
        item.put("consent", AttributeValue.fromS("NOT_A_CONSENT"));
        dynamo.putItem(b -> b.tableName(config.tableName()).item(item));
    }
}
