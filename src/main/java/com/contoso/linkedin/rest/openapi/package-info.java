/**
 * The OpenAPI document of the HTTP API (infra/openapi.yaml): what every operation shares. The
 * bearer scheme every operation requires, the headers, the problem answers; the resources'
 * annotations describe each operation and {@link com.contoso.linkedin.rest.openapi.ApiDocumentFilter}
 * adds what every operation answers. SmallRye OpenAPI reads a document-wide definition from a
 * package-info (a JAX-RS Application subclass would change the routing).
 */
@OpenAPIDefinition(
        info = @Info(title = "LinkedIn integration API", version = "1.0.0", description = """
                Whether a work-account directory tenant's users may see LinkedIn information, the \
                tenant's setting that decides it, and the users' own choices (SPEC section 4), plus the \
                same decision over the OpenFeature Remote Evaluation Protocol (OFREP). JSON in and out; \
                every error is application/problem+json (RFC 9457) with the contract's `reason` where a \
                rule refused, except the OFREP evaluation errors, which are OFREP documents. No answer may \
                be cached (`Cache-Control: no-store`)."""),
        security = @SecurityRequirement(name = ApiDocument.BEARER),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = ApiDocument.BEARER, type = SecuritySchemeType.HTTP,
                        scheme = "bearer", bearerFormat = "JWT", description = """
                                An Entra ID v2.0 access token of the caller's own tenant (`Authorization: Bearer …`), \
                                verified by the API's authorizer before the function runs. Who may call what follows \
                                from its claims (SPEC section 5): delegated tokens (`scp`) count as the user and with \
                                their directory roles (`wids`), app-only tokens with their app roles (`roles`)."""),
                parameters = {
                        @Parameter(name = ApiDocument.IF_MATCH, in = ParameterIn.HEADER, description = """
                                Optional. `*`, or entity tags of the setting (its ETag, such as `"3"`): the \
                                write happens only while the setting still has one of them, else 412.""",
                                schema = @Schema(type = SchemaType.STRING), example = "\"3\""),
                        @Parameter(name = ApiDocument.IF_NONE_MATCH, in = ParameterIn.HEADER, description = """
                                Optional. The `ETag` of an earlier bulk answer: while the answer is the same, 304 \
                                without a body.""", schema = @Schema(type = SchemaType.STRING),
                                example = "\"q83vEjRWeJq83vEjRWeJq83v\"") },
                headers = {
                        @Header(name = ApiDocument.CACHE_CONTROL, required = true,
                                description = "Every answer: `no-store`; a disconnect counts on the very next check.",
                                schema = @Schema(type = SchemaType.STRING, enumeration = ApiDocument.NO_STORE)),
                        @Header(name = ApiDocument.ETAG, required = true, description = "A strong entity tag.",
                                schema = @Schema(type = SchemaType.STRING, pattern = "^\"[^\"]*\"$")),
                        @Header(name = ApiDocument.RETRY_AFTER, required = true,
                                description = "Seconds to wait before asking again.",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
                        @Header(name = ApiDocument.WWW_AUTHENTICATE, required = true,
                                description = "The scheme to authenticate with: `Bearer`.",
                                schema = @Schema(type = SchemaType.STRING, enumeration = "Bearer")),
                        @Header(name = ApiDocument.LOCATION, required = true, description = "The tenant record's path.",
                                schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
                        @Header(name = ApiDocument.IMPORTED_DATA, required = true, description = """
                                A disconnect stops the link, not what LinkedIn already holds: contacts LinkedIn \
                                imported are not deleted.""",
                                schema = @Schema(type = SchemaType.STRING, enumeration = ApiDocument.IMPORTED_DATA_NOTICE)) },
                responses = {
                        @APIResponse(name = ApiDocument.BAD_REQUEST, description = """
                                The request breaks an input rule: an id that is not a GUID, a body that is not the \
                                operation's strict JSON (unknown, duplicate, missing or wrongly typed fields) or a \
                                body sent where the operation takes none, an unknown or repeated query parameter. \
                                Nothing was changed.""",
                                content = @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM),
                                        example = Examples.BAD_REQUEST)),
                        @APIResponse(name = ApiDocument.UNAUTHENTICATED, description = """
                                The request carries no verified caller identity.""",
                                headers = @Header(name = ApiDocument.WWW_AUTHENTICATE, ref = ApiDocument.WWW_AUTHENTICATE),
                                content = @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM),
                                        example = Examples.UNAUTHENTICATED)),
                        @APIResponse(name = ApiDocument.FORBIDDEN, description = """
                                The caller's claims do not grant this call. Checked before the ids and the body, and \
                                it names nothing of the tenant or user asked about.""",
                                content = @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM),
                                        example = Examples.FORBIDDEN)),
                        @APIResponse(name = ApiDocument.NOT_ACCEPTABLE, description = """
                                The `Accept` header admits no JSON: every answer is JSON (problems \
                                `application/problem+json`).""",
                                content = @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM),
                                        example = Examples.NOT_ACCEPTABLE)),
                        @APIResponse(name = ApiDocument.TENANT_NOT_PROVISIONED, description = """
                                The tenant has no record (reason `TENANT_NOT_PROVISIONED`).""",
                                content = @Content(mediaType = ApiDocument.PROBLEM_JSON,
                                        schema = @Schema(ref = ApiDocument.TENANT_NOT_PROVISIONED_PROBLEM),
                                        example = Examples.TENANT_NOT_PROVISIONED)),
                        @APIResponse(name = ApiDocument.CLOUD_NOT_SUPPORTED, description = "A mode other than DISABLED outside the PUBLIC cloud.",
                                content = @Content(mediaType = ApiDocument.PROBLEM_JSON,
                                        schema = @Schema(ref = ApiDocument.CLOUD_NOT_SUPPORTED_PROBLEM),
                                        example = Examples.CLOUD_NOT_SUPPORTED)),
                        @APIResponse(name = ApiDocument.PRECONDITION_FAILED, description = """
                                `If-Match` names none of the setting's current tags; the answer's `ETag` is the current one.""",
                                headers = @Header(name = ApiDocument.ETAG, ref = ApiDocument.ETAG),
                                content = @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM),
                                        example = Examples.PRECONDITION_FAILED)),
                        @APIResponse(name = ApiDocument.PAYLOAD_TOO_LARGE, description = "The body is larger than 64 KiB.",
                                content = @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM),
                                        example = Examples.PAYLOAD_TOO_LARGE)),
                        @APIResponse(name = ApiDocument.UNSUPPORTED_MEDIA_TYPE,
                                description = "The body is not sent as `Content-Type: application/json`.",
                                content = @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM),
                                        example = Examples.UNSUPPORTED_MEDIA_TYPE)),
                        @APIResponse(name = ApiDocument.STORE_UNAVAILABLE, description = """
                                The store did not answer in time (`store-unavailable`), refused the request \
                                (`store-failed`: a fault of the deployment, with the longest wait), or other \
                                writes to the same data kept coming first (`write-contended`): nothing was \
                                concluded or changed, never a guess. A group sync stopped part way \
                                (`group-sync-incomplete`) names the changes it made in `applied`.""",
                                headers = @Header(name = ApiDocument.RETRY_AFTER, ref = ApiDocument.RETRY_AFTER),
                                content = @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM),
                                        example = Examples.STORE_UNAVAILABLE)),
                        @APIResponse(name = ApiDocument.INTERNAL_ERROR, description = """
                                An unexpected failure; nothing internal is told.""",
                                content = @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM),
                                        example = Examples.INTERNAL_ERROR)) },
                schemas = {
                        @Schema(name = ApiDocument.CARD_LEVEL, implementation = CardLevel.class),
                        @Schema(name = ApiDocument.OFREP_CONTEXT, type = SchemaType.OBJECT, description = """
                                The evaluation context. Other attributes are ignored, not refused: an OpenFeature SDK \
                                merges the whole application's context.""",
                                requiredProperties = { "targetingKey", "tenantId" }, properties = {
                                        @SchemaProperty(name = "targetingKey", type = SchemaType.STRING,
                                                description = "The user's object id."),
                                        @SchemaProperty(name = "tenantId", type = SchemaType.STRING,
                                                description = "The user's directory tenant id."),
                                        @SchemaProperty(name = "client", type = SchemaType.STRING, defaultValue = "PROFILE_CARD",
                                                enumeration = { "PROFILE_CARD", "OFFICE_DESKTOP" }),
                                        @SchemaProperty(name = "viewerId", type = SchemaType.STRING,
                                                description = "The viewer's object id: required for linkedin-profile-card-level.") }),
                        @Schema(name = ApiDocument.ELIGIBILITY_REASON, type = SchemaType.STRING, description = """
                                `ELIGIBLE`, or the first rule of the decision table (SPEC section 3) that failed.""",
                                enumeration = { "ELIGIBLE", "TENANT_NOT_PROVISIONED", "CLOUD_NOT_SUPPORTED", "NOT_ROLLED_OUT",
                                        "DISABLED_BY_TENANT", "NOT_SELECTED", "DISABLED_BY_OFFICE_POLICY", "DISABLED_BY_USER" }),
                        @Schema(name = ApiDocument.CARD_REASON, type = SchemaType.STRING, description = """
                                `ELIGIBLE` when shown; the viewer's reason (client `PROFILE_CARD`) when the viewer is \
                                not eligible; `SUBJECT_HIDDEN` when the subject hides their LinkedIn information.""",
                                enumeration = { "ELIGIBLE", "TENANT_NOT_PROVISIONED", "CLOUD_NOT_SUPPORTED", "NOT_ROLLED_OUT",
                                        "DISABLED_BY_TENANT", "NOT_SELECTED", "SUBJECT_HIDDEN" }),
                        @Schema(name = ApiDocument.PROBLEM_REASON, type = SchemaType.STRING, description = """
                                The contract's reason, where a rule refused.""",
                                enumeration = { "TENANT_NOT_PROVISIONED", "CLOUD_NOT_SUPPORTED", "NOT_ROLLED_OUT",
                                        "DISABLED_BY_TENANT", "NOT_SELECTED", "USER_CONSENT_NOT_ALLOWED",
                                        "OPTION_LOCKED_BY_POLICY", "OFFBOARDING_IN_PROGRESS" }),
                        @Schema(name = ApiDocument.TENANT_NOT_PROVISIONED_PROBLEM, allOf = Problem.class,
                                requiredProperties = "reason",
                                properties = @SchemaProperty(name = "reason", enumeration = "TENANT_NOT_PROVISIONED")),
                        @Schema(name = ApiDocument.CONNECTION_REFUSED_PROBLEM, allOf = Problem.class,
                                requiredProperties = "reason",
                                description = "Connecting needs the user to be eligible (the eligibility reasons of the "
                                        + "`PROFILE_CARD` client) and the tenant to let users consent to apps.",
                                properties = @SchemaProperty(name = "reason", enumeration = { "TENANT_NOT_PROVISIONED",
                                        "CLOUD_NOT_SUPPORTED", "NOT_ROLLED_OUT", "DISABLED_BY_TENANT", "NOT_SELECTED",
                                        "USER_CONSENT_NOT_ALLOWED" })),
                        @Schema(name = ApiDocument.OPTION_LOCKED_PROBLEM, allOf = Problem.class,
                                requiredProperties = "reason",
                                properties = @SchemaProperty(name = "reason", enumeration = "OPTION_LOCKED_BY_POLICY")),
                        @Schema(name = ApiDocument.CLOUD_NOT_SUPPORTED_PROBLEM, allOf = Problem.class,
                                requiredProperties = "reason",
                                properties = @SchemaProperty(name = "reason", enumeration = "CLOUD_NOT_SUPPORTED")),
                        @Schema(name = ApiDocument.OFFBOARDING_PROBLEM, allOf = Problem.class,
                                requiredProperties = "reason",
                                properties = @SchemaProperty(name = "reason", enumeration = "OFFBOARDING_IN_PROGRESS")) }))
package com.contoso.linkedin.rest.openapi;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import com.contoso.linkedin.domain.CardLevel;
import com.contoso.linkedin.rest.Problem;
import com.contoso.linkedin.rest.openapi.ApiDocument.Examples;
