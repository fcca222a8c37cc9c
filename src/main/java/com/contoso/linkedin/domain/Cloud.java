package com.contoso.linkedin.domain;

/** The cloud a tenant lives in. LinkedIn integration exists only in the public cloud. */
public enum Cloud {
    PUBLIC, US_GOVERNMENT, CHINA, GERMANY;

    public boolean supportsLinkedIn() {
        return this == PUBLIC;
    }
}
