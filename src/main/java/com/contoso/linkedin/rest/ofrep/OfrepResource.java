package com.contoso.linkedin.rest.ofrep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.identity.Access;
import com.contoso.linkedin.rest.EligibilityAnswers;
import com.contoso.linkedin.rest.StrictJson;
import com.contoso.linkedin.rest.ofrep.OfrepAnswers.Answer;
import com.contoso.linkedin.rest.ofrep.OfrepException.ErrorCode;
import com.contoso.linkedin.rest.ofrep.OfrepViews.BulkEvaluationFailure;
import com.contoso.linkedin.rest.ofrep.OfrepViews.BulkEvaluationSuccess;
import com.contoso.linkedin.rest.ofrep.OfrepViews.EvaluationFailure;
import com.contoso.linkedin.rest.ofrep.OfrepViews.EvaluationRequest;
import com.contoso.linkedin.rest.ofrep.OfrepViews.EvaluationSuccess;
import com.contoso.linkedin.rest.ofrep.OfrepViews.FlagResult;
import com.contoso.linkedin.rest.ofrep.OfrepViews.Metadata;
import com.contoso.linkedin.rest.openapi.ApiDocument;
import com.contoso.linkedin.rest.openapi.ApiDocument.Examples;
import com.contoso.linkedin.service.ContextEvaluationService;
import com.contoso.linkedin.service.ContextEvaluationService.ContextEvaluation;
import com.contoso.linkedin.service.EligibilityService.Freshness;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The eligibility decision over the OpenFeature Remote Evaluation Protocol: one flag, or all of
 * them for one context. Who may ask is who may ask the eligibility endpoints: the profile-card
 * service's check role for any tenant, or the user about themselves (as the viewer, for the card
 * level). Order as everywhere: no identity is 401, an unknown flag 404, an unreadable body or
 * context 400, claims that grant nothing 403; a store failure is a 503 problem, never a value.
 */
@Path("/ofrep/v1/evaluate/flags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OpenFeature", description = "The eligibility decision as OpenFeature flags (OFREP).")
public class OfrepResource {
    /** What OpenFeature flag keys look like; only such a key is named back in FLAG_NOT_FOUND. */
    private static final Pattern FLAG_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String FLAG_KEYS = Arrays.stream(OfrepFlag.values()).map(OfrepFlag::key)
            .collect(Collectors.joining(", "));

    private final Access access;
    private final StrictJson bodies;
    private final ContextEvaluationService evaluations;
    private final EligibilityAnswers answers;
    private final ObjectMapper json;

    public OfrepResource(Access access, StrictJson bodies, ContextEvaluationService evaluations,
            EligibilityAnswers answers, ObjectMapper json) {
        this.access = access;
        this.answers = answers;
        this.bodies = bodies;
        this.evaluations = evaluations;
        this.json = json;
    }

    /** Single evaluation: 200 with the flag's value, 400 or 404 with an OFREP error naming the flag. */
    @POST
    @Path("/{key}")
    @Operation(operationId = "evaluateFlag", summary = "Evaluate one flag (OFREP)",
            description = "The flags: linkedin-integration, linkedin-connected-info, linkedin-share-work-data "
                    + "(booleans) and linkedin-profile-card-level (NONE, PUBLIC or CONNECTED; needs viewerId).")
    @Parameter(name = "key", in = ParameterIn.PATH, required = true, description = "The flag key.",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"))
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = EvaluationRequest.class),
            example = Examples.OFREP_REQUEST))
    @APIResponse(responseCode = "200", description = "The flag's value.", content = @Content(mediaType = ApiDocument.JSON,
            schema = @Schema(implementation = EvaluationSuccess.class), example = Examples.OFREP_SUCCESS))
    @APIResponse(responseCode = "400", description = """
            The body is no evaluation request or its context cannot be evaluated (an OFREP error), or a query \
            parameter was sent (a problem).""", content = {
                    @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = EvaluationFailure.class),
                            example = Examples.OFREP_FAILURE),
                    @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM)) })
    @APIResponse(responseCode = "404", description = """
            No flag has this key (an OFREP FLAG_NOT_FOUND), or the key is nothing a flag could be named (a problem, \
            which does not echo it).""", content = {
                    @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = EvaluationFailure.class),
                            example = Examples.OFREP_FLAG_NOT_FOUND),
                    @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM)) })
    public EvaluationSuccess evaluate(@RestPath String key, @Context HttpHeaders headers, String body) {
        answers.mayAskAtAll(access.caller());
        if (!FLAG_KEY.matcher(key).matches()) {
            // Nothing a flag could be named: a plain 404 problem, which does not echo it.
            throw new NotFoundException();
        }
        OfrepFlag flag = OfrepFlag.byKey(key).orElseThrow(() -> new OfrepException(404, ErrorCode.FLAG_NOT_FOUND,
                "No flag with this key; the flags are " + FLAG_KEYS).forFlag(key));
        OfrepContext context;
        try {
            context = read(headers, body);
            if (flag.needsViewer() && context.viewerId().isEmpty()) {
                throw viewerMissing();
            }
        } catch (OfrepException e) {
            throw e.forFlag(key);
        }
        if (flag.needsViewer()) {
            requireViewer(context);
        } else {
            requireUser(context);
        }
        ContextEvaluation evaluation = evaluations.evaluate(context.tenantId(), context.targetingKey(),
                context.client(), flag.needsViewer() ? context.viewerId() : Optional.empty());
        return answer(flag, evaluation);
    }

    /**
     * Bulk evaluation of every flag for one context, from one snapshot of the store. A user may
     * ask only about themselves, also as the viewer; without a viewer the card level is an error
     * inside the answer. The strong ETag covers context and answer; a matching If-None-Match is a
     * 304 without a body.
     */
    @POST
    @Operation(operationId = "evaluateFlags", summary = "Evaluate every flag for one context (OFREP bulk)",
            description = """
                    One snapshot of the store answers all four flags. Without viewerId the card level is an \
                    INVALID_CONTEXT entry among the others. The strong ETag covers the context and the answer.""")
    @Parameter(ref = ApiDocument.IF_NONE_MATCH)
    @RequestBody(content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = EvaluationRequest.class),
            example = Examples.OFREP_BULK_REQUEST))
    @APIResponse(responseCode = "200", description = "Every flag's answer.",
            headers = @Header(name = ApiDocument.ETAG, ref = ApiDocument.ETAG),
            content = @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = BulkEvaluationSuccess.class),
                    example = Examples.OFREP_BULK_SUCCESS))
    @APIResponse(responseCode = "304", description = "If-None-Match holds: the answer is unchanged. No body.",
            headers = @Header(name = ApiDocument.ETAG, ref = ApiDocument.ETAG))
    @APIResponse(responseCode = "400", description = """
            The body is no evaluation request or its context cannot be evaluated (an OFREP error), or a query \
            parameter was sent (a problem).""", content = {
                    @Content(mediaType = ApiDocument.JSON, schema = @Schema(implementation = BulkEvaluationFailure.class),
                            example = Examples.OFREP_BULK_FAILURE),
                    @Content(mediaType = ApiDocument.PROBLEM_JSON, schema = @Schema(ref = ApiDocument.PROBLEM)) })
    public Response bulk(@Context HttpHeaders headers, String body) throws JsonProcessingException {
        answers.mayAskAtAll(access.caller());
        OfrepContext context = read(headers, body);
        requireUser(context);
        if (context.viewerId().isPresent()) {
            requireViewer(context);
        }
        ContextEvaluation evaluation = evaluations.evaluate(context.tenantId(), context.targetingKey(),
                context.client(), context.viewerId());
        List<FlagResult> flags = new ArrayList<>(OfrepFlag.values().length);
        for (OfrepFlag flag : OfrepFlag.values()) {
            flags.add(flag.needsViewer() && evaluation.card().isEmpty()
                    ? EvaluationFailure.of(flag.key(), ErrorCode.INVALID_CONTEXT, viewerMissing().getMessage())
                    : answer(flag, evaluation));
        }
        byte[] answer = json.writeValueAsBytes(new BulkEvaluationSuccess(flags));
        String etag = OfrepETag.of(context, answer);
        if (OfrepETag.matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag).build();
    }

    @ServerExceptionMapper
    public Response ofrepError(OfrepException e) {
        Object entity = e.key() != null ? EvaluationFailure.of(e.key(), e.errorCode(), e.getMessage())
                : new BulkEvaluationFailure(e.errorCode().name(), e.getMessage());
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
    }

    /** Strict JSON as everywhere (415 and 413 stay problems); a body that cannot be read is a PARSE_ERROR. */
    private OfrepContext read(HttpHeaders headers, String body) {
        EvaluationRequest request;
        try {
            request = bodies.read(headers, body, EvaluationRequest.class);
        } catch (InvalidInputException e) {
            throw new OfrepException(400, ErrorCode.PARSE_ERROR, e.getMessage());
        }
        return OfrepContext.of(request.context());
    }

    /** The user flags are about targetingKey: the check role, or that user. */
    private void requireUser(OfrepContext context) {
        access.require(context.tenantId(), context.targetingKey(), EligibilityAnswers.MAY_CHECK);
    }

    /** The card level is asked by the viewer: the check role, or the viewer themselves. */
    private void requireViewer(OfrepContext context) {
        access.require(context.tenantId(), context.viewerId().orElseThrow(), EligibilityAnswers.MAY_SEE_CARDS);
    }

    private static EvaluationSuccess answer(OfrepFlag flag, ContextEvaluation evaluation) {
        Freshness freshness = evaluation.freshness();
        Answer answer = flag.needsViewer()
                ? OfrepAnswers.forCard(evaluation.card().orElseThrow(), freshness.defaultSetting())
                : OfrepAnswers.forUser(flag, evaluation.decision(), freshness.defaultSetting());
        return success(flag, answer, freshness);
    }

    private static EvaluationSuccess success(OfrepFlag flag, Answer answer, Freshness freshness) {
        return new EvaluationSuccess(flag.key(), answer.value(), answer.reason(), answer.variant(),
                new Metadata(answer.code().name(), freshness.settingVersion(), freshness.maxStalenessSeconds()));
    }

    private static OfrepException viewerMissing() {
        return OfrepException.invalidContext("context.viewerId (the viewer's object id) is required for "
                + OfrepFlag.PROFILE_CARD_LEVEL.key());
    }
}
