package com.contoso.linkedin.domain;

/**
 * The answer to "may this user see LinkedIn information": the reason of the first rule that
 * failed ({@link Reason#ELIGIBLE} when none did) and, when eligible, what the user's connection
 * unlocks. Every capability is false when not eligible.
 */
public record Decision(Reason reason, boolean connected, boolean shareWorkDataWithLinkedIn) {

    public Decision {
        if ((connected || shareWorkDataWithLinkedIn) && reason != Reason.ELIGIBLE) {
            throw new IllegalArgumentException("A user who is not eligible has no capability");
        }
        if (shareWorkDataWithLinkedIn && !connected) {
            throw new IllegalArgumentException("Sharing work data needs a connection");
        }
    }

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
