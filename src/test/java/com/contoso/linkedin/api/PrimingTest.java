package com.contoso.linkedin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.contoso.linkedin.lambda.Priming;
import com.contoso.linkedin.service.TenantCache;
import com.contoso.linkedin.support.StoreCalls;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;

/** Priming warms the real path with harmless store calls and leaves no tenant data cached. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
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
    void priming_sendsItsEvents_throughTheHotRoutesAndThroughQuarkusOwnHandler() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord line = (ExtLogRecord) record;
                lines.add(line.getThreadName() + " " + line.getFormattedMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger access = Logger.getLogger("com.contoso.linkedin.access");
        access.addHandler(capture);
        try {
            priming.prime();
        } finally {
            access.removeHandler(capture);
        }

        // The hot routes answer on the priming thread; the HTTP layer on its worker threads, and it
        // alone answers the card of a tenant the caller is no user of (the hot route declines it).
        List<String> hot = lines.stream().filter(line -> line.startsWith("priming ")).toList();
        List<String> httpLayer = lines.stream().filter(line -> line.startsWith("executor-thread")).toList();
        assertEquals(List.of("priming GET /tenants/{id}/users/{id}/linkedin-eligibility 200",
                "priming POST /tenants/{id}/profile-cards/linkedin 200"), hot, lines::toString);
        assertEquals(2, httpLayer.size(), lines::toString);
        assertTrue(httpLayer.get(0).endsWith(" POST /tenants/{id}/profile-cards/linkedin 403"), lines::toString);
        assertTrue(httpLayer.get(1).endsWith(" GET /tenants/{id}/users/{id}/linkedin-eligibility 200"), lines::toString);
    }

    @Test
    void priming_neverFails_evenWhenPrimedAgainBeforeACheckpoint() {
        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertEquals(200, Checks.eligibility(Tenants.provisioned(), NIL).status());
    }
}
