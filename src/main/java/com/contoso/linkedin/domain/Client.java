package com.contoso.linkedin.domain;

/** Where LinkedIn information would be shown. */
public enum Client {
    PROFILE_CARD, OFFICE_DESKTOP
}
