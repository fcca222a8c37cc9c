package com.contoso.linkedin.rest;

import java.util.Set;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.domain.Reason;
import com.contoso.linkedin.domain.RefusedException;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.VersionMismatchException;
import com.contoso.linkedin.identity.ForbiddenException;
import com.contoso.linkedin.identity.UnauthenticatedException;
import com.contoso.linkedin.service.ContendedWriteException;
import com.contoso.linkedin.store.GroupSyncIncompleteException;
import com.contoso.linkedin.store.StoreFailedException;
import com.contoso.linkedin.store.StoreUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The one place where failures become HTTP: every error is an application/problem+json document,
 * and nothing internal (stack trace, store message, token) reaches a response.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final RetryAfter retryAfter;

    public ProblemMapper(RetryAfter retryAfter) {
        this.retryAfter = retryAfter;
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return problem(400, "invalid-request", "Invalid request", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return problem(400, "invalid-request", "Invalid request", StrictJson.describe(e), null);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthenticatedException e) {
        return Response.fromResponse(problem(401, "unauthenticated", "Unauthenticated",
                "A verified caller identity is required", null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "forbidden", "Forbidden", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response notProvisioned(TenantNotProvisionedException e) {
        return problem(404, "tenant-not-provisioned", "Tenant not provisioned", e.getMessage(),
                Reason.TENANT_NOT_PROVISIONED);
    }

    @ServerExceptionMapper
    public Response refused(RefusedException e) {
        return problem(409, "refused", "Refused by a rule", e.getMessage(), e.reason());
    }

    @ServerExceptionMapper
    public Response stale(VersionMismatchException e) {
        // The detail names the ETag, not a "version": the two differ while the setting was never written.
        return Response.fromResponse(problem(412, "precondition-failed", "Precondition failed",
                "The setting has changed since it was read: its current ETag is " + ETags.of(e.currentVersion()), null))
                .tag(ETags.of(e.currentVersion())).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return problem(413, "payload-too-large", "Payload too large", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unsupportedType(UnsupportedContentTypeException e) {
        return problem(415, "unsupported-media-type", "Unsupported media type", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        return storeFailure(Problems.forStore(e), e);
    }

    @ServerExceptionMapper
    public Response storeFailed(StoreFailedException e) {
        return storeFailure(Problems.forStore(e), e);
    }

    @ServerExceptionMapper
    public Response groupSyncIncomplete(GroupSyncIncompleteException e) {
        return storeFailure(Problems.forPartialSync(e), e.stoppedBy());
    }

    /** Logged, and the wait told, as what failed: a refusal waits the longest. */
    private Response storeFailure(Problem problem, RuntimeException failure) {
        Problems.logStore(failure);
        return withRetryAfter(problem(problem), retryAfter.secondsAfter(failure));
    }

    /** Other writers kept winning: worth trying again soon, and no sign of the store's health. */
    @ServerExceptionMapper
    public Response contended(ContendedWriteException e) {
        LOG.warnf("Write contended: %s", e.getMessage());
        return withRetryAfter(problem(Problems.WRITE_CONTENDED), retryAfter.secondsAfterContention());
    }

    private static Response withRetryAfter(Response problem, int seconds) {
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    /**
     * Routing and protocol errors of the framework: unknown path, wrong method, and so on. A
     * method the path does not take is a 405 naming the ones it does, whatever RESTEasy matched.
     */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        Set<String> taken = Routes.methodsOf(request.getUriInfo().getPath());
        if ((status == 404 || status == 405) && !taken.isEmpty() && !taken.contains(request.getMethod())) {
            return Response.fromResponse(problem(405, "method-not-allowed", "Method Not Allowed",
                    "This path does not take the request's method; Allow names the ones it takes", null))
                    .header(HttpHeaders.ALLOW, Routes.allow(taken)).build();
        }
        if (status >= 500) {
            LOG.errorf(e, "Framework error %d", status);
            return problem(Problems.INTERNAL_ERROR);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request refused";
        return problem(status, title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), title, title, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Problems.logUnexpected(e);
        return problem(Problems.INTERNAL_ERROR);
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Response problem(int status, String slug, String title, String detail, Reason reason) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, slug, title, detail, reason == null ? null : reason.name()))
                .build();
    }
}
