package com.contoso.linkedin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.lambda.Priming;
import com.contoso.linkedin.service.TenantCache;
import com.contoso.linkedin.support.StoreCalls;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Priming warms the real path with harmless store calls and leaves no tenant data cached. */
@QuarkusTest
@TestProfile(StoreRoundTripTest.Counted.class)
class PrimingTest {

    private static final String NIL = "00000000-0000-0000-0000-000000000000";

    @Inject
    Priming priming;

    @Inject
    TenantCache tenants;

    @Test
    void priming_readsOnlyKeysNoRequestCanName_andCachesNothing() {
        tenants.evict(NIL);
        StoreCalls.reset();

        priming.prime();

        // The nil tenant's absence (one GetItem) and the made-up user (one GetItem): nothing else.
        assertEquals(1, StoreCalls.of("GetItem:TENANT"), StoreCalls::summary);
        assertEquals(1, StoreCalls.of("GetItem:USER"), StoreCalls::summary);
        assertEquals(2, StoreCalls.total(), StoreCalls::summary);
        StoreCalls.reset();

        var reply = Checks.eligibility(NIL, NIL);

        assertEquals("TENANT_NOT_PROVISIONED", reply.json().getString("reason"));
        assertEquals(1, StoreCalls.of("GetItem:TENANT"), () -> "the primed tenant was cached: " + StoreCalls.summary());
    }

    @Test
    void priming_neverFails_evenWhenPrimedAgainBeforeACheckpoint() {
        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertEquals(200, Checks.eligibility(Tenants.provisioned(), NIL).status());
    }
}
