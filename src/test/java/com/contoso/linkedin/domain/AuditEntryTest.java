package com.contoso.linkedin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

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

    @Test
    void aStamp_datesEachEntryWhenItIsMade_soAnEntryMadeAgainAfterALostRaceIsNotDatedBeforeTheWinner() {
        Clock ticking = new Clock() {
            private Instant now = Instant.parse("2026-12-01T05:00:00Z");

            @Override
            public Instant instant() {
                now = now.plusMillis(1);
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        AuditEntry.Stamp stamp = new AuditEntry.Stamp("admin", ticking, "req");

        AuditEntry lost = stamp.entry(new AuditEntry.UserErased("u"));
        AuditEntry madeAgain = stamp.entry(new AuditEntry.UserErased("u"));

        assertEquals(lost.when().plusMillis(1), madeAgain.when());
    }
}
