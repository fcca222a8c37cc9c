package com.contoso.linkedin.domain;

/** How much LinkedIn information a profile card shows. */
public enum CardLevel {
    NONE, PUBLIC, CONNECTED
}
