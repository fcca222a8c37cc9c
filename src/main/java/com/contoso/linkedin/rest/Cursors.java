package com.contoso.linkedin.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import com.contoso.linkedin.domain.InvalidInputException;

/**
 * Paging cursors: opaque to clients (base64url), each naming what it continues and where. A
 * cursor of another kind, of another list (another tenant, other filters), or none this API could
 * have handed out, is a 400. Cursors carry no secret: the list's mark only keeps a cursor to the
 * list that handed it out, since every page is read under the caller's own grants anyway.
 */
final class Cursors {
    /** What a cursor holds, at most: a position of the store, an id. */
    private static final Pattern POSITION = Pattern.compile("[A-Za-z0-9#-]{1,64}");
    private static final int MARK = 8;

    private Cursors() {
    }

    /**
     * @param list what identifies the list paged: its tenant and filters
     */
    static String encode(char kind, String list, String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + mark(list) + position).getBytes(StandardCharsets.US_ASCII));
    }

    static String decode(char kind, String list, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String position = text.length() > 1 + MARK ? text.substring(1 + MARK) : "";
            if (text.charAt(0) == kind && text.startsWith(mark(list), 1) && POSITION.matcher(position).matches()) {
                return position;
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException notOurs) {
            // reported below
        }
        throw new InvalidInputException("cursor is not one this list handed out");
    }

    private static String mark(String list) {
        CRC32 crc = new CRC32();
        crc.update(list.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
