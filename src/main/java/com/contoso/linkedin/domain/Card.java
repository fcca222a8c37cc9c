package com.contoso.linkedin.domain;

/** What one profile card shows of one subject to one viewer. */
public record Card(boolean show, CardLevel level, Reason reason) {
    public static Card hidden(Reason reason) {
        return new Card(false, CardLevel.NONE, reason);
    }
}
