package com.contoso.linkedin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditEntryTest {

    @Test
    void anEntry_keepsItsTimeToTheMillisecond_whichTheAuditOrdersAndFiltersBy() {
        Instant finer = Instant.parse("2026-12-01T05:00:00.123456789Z");

        AuditEntry entry = new AuditEntry.Stamp("admin", finer, "req").entry(new AuditEntry.UserErased("u"));

        assertEquals(Instant.parse("2026-12-01T05:00:00.123Z"), entry.when());
        assertEquals(Instant.parse("2026-12-01T05:00:00.123Z"), AuditEntry.setting(1, "admin", finer,
                new SettingState(IntegrationMode.ENABLED, null), new SettingState(IntegrationMode.DISABLED, null), null,
                "req").when());
    }
}
