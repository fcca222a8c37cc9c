package com.contoso.linkedin.rest;

import java.util.Locale;

/**
 * Whether a request's {@code Accept} header takes the API's answers ({@code application/json}):
 * the most specific range that matches decides, and a quality of 0 refuses (RFC 9110 12.5.1). No
 * header, or an empty one, takes anything.
 */
public final class AcceptHeader {
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

    /** The range's {@code q}, 1 when it names none; one that is no number counts as 1, as if absent. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException notANumber) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
