package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.Template.list;
import static com.contoso.linkedin.infra.Template.map;
import static com.contoso.linkedin.infra.Template.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.contoso.linkedin.store.dynamodb.TableLayout;
import com.contoso.linkedin.support.Identities;

/**
 * The function split, declared once for every drift test: which function of infra/template.yaml
 * owns which routes of SPEC section 4, who calls each route on its success path, and which
 * DynamoDB actions, on which partitions, the function's code path calls. infra/template.yaml and
 * infra/README.md say the same; the tests hold the three (and the code) together.
 */
final class FunctionSplit {

    /** Partitions of the key design (store/dynamodb/TableLayout): tenant record and setting... */
    static final String TENANT_KEYS = "TENANT#*";
    /** ...the tenant's counts, its audit history... */
    static final String COUNTS_KEYS = "COUNTS#*";
    static final String AUDIT_KEYS = "AUDIT#*";
    /** ...and one partition per user. */
    static final String USER_KEYS = "USER#*";
    /** A statement without a dynamodb:LeadingKeys condition reaches every partition. */
    static final Set<String> EVERY_KEY = Set.of(TENANT_KEYS, COUNTS_KEYS, AUDIT_KEYS, USER_KEYS);
    /**
     * The index of user items by tenant (TableLayout.USERS_BY_TENANT), queried by tenant: its
     * partition key values are the tenants' partition keys, {@code TENANT#<tid>}. IAM grants it
     * on the index's ARN, {@code ${Table.Arn}/index/users-by-tenant}.
     */
    static final String INDEX_TENANT_KEYS = TableLayout.USERS_BY_TENANT + ":" + TENANT_KEYS;

    static final String GET_ITEM = "dynamodb:GetItem";
    static final String BATCH_GET_ITEM = "dynamodb:BatchGetItem";
    static final String QUERY = "dynamodb:Query";
    static final String UPDATE_ITEM = "dynamodb:UpdateItem";
    static final String PUT_ITEM = "dynamodb:PutItem";
    static final String DELETE_ITEM = "dynamodb:DeleteItem";
    static final String CONDITION_CHECK_ITEM = "dynamodb:ConditionCheckItem";
    static final String BATCH_WRITE_ITEM = "dynamodb:BatchWriteItem";

    /** The Lambda authorizer: its own artifact, no route, no table, its own settings (identity/token). */
    static final String AUTHORIZER = "AuthorizerFunction";
    /** The stream function: its own zip, invoked by the table's stream only (StreamDriftTest). */
    static final String STREAM = "StreamFunction";

    private FunctionSplit() {
    }

    /** Who sends a route's sample request (support/Identities), for the request's tenant and user. */
    enum Caller {
        /** The operator's app: the operator tenant, a trusted client, Tenants.Operate. */
        OPERATOR,
        /** The profile-card service: the operator tenant, a trusted client, LinkedInEligibility.Check. */
        CHECKER,
        /** A signed-in Global Administrator of the tenant. */
        GLOBAL_ADMIN,
        /** The signed-in user of the path. */
        THE_USER,
        /** The tenant's own IaC app with LinkedInIntegration.ReadWrite. */
        SETTING_WRITER_APP,
        /** The tenant's own directory-sync app with Directory.Sync. */
        DIRECTORY_SYNC_APP;

        Map<String, String> claims(String tenantId, String userId) {
            return switch (this) {
                case OPERATOR -> Identities.operator();
                case CHECKER -> Identities.checker();
                case GLOBAL_ADMIN -> Identities.globalAdmin(tenantId);
                case THE_USER -> Identities.user(tenantId, userId);
                case SETTING_WRITER_APP -> Identities.iacWriter(tenantId);
                case DIRECTORY_SYNC_APP -> Identities.directorySync(tenantId);
            };
        }
    }

    /** What a route's sample request finds in place. */
    enum Given {
        /** The tenant, provisioned. */
        TENANT,
        /** Nothing: the tenant has no record (a creation). */
        NOTHING,
        /** The tenant, and its user {userId} selected one by one (an item to erase, to export). */
        TENANT_AND_SELECTED_USER
    }

    /** One request of a route that takes its success path, and what it finds in place. */
    record Sample(Given given, String body) {
    }

    /**
     * A route, the requests that take its success path ({tenantId}, {userId}, {otherUserId},
     * {groupId} and {key} are filled in per run; one per code path that reaches other
     * partitions) and the callers that send them.
     */
    record Route(String method, String path, List<Sample> samples, Set<Caller> callers) {
        Route(String method, String path, String body, Caller... callers) {
            this(method, path, body, Given.TENANT, callers);
        }

        Route(String method, String path, String body, Given given, Caller... callers) {
            this(method, path, List.of(new Sample(given, body)), Set.of(callers));
        }

        /** The route with one more sample request: another code path of the same route. */
        Route and(Given given, String body) {
            List<Sample> more = new ArrayList<>(samples);
            more.add(new Sample(given, body));
            return new Route(method, path, List.copyOf(more), callers);
        }

        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    enum Function {
        ELIGIBILITY("EligibilityFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS, USER_KEYS), BATCH_GET_ITEM, Set.of(USER_KEYS)),
                new Route("GET", "/tenants/{tenantId}/users/{userId}/linkedin-eligibility", null,
                        Caller.THE_USER, Caller.CHECKER),
                new Route("POST", "/tenants/{tenantId}/linkedin-eligibility/batch",
                        "{\"userIds\":[\"{userId}\",\"{otherUserId}\"]}", Caller.CHECKER),
                new Route("POST", "/tenants/{tenantId}/profile-cards/linkedin",
                        "{\"viewerId\":\"{userId}\",\"subjectIds\":[\"{otherUserId}\"]}", Caller.CHECKER, Caller.THE_USER),
                // {key}: the flag that reads two users (the card level)
                new Route("POST", "/ofrep/v1/evaluate/flags/{key}",
                        "{\"context\":{\"targetingKey\":\"{otherUserId}\",\"tenantId\":\"{tenantId}\",\"viewerId\":\"{userId}\"}}",
                        Caller.CHECKER, Caller.THE_USER),
                new Route("POST", "/ofrep/v1/evaluate/flags",
                        "{\"context\":{\"targetingKey\":\"{userId}\",\"tenantId\":\"{tenantId}\",\"viewerId\":\"{otherUserId}\"}}",
                        Caller.CHECKER)),
        // Also the preview (a consistent read of the tenant and its counts: GetItem, as IAM
        // authorizes TransactGetItems) and the selection's export (the index, by tenant).
        SETTING_READ("SettingReadFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS, COUNTS_KEYS), QUERY, Set.of(AUDIT_KEYS, INDEX_TENANT_KEYS)),
                new Route("GET", "/tenants/{tenantId}/linkedin-integration", null,
                        Caller.GLOBAL_ADMIN, Caller.SETTING_WRITER_APP),
                new Route("GET", "/tenants/{tenantId}/linkedin-integration/audit", null, Caller.GLOBAL_ADMIN),
                new Route("POST", "/tenants/{tenantId}/linkedin-integration/preview",
                        "{\"mode\":\"DISABLED\"}", Caller.GLOBAL_ADMIN, Caller.SETTING_WRITER_APP),
                new Route("GET", "/tenants/{tenantId}/linkedin-integration/selected-users", null,
                        Given.TENANT_AND_SELECTED_USER, Caller.GLOBAL_ADMIN)),
        // The setting, its audit entry and (for a switch to DISABLED) the tenant's counts.
        SETTING_WRITE("SettingWriteFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS), UPDATE_ITEM, Set.of(TENANT_KEYS, COUNTS_KEYS),
                        PUT_ITEM, Set.of(AUDIT_KEYS)),
                new Route("PUT", "/tenants/{tenantId}/linkedin-integration",
                        "{\"mode\":\"SELECTED\",\"selectedGroupId\":\"{groupId}\",\"changeReason\":\"drift test\"}",
                        Caller.GLOBAL_ADMIN, Caller.SETTING_WRITER_APP)
                        .and(Given.TENANT, "{\"mode\":\"DISABLED\"}")),
        // The record with its audit entry (and counts); a creation checks no offboarding is under
        // way; offboarding deletes the record, pages through the index and the audit partition,
        // deletes users and writes audit entries back with their expiry (BatchWriteItem).
        TENANT_OPERATOR("TenantOperatorFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS), UPDATE_ITEM, Set.of(TENANT_KEYS, COUNTS_KEYS),
                        PUT_ITEM, Set.of(TENANT_KEYS, AUDIT_KEYS), CONDITION_CHECK_ITEM, Set.of(TENANT_KEYS),
                        DELETE_ITEM, Set.of(TENANT_KEYS, COUNTS_KEYS), QUERY, Set.of(AUDIT_KEYS, INDEX_TENANT_KEYS),
                        BATCH_WRITE_ITEM, Set.of(AUDIT_KEYS, USER_KEYS)),
                new Route("PUT", "/tenants/{tenantId}",
                        "{\"cloud\":\"PUBLIC\",\"countryCode\":\"US\",\"rolledOut\":true,\"usersCanConsentToApps\":true}",
                        Given.NOTHING, Caller.OPERATOR)
                        // a record change that turns the default off: the counts' withdrawal too
                        .and(Given.TENANT,
                                "{\"cloud\":\"PUBLIC\",\"countryCode\":\"DE\",\"rolledOut\":true,\"usersCanConsentToApps\":true}"),
                new Route("GET", "/tenants/{tenantId}", null, Caller.OPERATOR, Caller.GLOBAL_ADMIN),
                new Route("DELETE", "/tenants/{tenantId}", null, Given.TENANT_AND_SELECTED_USER, Caller.OPERATOR)),
        // Counted user writes: the tenant and the user read together (GetItem, as IAM authorizes
        // TransactGetItems), the user conditioned on its revision, the counts, the audit entry and
        // a check of the tenant; an erasure deletes the user.
        DIRECTORY_ADMIN("DirectoryAdminFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS, USER_KEYS), UPDATE_ITEM, Set.of(COUNTS_KEYS, USER_KEYS),
                        PUT_ITEM, Set.of(AUDIT_KEYS), CONDITION_CHECK_ITEM, Set.of(TENANT_KEYS),
                        DELETE_ITEM, Set.of(USER_KEYS)),
                new Route("PUT", "/tenants/{tenantId}/linkedin-integration/selected-users/{userId}", null, Caller.GLOBAL_ADMIN),
                new Route("DELETE", "/tenants/{tenantId}/linkedin-integration/selected-users/{userId}", null,
                        Given.TENANT_AND_SELECTED_USER, Caller.GLOBAL_ADMIN),
                new Route("POST", "/tenants/{tenantId}/groups/{groupId}/members",
                        "{\"add\":[\"{userId}\"],\"remove\":[\"{otherUserId}\"]}", Caller.GLOBAL_ADMIN, Caller.DIRECTORY_SYNC_APP),
                new Route("PUT", "/tenants/{tenantId}/users/{userId}/office-policy", "{\"policy\":\"ENABLED\"}",
                        Caller.GLOBAL_ADMIN, Caller.DIRECTORY_SYNC_APP),
                new Route("DELETE", "/tenants/{tenantId}/users/{userId}", null, Given.TENANT_AND_SELECTED_USER,
                        Caller.GLOBAL_ADMIN, Caller.DIRECTORY_SYNC_APP)),
        // Connecting and disconnecting count: the user, the tenant's counts and a check of its epoch.
        USER_SELF_SERVICE("UserSelfServiceFunction",
                Map.of(GET_ITEM, Set.of(TENANT_KEYS, USER_KEYS), UPDATE_ITEM, Set.of(COUNTS_KEYS, USER_KEYS),
                        CONDITION_CHECK_ITEM, Set.of(TENANT_KEYS)),
                new Route("PUT", "/tenants/{tenantId}/users/{userId}/office-option", "{\"showLinkedInFeatures\":true}",
                        Caller.THE_USER),
                new Route("PUT", "/tenants/{tenantId}/users/{userId}/linkedin-profile-visibility",
                        "{\"visibleInMicrosoftApps\":false}", Caller.THE_USER),
                new Route("PUT", "/tenants/{tenantId}/users/{userId}/linkedin-connection", "{\"consent\":\"BOTH_WAYS\"}",
                        Caller.THE_USER),
                new Route("DELETE", "/tenants/{tenantId}/users/{userId}/linkedin-connection", null, Caller.THE_USER));

        final String logicalId;
        final Map<String, Set<String>> actions;
        final List<Route> routes;

        Function(String logicalId, Map<String, Set<String>> actions, Route... routes) {
            this.logicalId = logicalId;
            this.actions = sorted(actions);
            this.routes = List.of(routes);
        }
    }

    /**
     * The DynamoDB actions a function's role grants, with the partitions each reaches; every
     * table statement must name the table's ARN and nothing else.
     */
    static Map<String, Set<String>> tableGrants(Template template, Function function) {
        String table = template.the("AWS::DynamoDB::Table");
        Object tableArn = Map.of("Fn::GetAtt", List.of(table, "Arn"));
        Map<String, Set<String>> granted = new TreeMap<>();
        Object indexArn = Map.of("Fn::Sub", "${" + table + ".Arn}/index/" + TableLayout.USERS_BY_TENANT);
        for (Map<String, Object> statement : template.statements(template.roleOf(function.logicalId))) {
            List<String> actions = strings(statement.get("Action"));
            if (!actions.stream().allMatch(a -> a.startsWith("dynamodb:"))) {
                continue; // the log statement, checked by RolesDriftTest
            }
            boolean index = List.of(indexArn).equals(list(statement.get("Resource")));
            assertTrue(index || List.of(tableArn).equals(list(statement.get("Resource"))),
                    function + ": table actions must name the table's ARN only, or its index's: " + statement.get("Resource"));
            Set<String> partitions = leadingKeys(function, statement.get("Condition"));
            actions.forEach(a -> granted.computeIfAbsent(a, k -> new TreeSet<>()).addAll(index
                    ? partitions.stream().map(p -> TableLayout.USERS_BY_TENANT + ":" + p).toList() : partitions));
        }
        return granted;
    }

    /** The partitions a statement reaches: all, or those of its dynamodb:LeadingKeys condition. */
    private static Set<String> leadingKeys(Function function, Object condition) {
        if (condition == null) {
            return EVERY_KEY;
        }
        Map<String, Object> like = map(map(condition).get("ForAllValues:StringLike"));
        assertEquals(Set.of("ForAllValues:StringLike"), map(condition).keySet(), function + " condition " + condition);
        assertEquals(Set.of("dynamodb:LeadingKeys"), like.keySet(), function + " condition " + condition);
        Set<String> partitions = Set.copyOf(strings(like.get("dynamodb:LeadingKeys")));
        assertTrue(EVERY_KEY.containsAll(partitions), function + ": unknown partitions " + partitions);
        return partitions;
    }

    static Map<String, Set<String>> sorted(Map<String, Set<String>> actions) {
        Map<String, Set<String>> sorted = new TreeMap<>();
        actions.forEach((action, partitions) -> sorted.put(action, new TreeSet<>(partitions)));
        return sorted;
    }
}
