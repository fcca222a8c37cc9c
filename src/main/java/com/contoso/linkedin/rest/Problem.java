package com.contoso.linkedin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem document, with the contract's reason code where a rule refused. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String reason) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:linkedin-integration:problem:";

    public static Problem of(int status, String slug, String title, String detail, String reason) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, reason);
    }
}
