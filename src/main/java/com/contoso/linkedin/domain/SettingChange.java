package com.contoso.linkedin.domain;

/** An admin's or a pipeline's request to set the mode, validated as it is made. */
public record SettingChange(IntegrationMode mode, String selectedGroupId, String changeReason) {

    public static final int MAX_CHANGE_REASON_LENGTH = 500;

    public SettingChange {
        if (mode == null) {
            throw new InvalidInputException("mode is required: one of ENABLED, SELECTED, DISABLED");
        }
        if (mode == IntegrationMode.SELECTED) {
            if (selectedGroupId == null) {
                throw new InvalidInputException("selectedGroupId is required when mode is SELECTED");
            }
            selectedGroupId = Ids.requireGuid(selectedGroupId, "selectedGroupId");
        } else if (selectedGroupId != null) {
            throw new InvalidInputException("selectedGroupId is allowed only when mode is SELECTED");
        }
        if (changeReason != null && changeReason.codePointCount(0, changeReason.length()) > MAX_CHANGE_REASON_LENGTH) {
            throw new InvalidInputException("changeReason is longer than " + MAX_CHANGE_REASON_LENGTH + " characters");
        }
    }
}
