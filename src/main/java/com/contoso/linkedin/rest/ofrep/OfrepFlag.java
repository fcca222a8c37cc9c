package com.contoso.linkedin.rest.ofrep;

import java.util.Optional;

/**
 * The flags this function set serves over OFREP. Each is one field of the eligibility decision
 * (SPEC section 3), asked about the user named by the context's {@code targetingKey}; the
 * profile-card level is asked about that user as the subject of a card drawn for {@code viewerId}.
 * The order is the order of the bulk answer.
 */
public enum OfrepFlag {
    /** The decision's {@code eligible}. */
    INTEGRATION("linkedin-integration", false),
    /** The decision's {@code showConnectedLinkedInInfo}. */
    CONNECTED_INFO("linkedin-connected-info", false),
    /** The decision's {@code shareWorkDataWithLinkedIn}. */
    SHARE_WORK_DATA("linkedin-share-work-data", false),
    /** The card's {@code level} ({@code NONE}, {@code PUBLIC}, {@code CONNECTED}) for viewer and subject. */
    PROFILE_CARD_LEVEL("linkedin-profile-card-level", true);

    private final String key;
    private final boolean needsViewer;

    OfrepFlag(String key, boolean needsViewer) {
        this.key = key;
        this.needsViewer = needsViewer;
    }

    public String key() {
        return key;
    }

    /** Whether the context must name a {@code viewerId} for this flag. */
    public boolean needsViewer() {
        return needsViewer;
    }

    public static Optional<OfrepFlag> byKey(String key) {
        for (OfrepFlag flag : values()) {
            if (flag.key.equals(key)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}
