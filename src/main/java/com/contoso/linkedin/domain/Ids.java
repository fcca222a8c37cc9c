package com.contoso.linkedin.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Directory ids are GUIDs; anything else is refused before it reaches the store. */
public final class Ids {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static boolean isGuid(String value) {
        return value != null && value.length() == 36 && GUID.matcher(value).matches();
    }

    /**
     * Returns the id in its canonical lower-case form, so that one object has one key whatever
     * case a caller or a token spells it in.
     */
    public static String requireGuid(String value, String what) {
        if (!isGuid(value)) {
            throw new InvalidInputException(what + " must be a GUID");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
