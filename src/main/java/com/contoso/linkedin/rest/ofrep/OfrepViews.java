package com.contoso.linkedin.rest.ofrep;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.contoso.linkedin.rest.openapi.ApiDocument;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Request and response documents of OFREP ({@code service/openapi.yaml} of open-feature/protocol). */
final class OfrepViews {
    private OfrepViews() {
    }

    /**
     * Both evaluation requests: {@code {"context": {...}}}. The envelope is strict; the context's
     * other attributes are ignored (an SDK merges the whole application's context).
     */
    @RegisterForReflection
    @Schema(name = "OfrepEvaluationRequest", additionalProperties = Schema.False.class, requiredProperties = "context")
    record EvaluationRequest(
            @Schema(ref = ApiDocument.OFREP_CONTEXT) JsonNode context) {
    }

    /** One entry of a bulk answer, or the answer to one flag. */
    @Schema(name = "OfrepFlagResult", oneOf = { EvaluationSuccess.class, EvaluationFailure.class })
    sealed interface FlagResult permits EvaluationSuccess, EvaluationFailure {
    }

    /**
     * The contract's reason code and the setting version behind the value. No evaluation time:
     * the bulk answer's strong ETag promises identical bytes for an unchanged answer.
     */
    @RegisterForReflection
    @Schema(name = "OfrepMetadata", requiredProperties = { "reason", "settingVersion", "maxStalenessSeconds" })
    record Metadata(@Schema(description = "The contract's reason code (an eligibility or card reason).", enumeration = {
            "ELIGIBLE", "TENANT_NOT_PROVISIONED", "CLOUD_NOT_SUPPORTED", "NOT_ROLLED_OUT", "DISABLED_BY_TENANT",
            "NOT_SELECTED", "DISABLED_BY_OFFICE_POLICY", "DISABLED_BY_USER", "SUBJECT_HIDDEN" }) String reason,
            @Schema(minimum = "0") long settingVersion, @Schema(minimum = "0") long maxStalenessSeconds) {
    }

    @RegisterForReflection
    @Schema(name = "OfrepEvaluationSuccess", requiredProperties = { "key", "value", "reason", "variant", "metadata" })
    record EvaluationSuccess(
            @Schema(enumeration = { "linkedin-integration", "linkedin-connected-info", "linkedin-share-work-data",
                    "linkedin-profile-card-level" }) String key,
            @Schema(oneOf = { Boolean.class, String.class },
                    description = "A boolean, or for linkedin-profile-card-level NONE, PUBLIC or CONNECTED.") Object value,
            @Schema(enumeration = { "DEFAULT", "DISABLED", "TARGETING_MATCH" },
                    description = "The OpenFeature reason: what decided (README, OpenFeature).") String reason,
            @Schema(enumeration = { "on", "off", "NONE", "PUBLIC", "CONNECTED" }) String variant,
            Metadata metadata)
            implements FlagResult {
    }

    /** One flag that could not be evaluated: the answer of the single-flag endpoint, or a bulk entry. */
    @RegisterForReflection
    @Schema(name = "OfrepEvaluationFailure", requiredProperties = { "key", "errorCode", "errorDetails" })
    record EvaluationFailure(String key,
            @Schema(enumeration = { "PARSE_ERROR", "TARGETING_KEY_MISSING", "INVALID_CONTEXT", "FLAG_NOT_FOUND" })
            String errorCode,
            String errorDetails) implements FlagResult {
        static EvaluationFailure of(String key, OfrepException.ErrorCode code, String details) {
            return new EvaluationFailure(key, code.name(), details);
        }
    }

    @RegisterForReflection
    @Schema(name = "OfrepBulkEvaluationSuccess", requiredProperties = "flags")
    record BulkEvaluationSuccess(@Schema(description = "Every flag, in the order of the flag table.") List<FlagResult> flags) {
    }

    /** The whole bulk request could not be evaluated. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OfrepBulkEvaluationFailure", requiredProperties = "errorCode")
    record BulkEvaluationFailure(
            @Schema(enumeration = { "PARSE_ERROR", "TARGETING_KEY_MISSING", "INVALID_CONTEXT" }) String errorCode,
            String errorDetails) {
    }
}
