package com.contoso.linkedin.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.contoso.linkedin.domain.Ids;

import io.quarkus.runtime.StartupEvent;

/**
 * Settings that convert but cannot be meant (a negative staleness bound, no attempts at all) stop
 * start-up, naming every such key: a function that started would answer with them, for example
 * {@code maxStalenessSeconds: -1}. Identity settings that are no GUIDs grant nothing, as unset
 * ones do (SPEC 5); they are logged as errors rather than stopping the function, whose users and
 * admins they do not concern.
 */
@ApplicationScoped
public class SettingsCheck {
    private static final Logger LOG = Logger.getLogger(SettingsCheck.class);

    /** Before anything else observes start-up (the local store is priority 1). */
    void onStart(@Observes @Priority(0) StartupEvent startup, LinkedInConfig config) {
        List<String> refused = refused(config);
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Settings no function can run with: " + String.join("; ", refused));
        }
        misreadIdentity(config.identity()).forEach(LOG::error);
    }

    static List<String> refused(LinkedInConfig config) {
        List<String> refused = new ArrayList<>();
        notNegative(refused, "linkedin.tenant-cache.max-staleness", config.tenantCache().maxStaleness());
        atLeastOne(refused, "linkedin.tenant-cache.max-entries", config.tenantCache().maxEntries());
        notNegative(refused, "linkedin.priming.timeout", config.priming().timeout());
        atLeastOne(refused, "linkedin.store.batch-attempts", config.store().batchAttempts());
        notNegative(refused, "linkedin.store.retry-base-delay", config.store().retryBaseDelay());
        atLeastOne(refused, "linkedin.store.retry-after-seconds", config.store().retryAfterSeconds());
        atLeastOne(refused, "linkedin.store.sdk-attempts", config.store().sdkAttempts());
        notNegative(refused, "linkedin.store.answer-margin", config.store().answerMargin());
        notNegative(refused, "linkedin.metrics.flush-interval", config.metrics().flushInterval());
        atLeastOne(refused, "linkedin.offboarding.page-size", config.offboarding().pageSize());
        notNegative(refused, "linkedin.offboarding.audit-retention", config.offboarding().auditRetention());
        return refused;
    }

    static List<String> misreadIdentity(LinkedInConfig.Identity identity) {
        List<String> misread = new ArrayList<>();
        identity.operatorTenantId().filter(id -> !Ids.isGuid(id.trim())).ifPresent(id -> misread.add(
                "linkedin.identity.operator-tenant-id is no GUID, so the any-tenant app roles grant nothing: " + id));
        identity.trustedClientIds().orElse(Set.of()).stream().filter(id -> !Ids.isGuid(id.trim())).forEach(id -> misread
                .add("linkedin.identity.trusted-client-ids holds a value that is no GUID (the list is comma-separated),"
                        + " which trusts no client: " + id));
        return misread;
    }

    private static void notNegative(List<String> refused, String key, Duration value) {
        if (value.isNegative()) {
            refused.add(key + " must not be negative, not " + value);
        }
    }

    private static void atLeastOne(List<String> refused, String key, int value) {
        if (value < 1) {
            refused.add(key + " must be at least 1, not " + value);
        }
    }
}
