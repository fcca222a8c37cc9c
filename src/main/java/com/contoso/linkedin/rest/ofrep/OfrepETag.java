package com.contoso.linkedin.rest.ofrep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulk answer's strong ETag: a hash of the context it answers and of the exact bytes of the
 * answer. Hashing the computed answer, not the setting version, is what makes it change whenever
 * the answer can: a user's own disconnect, selection or visibility change moves no setting
 * version, but it changes the answer. Hashing the context keeps one user's tag from validating
 * another context's cached answer.
 */
final class OfrepETag {
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"([^\"]*)\"");

    private OfrepETag() {
    }

    /** The header value, quotes included. */
    static String of(OfrepContext context, byte[] answer) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        String subject = String.join("\n", "ofrep-bulk-1", context.tenantId(), context.targetingKey(),
                context.viewerId().orElse(""), context.client().name(), "");
        sha256.update(subject.getBytes(StandardCharsets.UTF_8));
        byte[] digest = sha256.digest(answer);
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
    }

    /**
     * {@code If-None-Match} holds when it is {@code *} or lists the tag; the comparison is weak,
     * as RFC 9110 section 13.1.2 asks. A header that cannot be read matches nothing: the full
     * answer is always a safe reply.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        String opaque = etag.substring(1, etag.length() - 1);
        Matcher matcher = TAG.matcher(ifNoneMatch);
        while (matcher.find()) {
            if (matcher.group(1).equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
