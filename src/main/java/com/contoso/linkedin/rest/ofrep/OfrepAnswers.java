package com.contoso.linkedin.rest.ofrep;

import com.contoso.linkedin.domain.Card;
import com.contoso.linkedin.domain.Decision;
import com.contoso.linkedin.domain.Reason;

/**
 * The eligibility decision in OpenFeature's words: value, variant and OpenFeature reason of each
 * flag, keeping the contract's reason code beside it. A pure function of the decision (or card)
 * and whether the setting behind it is the never-written default.
 *
 * <p>OpenFeature reasons:
 * <ul>
 * <li>{@code DEFAULT}: the setting a tenant has while no admin has written it decided
 * the value: the default {@code ENABLED} made {@code linkedin-integration} true, or the
 * {@code DE}/{@code FR} default {@code DISABLED} made every flag false.</li>
 * <li>{@code DISABLED}: the feature is switched off for the whole tenant: by a written
 * {@code DISABLED} setting, by the cloud, or by the platform (no tenant record, not rolled out).
 * The answer does not depend on the user.</li>
 * <li>{@code TARGETING_MATCH}: a rule about this user decided: the selection, the Office policy
 * or option, the user's connection, the subject's visibility, or a written setting that lets the
 * user in.</li>
 * </ul>
 */
public final class OfrepAnswers {
    public static final String DEFAULT = "DEFAULT";
    public static final String DISABLED = "DISABLED";
    public static final String TARGETING_MATCH = "TARGETING_MATCH";

    private static final String ON = "on";
    private static final String OFF = "off";

    private OfrepAnswers() {
    }

    /** One flag's answer; {@code code} is the contract's reason, for the metadata. */
    public record Answer(Object value, String variant, String reason, Reason code) {
    }

    /** The three flags about the user themselves, from their eligibility decision. */
    public static Answer forUser(OfrepFlag flag, Decision decision, boolean defaultSetting) {
        boolean value = switch (flag) {
            case INTEGRATION -> decision.eligible();
            case CONNECTED_INFO -> decision.showConnectedLinkedInInfo();
            case SHARE_WORK_DATA -> decision.shareWorkDataWithLinkedIn();
            case PROFILE_CARD_LEVEL -> throw new IllegalArgumentException("The card level is answered by forCard");
        };
        String reason;
        if (!decision.eligible()) {
            reason = refused(decision.reason(), defaultSetting);
        } else if (flag == OfrepFlag.INTEGRATION && defaultSetting) {
            reason = DEFAULT;
        } else {
            reason = TARGETING_MATCH;
        }
        return new Answer(value, value ? ON : OFF, reason, decision.reason());
    }

    /** The profile-card level: the viewer's eligibility governs, the subject's visibility hides. */
    public static Answer forCard(Card card, boolean defaultSetting) {
        String level = card.level().name();
        String reason = card.show() || card.reason() == Reason.SUBJECT_HIDDEN ? TARGETING_MATCH
                : refused(card.reason(), defaultSetting);
        return new Answer(level, level, reason, card.reason());
    }

    /** Why a user is not eligible, as an OpenFeature reason. */
    static String refused(Reason reason, boolean defaultSetting) {
        return switch (reason) {
            case TENANT_NOT_PROVISIONED, CLOUD_NOT_SUPPORTED, NOT_ROLLED_OUT -> DISABLED;
            case DISABLED_BY_TENANT -> defaultSetting ? DEFAULT : DISABLED;
            case NOT_SELECTED, DISABLED_BY_OFFICE_POLICY, DISABLED_BY_USER, SUBJECT_HIDDEN -> TARGETING_MATCH;
            case ELIGIBLE, USER_CONSENT_NOT_ALLOWED, OPTION_LOCKED_BY_POLICY, OFFBOARDING_IN_PROGRESS ->
                    throw new IllegalArgumentException(reason + " does not refuse eligibility");
        };
    }
}
