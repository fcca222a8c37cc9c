package com.contoso.linkedin.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.contoso.linkedin.rest.openapi.ApiDocument;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem document, with the contract's reason code where a rule refused. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = ApiDocument.PROBLEM, description = "An RFC 9457 problem document.",
        requiredProperties = { "type", "title", "status", "detail" })
public record Problem(
        @Schema(format = "uri", pattern = "^urn:linkedin-integration:problem:[a-z-]+$",
                description = "What kind of problem: one URN per kind.") String type,
        @Schema(description = "The kind's short title.") String title,
        @Schema(minimum = "400", maximum = "599", description = "The HTTP status.") int status,
        @Schema(description = "What is wrong, in words for people: it never echoes the input.") String detail,
        @Schema(ref = ApiDocument.PROBLEM_REASON) String reason) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:linkedin-integration:problem:";

    public static Problem of(int status, String slug, String title, String detail, String reason) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, reason);
    }
}
