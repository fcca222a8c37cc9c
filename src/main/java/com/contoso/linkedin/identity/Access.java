package com.contoso.linkedin.identity;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.contoso.linkedin.domain.Ids;

/**
 * The request's caller, read once from the Lambda event, and the one place where an endpoint's
 * grants are checked. Order matters and is the same everywhere: no identity is 401, malformed
 * ids are 400, then claims that grant nothing are 403, before any body is read.
 */
@RequestScoped
public class Access {

    private final APIGatewayV2HTTPEvent event;
    private final Context lambda;
    private final Instance<UnverifiedBearerClaims> bearerShortcut;
    private Caller caller;

    @Inject
    public Access(APIGatewayV2HTTPEvent event, Context lambda, Instance<UnverifiedBearerClaims> bearerShortcut) {
        this.event = event;
        this.lambda = lambda;
        this.bearerShortcut = bearerShortcut;
    }

    /** The ids of the path, checked and canonical, once the caller is known to be entitled. */
    public record Granted(Caller caller, String tenantId, String userId) {
    }

    public Granted require(String rawTenantId, Grant... grants) {
        return require(rawTenantId, null, grants);
    }

    public Granted require(String rawTenantId, String rawUserId, Grant... grants) {
        Caller current = caller();
        String tenantId = Ids.requireGuid(rawTenantId, "tenantId");
        String userId = rawUserId == null ? null : Ids.requireGuid(rawUserId, "userId");
        if (admits(current, tenantId, userId, grants)) {
            return new Granted(current, tenantId, userId);
        }
        throw new ForbiddenException();
    }

    /** Whether one of the grants admits the caller to these (canonical) ids. */
    public static boolean admits(Caller caller, String tenantId, String userId, Grant... grants) {
        for (Grant grant : grants) {
            if (grant.admits(caller, tenantId, userId)) {
                return true;
            }
        }
        return false;
    }

    public Caller caller() {
        if (caller == null) {
            caller = Claims.toCaller(claims().orElseThrow(UnauthenticatedException::new));
        }
        return caller;
    }

    /** For logs: what kind of caller this is, without ever failing or naming anyone. */
    public String callerKind() {
        try {
            return caller().kind();
        } catch (UnauthenticatedException none) {
            return "none";
        } catch (RuntimeException unreadable) {
            return "unknown";
        }
    }

    /** API Gateway's id of this request, for the audit; the Lambda request id is the fallback. */
    public String requestId() {
        return requestId(event, lambda);
    }

    public static String requestId(APIGatewayV2HTTPEvent event, Context lambda) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context != null && context.getRequestId() != null) {
            return context.getRequestId();
        }
        return lambda.getAwsRequestId();
    }

    /** The claims API Gateway's JWT authorizer verified, if the event carries any. */
    public static Optional<Map<String, String>> verifiedClaims(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context != null && context.getAuthorizer() != null && context.getAuthorizer().getJwt() != null) {
            Map<String, String> verified = context.getAuthorizer().getJwt().getClaims();
            if (verified != null && !verified.isEmpty()) {
                return Optional.of(verified);
            }
        }
        return Optional.empty();
    }

    private Optional<Map<String, String>> claims() {
        Optional<Map<String, String>> verified = verifiedClaims(event);
        if (verified.isPresent()) {
            return verified;
        }
        if (bearerShortcut.isResolvable()) {
            return header(event, "authorization").flatMap(bearerShortcut.get()::fromAuthorizationHeader);
        }
        return Optional.empty();
    }

    /** A request header of the event, its name compared as HTTP compares names. */
    public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (name.equalsIgnoreCase(header.getKey())) {
                return Optional.ofNullable(header.getValue());
            }
        }
        return Optional.empty();
    }
}
