package com.contoso.linkedin.api;

import static com.contoso.linkedin.support.Identities.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.support.StoreCalls;
import com.contoso.linkedin.support.Tenants;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With a short bound, the tenant is read again once its cached copy is older than the bound. */
@QuarkusTest
@TestProfile(TenantCacheExpiryTest.ShortBound.class)
class TenantCacheExpiryTest {

    public static class ShortBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.dynamodb.interceptors", StoreCalls.class.getName(),
                    "linkedin.tenant-cache.max-staleness", "PT1S", "linkedin.priming.enabled", "false");
        }
    }

    @Test
    void tenant_isReadAgain_afterTheBoundExpires() throws InterruptedException {
        String tenant = Tenants.provisioned();
        StoreCalls.reset();

        long started = System.nanoTime();
        assertEquals(200, Checks.eligibility(tenant, newId()).status());
        assertEquals(200, Checks.eligibility(tenant, newId()).status());
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        if (elapsedMillis < 900) {
            // Both checks well within the bound: the second one used the cached copy.
            assertEquals(1, StoreCalls.of("GetItem:TENANT"), StoreCalls::summary);
        }
        int readsBefore = StoreCalls.of("GetItem:TENANT");

        Thread.sleep(1_100);
        var reply = Checks.eligibility(tenant, newId());

        assertEquals(200, reply.status());
        assertEquals(1, reply.json().getLong("maxStalenessSeconds"));
        assertEquals(readsBefore + 1, StoreCalls.of("GetItem:TENANT"), StoreCalls::summary);
        assertEquals(3, StoreCalls.of("GetItem:USER"), StoreCalls::summary);
    }
}
