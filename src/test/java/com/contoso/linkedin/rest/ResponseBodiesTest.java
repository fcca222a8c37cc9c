package com.contoso.linkedin.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ResponseBodiesTest {

    @Test
    void times_areShownToTheMillisecond_alwaysWithThreeDigits_soTheySortAsText() {
        assertEquals("2026-12-01T05:00:00.000Z", ResponseBodies.text(Instant.parse("2026-12-01T05:00:00Z")));
        assertEquals("2026-12-01T05:00:00.120Z", ResponseBodies.text(Instant.parse("2026-12-01T05:00:00.12Z")));
        assertEquals("2026-12-01T05:00:00.123Z", ResponseBodies.text(Instant.parse("2026-12-01T05:00:00.123456789Z")));
        assertNull(ResponseBodies.text(null));
    }
}
