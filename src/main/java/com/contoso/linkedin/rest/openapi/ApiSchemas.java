package com.contoso.linkedin.rest.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import com.contoso.linkedin.domain.AuditKind;
import com.contoso.linkedin.domain.PreviewWarning;
import com.contoso.linkedin.domain.SettingChange;
import com.contoso.linkedin.rest.RequestBodies;
import com.contoso.linkedin.service.SelectionService;
import com.contoso.linkedin.store.LinkedInStore;

/**
 * What the document says of the JSON bodies beyond what their records' Java types say, by schema
 * and field: which fields a request must or may not have, which answer fields may be null, which
 * strings are enumerations, times or bounded. SmallRye OpenAPI derives each schema from its record
 * (names, types, nesting); these refine it.
 *
 * <p>Not annotations on the records: Jackson reads every annotation of the records it maps when
 * it first does so, in the function's init phase, and a record annotated with the OpenAPI
 * annotations (left out of function.zip) costs a failed class lookup per annotation there, about
 * 160 ms on these machines. A refinement that names a field its schema does not have fails the
 * document's build: a field renamed in the code cannot leave its refinement behind.
 */
final class ApiSchemas {
    private static final String INSTANT = "date-time";

    /** Refinements by schema name, applied in this order. */
    static final Map<String, Consumer<Refine>> REFINEMENTS = new LinkedHashMap<>();

    static {
        // Request bodies: read strictly (StrictJson), so no field but these is taken; an optional
        // member sent as null counts as absent.
        refine("TenantBody", s -> s.strict("cloud", "countryCode", "rolledOut")
                .pattern("countryCode", "^[A-Z]{2}$", "An assigned ISO 3166-1 alpha-2 code (or XK), upper case: where the tenant was provisioned.")
                .defaultValue("usersCanConsentToApps", true).nullable("usersCanConsentToApps", null));
        refine("SettingBody", s -> s.strict("mode")
                .nullable("selectedGroupId", "Required when mode is SELECTED, refused otherwise.")
                .maxLength("changeReason", SettingChange.MAX_CHANGE_REASON_LENGTH, "Kept in the audit entry.").nullable("changeReason", null));
        refine("GroupMembersBody", s -> s.strict().minProperties(1)
                .describe(null, "add, remove or both: at most " + SelectionService.MAX_MEMBER_CHANGES
                        + " ids together, none in both.")
                .items("add", 0, SelectionService.MAX_MEMBER_CHANGES).items("remove", 0, SelectionService.MAX_MEMBER_CHANGES)
                .nullable("add", null).nullable("remove", null));
        refine("OfficePolicyBody", s -> s.strict("policy"));
        refine("OfficeOptionBody", s -> s.strict("showLinkedInFeatures"));
        refine("VisibilityBody", s -> s.strict("visibleInMicrosoftApps"));
        refine("ConnectionBody", s -> s.strict("consent"));
        refine("BatchBody", s -> s.strict("userIds").defaultValue("client", "PROFILE_CARD")
                .items("userIds", 1, RequestBodies.MAX_BATCH).describe("userIds", "Answered in this order, duplicates included."));
        refine("ProfileCardsBody", s -> s.strict("viewerId", "subjectIds")
                .items("subjectIds", 1, RequestBodies.MAX_BATCH).describe("subjectIds", "Answered in this order, duplicates included."));
        refine("EvaluationRequest", s -> s.strict("context").ref("context", ApiDocument.OFREP_CONTEXT));

        // Answers: Jackson writes every field of a view, a missing value as null.
        refine("TenantView", s -> s.answer().ref("cloud", "Cloud").pattern("countryCode", "^[A-Z]{2}$", null));
        refine("SettingView", s -> s.answer().ref("mode", "IntegrationMode")
                .nullable("selectedGroupId", "The group when mode is SELECTED, else null.")
                .describe("isDefault", "True while no admin has written the setting: the country's default, without "
                        + "updatedAt or updatedBy.")
                .enumeration("availability", "Whether the integration exists for the tenant at all, else why not.",
                        "AVAILABLE", "CLOUD_NOT_SUPPORTED", "NOT_ROLLED_OUT")
                .minimum("version", 0, "The writes of the setting so far: 0 while never written. The ETag carries "
                        + "another number, which a record change that changes what the setting shows also moves.")
                .format("updatedAt", INSTANT).nullable("updatedAt", null)
                .nullable("updatedBy", "The object id of who wrote it."));
        refine("StateView", s -> s.answer().ref("mode", "IntegrationMode").nullable("selectedGroupId", null));
        refine("AuditEntryView", s -> s.answer("version", "before", "after", "userId", "selected", "groupId", "added",
                "removed", "recordBefore", "recordAfter")
                .describe(null, "One change. Every kind has kind, who, when, changeReason and requestId; the other fields "
                        + "are those of its kind: SETTING version, before, after; SELECTION userId, selected; "
                        + "GROUP_MEMBERS groupId, added, removed; TENANT_RECORD recordBefore (absent on creation), "
                        + "recordAfter; USER_ERASURE userId; TENANT_OFFBOARDING none.")
                .enumeration("kind", "What changed, which decides the entry's other fields.",
                        Stream.of(AuditKind.values()).map(Enum::name).toArray(String[]::new))
                .minimum("version", 1, "SETTING: the setting's version after the change.")
                .describe("who", "The object id of who made the change.").format("when", INSTANT)
                .nullable("changeReason", null).nullable("requestId", "The API Gateway request id of the change.")
                .describe("userId", "SELECTION, USER_ERASURE: the user's object id (nothing else of the user is kept).")
                .describe("selected", "SELECTION: selected one by one after the change, or no longer.")
                .describe("groupId", "GROUP_MEMBERS: the group synced.")
                .items("added", 0, LinkedInStore.GROUP_SYNC_CHUNK).items("removed", 0, LinkedInStore.GROUP_SYNC_CHUNK)
                .describe("added", "GROUP_MEMBERS: users really added and removed in one stored transaction (a sync "
                        + "of more users has an entry per transaction).")
                .describe("recordBefore", "TENANT_RECORD: the record before; absent when the change created it.")
                .describe("recordAfter", "TENANT_RECORD: the record after."));
        refine("RecordView", s -> s.answer().ref("cloud", "Cloud").pattern("countryCode", "^[A-Z]{2}$", null));
        refine("AuditPageView", s -> s.answer().describe("entries", "Newest first.")
                .nullable("nextCursor", "The next page's cursor; null on the last page."));
        refine("PreviewView", s -> s.answer().ref("mode", "IntegrationMode").nullable("selectedGroupId", null)
                .enumeration("availability", null, "AVAILABLE", "CLOUD_NOT_SUPPORTED", "NOT_ROLLED_OUT")
                .minimum("currentVersion", 0, "The ETag number previewed: If-Match of it holds the PUT to it.")
                .minimum("connectedUsersWhoseConsentIsWithdrawn", 0, "Connected users whose consent DISABLED withdraws.")
                .minimum("selectedUsersWhoLoseAccess", 0, "Users selected one by one and synced group members "
                        + "with access now and none after (docs/admin-api.md).")
                .minimum("usersWhoGainAccess", 0, "The same, without access now and with it after; under ENABLED "
                        + "every directory user gains it, uncounted (ALL_DIRECTORY_USERS_GAIN_ACCESS).")
                .apply("warnings", w -> w.getItems().enumeration(Stream.of(PreviewWarning.values())
                        .map(Enum::name).map(Object.class::cast).toList())));
        refine("SelectedUsersView", s -> s.answer().describe("userIds", "By id.").nullable("nextCursor", "null on the last page."));
        refine("OffboardingView", s -> s.answer().minimum("erasedUsers", 0, "User items erased so far."));
        refine("SelectionView", Refine::answer);
        refine("GroupMembersView", s -> s.answer().minimum("added", 0, "Distinct ids added.")
                .minimum("removed", 0, "Distinct ids removed."));
        refine("OfficePolicyView", s -> s.answer().ref("policy", "OfficePolicy"));
        refine("OfficeOptionView", Refine::answer);
        refine("VisibilityView", Refine::answer);
        refine("ConnectionView", s -> s.answer().ref("consent", "Consent"));
        refine("EligibilityView", s -> s.answer().ref("client", "Client").ref("reason", ApiDocument.ELIGIBILITY_REASON)
                .describe(null, "The decision of SPEC section 3; when not eligible, the four capabilities are false.")
                .describe("connected", "Connected after the tenant's last switch to DISABLED.")
                .minimum("settingVersion", 0, "The setting's version behind the answer (0: never written).")
                .format("evaluatedAt", INSTANT)
                .minimum("maxStalenessSeconds", 0, "How old the tenant data behind the answer may be."));
        refine("BatchView", s -> s.answer().describe("decisions", "One per asked id, in the request's order."));
        refine("CardView", s -> s.answer().ref("level", ApiDocument.CARD_LEVEL).ref("reason", ApiDocument.CARD_REASON)
                .describe("level", "NONE when not shown."));
        refine("ProfileCardsView", s -> s.answer().minimum("settingVersion", 0, null).format("evaluatedAt", INSTANT)
                .minimum("maxStalenessSeconds", 0, null).describe("cards", "One per subject, in the request's order."));
        // Problems: Jackson leaves out a null reason (@JsonInclude NON_NULL).
        refine("Problem", s -> s.answer("reason", "applied").describe(null, "An RFC 9457 problem document.")
                .pattern("type", "^urn:linkedin-integration:problem:[a-z-]+$", "What kind of problem: one URN per kind.")
                .format("type", "uri").describe("title", "The kind's short title.")
                .apply("status", p -> p.minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .describe("detail", "What is wrong, in words for people: it never echoes the input.")
                .ref("reason", ApiDocument.PROBLEM_REASON)
                .describe("applied", "Only on a group sync that stopped part way (503): the changes it made."));
        refine("Applied", s -> s.answer().describe("added", "Ids added to the group before the sync stopped.")
                .describe("removed", "Ids removed from the group before the sync stopped."));
        // OpenFeature (OFREP) answers.
        refine("FlagResult", s -> s.oneOf("EvaluationSuccess", "EvaluationFailure"));
        refine("Metadata", s -> s.answer().enumeration("reason", "The contract's reason code (an eligibility or card reason).",
                "ELIGIBLE", "TENANT_NOT_PROVISIONED", "CLOUD_NOT_SUPPORTED", "NOT_ROLLED_OUT", "DISABLED_BY_TENANT",
                "NOT_SELECTED", "DISABLED_BY_OFFICE_POLICY", "DISABLED_BY_USER", "SUBJECT_HIDDEN")
                .minimum("settingVersion", 0, null).minimum("maxStalenessSeconds", 0, null));
        refine("EvaluationSuccess", s -> s.answer()
                .enumeration("key", null, "linkedin-integration", "linkedin-connected-info", "linkedin-share-work-data",
                        "linkedin-profile-card-level")
                .apply("value", p -> p.type(null).oneOf(List.of(type(SchemaType.BOOLEAN), type(SchemaType.STRING)))
                        .description("A boolean, or for linkedin-profile-card-level NONE, PUBLIC or CONNECTED."))
                .enumeration("reason", "The OpenFeature reason: what decided (README, OpenFeature).",
                        "DEFAULT", "DISABLED", "TARGETING_MATCH")
                .enumeration("variant", null, "on", "off", "NONE", "PUBLIC", "CONNECTED"));
        refine("EvaluationFailure", s -> s.answer().enumeration("errorCode", null, "PARSE_ERROR", "TARGETING_KEY_MISSING",
                "INVALID_CONTEXT", "FLAG_NOT_FOUND"));
        refine("BulkEvaluationSuccess", s -> s.answer().describe("flags", "Every flag, in the order of the flag table."));
        refine("BulkEvaluationFailure", s -> s.answer("errorDetails").enumeration("errorCode", null, "PARSE_ERROR",
                "TARGETING_KEY_MISSING", "INVALID_CONTEXT"));
    }

    private ApiSchemas() {
    }
    private static void refine(String schema, Consumer<Refine> refinement) {
        REFINEMENTS.put(schema, refinement);
    }

    private static Schema type(SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }

    /** One schema being refined; every step names a field the schema must have. */
    static final class Refine {
        private final String name;
        private final Schema schema;

        Refine(String name, Schema schema) {
            this.name = name;
            this.schema = schema;
        }

        /** A request body: these fields required, no other field taken. */
        Refine strict(String... required) {
            for (String field : required) {
                property(field);
            }
            schema.setRequired(required.length == 0 ? null : List.of(required));
            schema.setAdditionalPropertiesSchema(OASFactory.createSchema().booleanSchema(false));
            return this;
        }

        /** An answer: every field is sent, but these (left out when null). */
        Refine answer(String... optional) {
            List<String> required = new ArrayList<>(properties().keySet());
            for (String field : optional) {
                property(field);
                required.remove(field);
            }
            schema.setRequired(required);
            return this;
        }

        Refine minProperties(int min) {
            schema.setMinProperties(min);
            return this;
        }

        Refine oneOf(String... components) {
            schema.setOneOf(Arrays.stream(components).map(c -> OASFactory.createSchema().ref(c)).toList());
            return this;
        }

        /** A description of the schema ({@code field} null) or of one field. */
        Refine describe(String field, String text) {
            (field == null ? schema : property(field)).setDescription(text);
            return this;
        }

        Refine ref(String field, String component) {
            Schema replaced = property(field);
            schema.addProperty(field, OASFactory.createSchema().ref(component).description(replaced.getDescription()));
            return this;
        }

        Refine nullable(String field, String text) {
            Schema property = property(field).addType(SchemaType.NULL);
            if (text != null) {
                property.setDescription(text);
            }
            return this;
        }

        Refine enumeration(String field, String text, String... values) {
            Schema property = property(field).enumeration(List.of((Object[]) values));
            if (text != null) {
                property.setDescription(text);
            }
            return this;
        }

        Refine pattern(String field, String pattern, String text) {
            Schema property = property(field).pattern(pattern);
            if (text != null) {
                property.setDescription(text);
            }
            return this;
        }

        Refine format(String field, String format) {
            property(field).setFormat(format);
            return this;
        }

        Refine minimum(String field, long minimum, String text) {
            Schema property = property(field).minimum(BigDecimal.valueOf(minimum));
            if (text != null) {
                property.setDescription(text);
            }
            return this;
        }

        Refine maxLength(String field, int max, String text) {
            property(field).maxLength(max).setDescription(text);
            return this;
        }

        Refine items(String field, int min, int max) {
            Schema property = property(field).maxItems(max);
            if (min > 0) {
                property.setMinItems(min);
            }
            return this;
        }

        Refine defaultValue(String field, Object value) {
            property(field).setDefaultValue(value);
            return this;
        }

        Refine apply(String field, Consumer<Schema> change) {
            change.accept(property(field));
            return this;
        }

        private Map<String, Schema> properties() {
            if (schema.getProperties() == null) {
                throw new IllegalStateException(name + " has no properties: the code and ApiSchemas disagree");
            }
            return schema.getProperties();
        }

        private Schema property(String field) {
            Schema property = properties().get(field);
            if (property == null) {
                throw new IllegalStateException(name + " has no field " + field + " (it has " + properties().keySet()
                        + "): the code and ApiSchemas disagree");
            }
            return property;
        }
    }
}
