package com.contoso.linkedin.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import com.contoso.linkedin.domain.InvalidInputException;

/**
 * Paging cursors: opaque to clients (base64url), each naming what it continues and where. A
 * cursor of another kind, or none this API could have handed out, is a 400.
 */
final class Cursors {
    /** What a cursor holds, at most: a position of the store, an id. */
    private static final Pattern POSITION = Pattern.compile("[A-Za-z0-9#-]{1,64}");

    private Cursors() {
    }

    static String encode(char kind, String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + position).getBytes(StandardCharsets.US_ASCII));
    }

    static String decode(char kind, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.length() > 1 && text.charAt(0) == kind && POSITION.matcher(text.substring(1)).matches()) {
                return text.substring(1);
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        throw new InvalidInputException("cursor is not one this API handed out");
    }
}
