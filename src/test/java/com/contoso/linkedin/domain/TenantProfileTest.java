package com.contoso.linkedin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 2's country: written only as ISO 3166-1 assigns it, read back whatever was stored before. */
class TenantProfileTest {

    @ParameterizedTest
    @ValueSource(strings = { "US", "GB", "DE", "AQ", "SS", "XK" })
    void anAssignedCode_isWritten(String country) {
        assertEquals(country, TenantProfile.written(Cloud.PUBLIC, country, true, true).countryCode());
    }

    @ParameterizedTest
    @ValueSource(strings = { "UK", "EU", "XX", "ZZ", "QA1", "us", "" })
    void anythingElse_isRefusedOnWrite(String country) {
        assertThrows(InvalidInputException.class, () -> TenantProfile.written(Cloud.PUBLIC, country, true, true));
    }

    /** A record stored under the older rule (any two letters) still reads, so that it can be replaced. */
    @ParameterizedTest
    @ValueSource(strings = { "UK", "EU", "XX" })
    void aStoredRecord_ofTwoLetters_reads(String country) {
        assertEquals(country, new TenantProfile(Cloud.PUBLIC, country, true, true).countryCode());
    }
}
