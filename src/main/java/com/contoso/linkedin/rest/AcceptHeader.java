package com.contoso.linkedin.rest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a request's {@code Accept} header takes the API's answers ({@code application/json}):
 * the most specific range that matches decides, and a quality of 0 refuses (RFC 9110 12.5.1). No
 * header, or an empty one, takes anything.
 */
public final class AcceptHeader {
    /** A qvalue as RFC 9110 12.4.2 writes it; any other is ignored, as if the range named none. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private AcceptHeader() {
    }

    public static boolean takesJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        int bestSpecificity = -1;
        boolean taken = false;
        for (String range : accept.split(",", -1)) {
            String[] parts = range.split(";", -1);
            int specificity = switch (parts[0].strip().toLowerCase(Locale.ROOT)) {
                case "application/json" -> 2;
                case "application/*" -> 1;
                case "*/*" -> 0;
                default -> -1;
            };
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                taken = quality(parts) > 0;
            }
        }
        return taken;
    }

    /** The range's {@code q}: 1 when it names none, or none that is a qvalue. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")
                    && QVALUE.matcher(parameter.substring(2)).matches()) {
                return Double.parseDouble(parameter.substring(2));
            }
        }
        return 1;
    }
}
