package com.contoso.linkedin.domain;

/**
 * The answer to "may this user see LinkedIn information": the reason of the first rule that
 * failed ({@link Reason#ELIGIBLE} when none did) and, when eligible, what the user's connection
 * unlocks. Every capability is false when not eligible.
 */
public record Decision(Reason reason, boolean connected, boolean shareWorkDataWithLinkedIn) {

    public static Decision notEligible(Reason reason) {
        return new Decision(reason, false, false);
    }

    public boolean eligible() {
        return reason == Reason.ELIGIBLE;
    }

    public boolean showPublicLinkedInInfo() {
        return eligible();
    }

    public boolean showConnectedLinkedInInfo() {
        return connected;
    }
}
