package com.contoso.linkedin.identity.token;

import java.util.Map;
import java.util.Objects;

/**
 * The answer for one token: passed, with the caller's context for the functions, or refused
 * with its cause. Never both.
 *
 * @param context the context keys handed on (tid, oid, azp, idtyp, scp, roles, wids), empty when refused
 * @param refusal why it was refused, null when it passed
 */
public record Verdict(Map<String, String> context, Refusal refusal) {

    public Verdict {
        context = Map.copyOf(context);
        if (refusal != null && !context.isEmpty()) {
            throw new IllegalArgumentException("a refused token hands nothing on");
        }
    }

    public static Verdict passed(Map<String, String> context) {
        return new Verdict(context, null);
    }

    public static Verdict refused(Refusal refusal) {
        return new Verdict(Map.of(), Objects.requireNonNull(refusal));
    }

    public boolean isPassed() {
        return refusal == null;
    }
}
