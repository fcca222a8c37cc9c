package com.contoso.linkedin.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the JWT authorizer's claims into a {@link Caller}. The HTTP API hands every claim on as a
 * string and flattens arrays to {@code [a b]}; a JSON-encoded array or a single value is read too.
 */
public final class Claims {

    private Claims() {
    }

    public static Caller toCaller(Map<String, String> claims) {
        return new Caller(
                id(claims.get("tid")),
                id(claims.get("oid")),
                list(claims.get("wids")).stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()),
                list(claims.get("roles")));
    }

    private static Optional<String> id(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code [a b]}, {@code ["a","b"]}, {@code a,b} and {@code a} all read as their elements. */
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
