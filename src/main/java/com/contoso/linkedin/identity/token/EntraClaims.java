package com.contoso.linkedin.identity.token;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * The claim rules of SPEC section 5 for an Entra ID v2.0 access token of any tenant, checked only
 * once its signature holds, and the context the functions are handed.
 */
final class EntraClaims {

    /** The context keys, in SPEC order: the functions read these and nothing else. */
    static final List<String> CONTEXT_CLAIMS = List.of("tid", "oid", "azp", "idtyp", "scp", "roles", "wids");

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Entra ID's v2.0 issuer names the tenant that issued the token: the multi-tenant rule checks it is the token's own. */
    private static final String ISSUER_PREFIX = "https://login.microsoftonline.com/";
    private static final String ISSUER_SUFFIX = "/v2.0";

    private final Set<String> audiences;
    private final Duration clockSkew;

    EntraClaims(Set<String> audiences, Duration clockSkew) {
        this.audiences = audiences;
        this.clockSkew = clockSkew;
    }

    /** Null when every rule holds, else the first that fails. */
    Refusal check(JWTClaimsSet claims, Instant now) {
        try {
            Date expires = claims.getExpirationTime();
            if (expires == null) {
                return Refusal.CLAIMS;
            }
            if (!expires.toInstant().plus(clockSkew).isAfter(now)) {
                return Refusal.EXPIRED;
            }
            Date notBefore = claims.getNotBeforeTime();
            if (notBefore != null && notBefore.toInstant().minus(clockSkew).isAfter(now)) {
                return Refusal.NOT_YET_VALID;
            }
            if (!"2.0".equals(stringOrNull(claims, "ver"))) {
                return Refusal.VERSION;
            }
            String tenant = claims.getStringClaim("tid");
            String object = claims.getStringClaim("oid");
            if (tenant == null || object == null || !GUID.matcher(tenant).matches() || !GUID.matcher(object).matches()) {
                return Refusal.CLAIMS;
            }
            if (!(ISSUER_PREFIX + tenant + ISSUER_SUFFIX).equals(claims.getIssuer())) {
                return Refusal.ISSUER;
            }
            List<String> audience = claims.getAudience();
            return audience.stream().anyMatch(audiences::contains) ? null : Refusal.AUDIENCE;
        } catch (ParseException e) {
            return Refusal.CLAIMS; // a registered claim of the wrong type
        }
    }

    /**
     * The context keys present in the token, lists as one space-separated string; null when one of
     * them is neither a string nor a list of strings (nothing odd is handed on).
     */
    Map<String, String> context(JWTClaimsSet claims) {
        Map<String, String> context = new LinkedHashMap<>();
        for (String name : CONTEXT_CLAIMS) {
            Object value = claims.getClaim(name);
            if (value == null) {
                continue;
            }
            if (value instanceof String text) {
                context.put(name, text);
            } else if (value instanceof Collection<?> list && list.stream().allMatch(String.class::isInstance)) {
                context.put(name, String.join(" ", list.stream().map(String.class::cast).toList()));
            } else {
                return null;
            }
        }
        return context;
    }

    /** {@code ver} of another type than a string is no v2.0 token either. */
    private static String stringOrNull(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text : null;
    }
}
