package com.contoso.linkedin.rest.ofrep;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Request and response documents of OFREP ({@code service/openapi.yaml} of open-feature/protocol). */
final class OfrepViews {
    private OfrepViews() {
    }

    /** Both evaluation requests: {@code {"context": {...}}}. */
    @RegisterForReflection
    record EvaluationRequest(JsonNode context) {
    }

    /** One entry of a bulk answer, or the answer to one flag. */
    sealed interface FlagResult permits EvaluationSuccess, EvaluationFailure {
    }

    /**
     * The contract's reason code and the setting version behind the value. No evaluation time:
     * the bulk answer's strong ETag promises identical bytes for an unchanged answer.
     */
    @RegisterForReflection
    record Metadata(String reason, long settingVersion, long maxStalenessSeconds) {
    }

    @RegisterForReflection
    record EvaluationSuccess(String key, Object value, String reason, String variant, Metadata metadata)
            implements FlagResult {
    }

    /** One flag that could not be evaluated: the answer of the single-flag endpoint, or a bulk entry. */
    @RegisterForReflection
    record EvaluationFailure(String key, String errorCode, String errorDetails) implements FlagResult {
        static EvaluationFailure of(String key, OfrepException.ErrorCode code, String details) {
            return new EvaluationFailure(key, code.name(), details);
        }
    }

    @RegisterForReflection
    record BulkEvaluationSuccess(List<FlagResult> flags) {
    }

    /** The whole bulk request could not be evaluated. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BulkEvaluationFailure(String errorCode, String errorDetails) {
    }
}
