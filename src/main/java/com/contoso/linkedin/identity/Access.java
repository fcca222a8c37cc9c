package com.contoso.linkedin.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.contoso.linkedin.domain.Ids;

/**
 * The caller of the request the HTTP layer is serving, read once, and where its endpoints'
 * grants are checked. Order matters and is the same everywhere: no identity is 401, malformed ids
 * are 400, claims that grant nothing are 403 ({@link Granted}), before any body is read.
 */
@RequestScoped
public class Access {

    private final APIGatewayV2HTTPEvent event;
    private final Context lambda;
    private final Callers callers;
    private Caller caller;
    /** A refusal of the request's form found before its grants were checked, thrown once they pass. */
    private RuntimeException onceGranted;

    @Inject
    public Access(APIGatewayV2HTTPEvent event, Context lambda, Callers callers) {
        this.event = event;
        this.lambda = lambda;
        this.callers = callers;
    }

    public Granted require(String rawTenantId, Grant... grants) {
        return require(rawTenantId, null, grants);
    }

    public Granted require(String rawTenantId, String rawUserId, Grant... grants) {
        Granted granted = Granted.require(caller(), rawTenantId, rawUserId, grants);
        throwKeptRefusal();
        return granted;
    }

    /**
     * Keeps a refusal of what the request sends (a body the operation does not take) for the moment
     * its grants have passed: 403 comes before it, as before the 400 of a body that is read.
     */
    public void refuseOnceGranted(RuntimeException refusal) {
        onceGranted = refusal;
    }

    /** For a caller whose grants passed (in {@link #require}, or checked elsewhere): the refusal kept, if any. */
    public void throwKeptRefusal() {
        if (onceGranted != null) {
            throw onceGranted;
        }
    }

    /**
     * An id of the path beside the tenant and the user (a group's): a GUID, checked where theirs
     * are ({@link Granted}), once the caller is known and before the grants.
     */
    public String pathId(String rawId, String name) {
        caller();
        return Ids.requireGuid(rawId, name);
    }

    public Caller caller() {
        if (caller == null) {
            caller = callers.of(event).orElseThrow(UnauthenticatedException::new);
        }
        return caller;
    }

    /** For logs: what kind of caller this is, without ever failing or naming anyone. */
    public String callerKind() {
        try {
            return caller().logKind();
        } catch (UnauthenticatedException none) {
            return "none";
        } catch (RuntimeException unreadable) {
            return "unknown";
        }
    }

    /** API Gateway's id of this request, for the audit and the log. */
    public String requestId() {
        return ApiGatewayEvents.requestId(event, lambda);
    }
}
