package com.contoso.linkedin.rest;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.EntityTag;

import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.service.VersionPrecondition;

/** The setting's strong ETag is its version; If-Match is read against it. */
final class ETags {
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*(,|$)");
    /** A version as our ETags spell it: entity tags compare as strings, so "08" is not "8". */
    private static final String CANONICAL = "0|[1-9][0-9]{0,17}";

    private ETags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * {@code *} holds for any version; otherwise a list of entity tags, compared strongly (a weak
     * tag never matches, RFC 9110 13.1.1). No header at all is no precondition. A bare version
     * ({@code 3}, as some clients strip the quotes) is read as the tag {@code "3"}.
     */
    static VersionPrecondition parseIfMatch(String header) {
        if (header == null) {
            return VersionPrecondition.NONE;
        }
        if (header.trim().equals("*")) {
            return new VersionPrecondition(true, Set.of());
        }
        if (header.trim().matches(CANONICAL)) {
            return new VersionPrecondition(false, Set.of(Long.parseLong(header.trim())));
        }
        Set<Long> versions = new HashSet<>();
        Matcher matcher = TAG.matcher(header);
        int end = 0;
        while (end < header.length() && matcher.find(end) && matcher.start() == end) {
            if (matcher.group(1) == null && matcher.group(2).matches(CANONICAL)) {
                versions.add(Long.parseLong(matcher.group(2)));
            }
            end = matcher.end();
        }
        if (end != header.length() || header.isBlank()) {
            throw new InvalidInputException("If-Match must be * or a list of entity tags such as \"3\"");
        }
        return new VersionPrecondition(false, versions);
    }
}
