package com.contoso.linkedin.identity;

import java.util.Locale;

import com.contoso.linkedin.domain.Ids;

/**
 * A caller admitted to the ids of a request, which are then checked and canonical. The order is
 * the same everywhere: a caller none of the grants admits is refused (403) before anything about
 * the ids is said (400), so a caller learns nothing of a request it may not make.
 */
public record Granted(Caller caller, String tenantId, String userId) {

    public static Granted require(Caller caller, String rawTenantId, String rawUserId, Grant... grants) {
        if (!Grant.anyAdmits(caller, asWritten(rawTenantId), asWritten(rawUserId), grants)) {
            throw new ForbiddenException();
        }
        return new Granted(caller, Ids.requireGuid(rawTenantId, "tenantId"),
                rawUserId == null ? null : Ids.requireGuid(rawUserId, "userId"));
    }

    /** Ids compare as the caller's do, lower-cased; one that is no GUID then matches no caller. */
    static String asWritten(String rawId) {
        return rawId == null ? null : rawId.toLowerCase(Locale.ROOT);
    }
}
