package com.contoso.linkedin.identity;

import com.contoso.linkedin.domain.Ids;

/**
 * A caller admitted to the ids of a request, which are then canonical. The order is the same
 * everywhere: once the caller is known (else 401), ids that are no GUIDs are 400, as an unknown
 * query parameter is (the request's own form, which says nothing of any tenant: SPEC 4, "IDs are
 * GUIDs; anything else is 400"); then a caller none of the grants admits is 403, before any body is
 * read.
 */
public record Granted(Caller caller, String tenantId, String userId) {

    public static Granted require(Caller caller, String rawTenantId, String rawUserId, Grant... grants) {
        String tenantId = Ids.requireGuid(rawTenantId, "tenantId");
        String userId = rawUserId == null ? null : Ids.requireGuid(rawUserId, "userId");
        if (!Grant.anyAdmits(caller, tenantId, userId, grants)) {
            throw new ForbiddenException();
        }
        return new Granted(caller, tenantId, userId);
    }
}
