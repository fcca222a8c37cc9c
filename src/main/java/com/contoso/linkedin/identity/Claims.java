package com.contoso.linkedin.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.contoso.linkedin.domain.Ids;
import com.contoso.linkedin.identity.Caller.Kind;

/**
 * Turns verified claims into a {@link Caller}. Both authorizers hand every claim on as a string:
 * the Lambda authorizer's context lists as {@code a b}, the HTTP API JWT authorizer as
 * {@code [a b]}; a JSON-encoded array or a single value is read too.
 */
public final class Claims {
    /** The claims that hold ids: each a GUID where present (SPEC 5), or the token grants nothing. */
    private static final List<String> ID_CLAIMS = List.of("tid", "oid", "azp", "appid");

    private Claims() {
    }

    public static Caller toCaller(Map<String, String> claims, OperatorTrust trust) {
        // A malformed id is no token the authorizer passed: nothing of it is kept (not even as the
        // name the audit records), and it grants nothing.
        Kind kind = ID_CLAIMS.stream().allMatch(name -> absentOrGuid(claims.get(name)))
                ? kind(claims.get("scp"), claims.get("idtyp"))
                : Kind.UNKNOWN;
        Optional<String> tenantId = id(claims.get("tid"));
        Optional<String> clientAppId = id(claims.get("azp")).or(() -> id(claims.get("appid")));
        return new Caller(kind, tenantId, id(claims.get("oid")), clientAppId,
                list(claims.get("wids")).stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                list(claims.get("roles")),
                kind == Kind.APP_ONLY && trust.trusts(tenantId, clientAppId));
    }

    /**
     * App-only tokens carry no {@code scp}, delegated ones do; {@code idtyp}, where the token has
     * it, must agree. An {@code scp} that names no scope is neither (SPEC 5: app-only means no
     * {@code scp} at all), so it grants nothing rather than letting app roles count.
     */
    private static Kind kind(String scp, String idtyp) {
        if (scp != null && list(scp).isEmpty()) {
            return Kind.UNKNOWN;
        }
        boolean delegated = scp != null;
        String declared = idtyp == null || idtyp.isBlank() ? null : idtyp.trim().toLowerCase(Locale.ROOT);
        if (declared == null) {
            return delegated ? Kind.DELEGATED : Kind.APP_ONLY;
        }
        if (delegated && declared.equals("user")) {
            return Kind.DELEGATED;
        }
        if (!delegated && declared.equals("app")) {
            return Kind.APP_ONLY;
        }
        return Kind.UNKNOWN;
    }

    private static boolean absentOrGuid(String value) {
        return value == null || value.isBlank() || Ids.isGuid(value.trim());
    }

    private static Optional<String> id(String value) {
        if (value == null || !Ids.isGuid(value.trim())) {
            return Optional.empty();
        }
        return Optional.of(value.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code [a b]}, {@code a b}, {@code ["a","b"]}, {@code a,b} and {@code a} all read as their elements. */
    static Set<String> list(String value) {
        if (value == null) {
            return Set.of();
        }
        String inner = value.trim();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[\\s,]+"))
                .map(element -> element.replace("\"", ""))
                .filter(element -> !element.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
