package com.contoso.linkedin.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.domain.Client;
import com.contoso.linkedin.domain.Cloud;
import com.contoso.linkedin.domain.Connection;
import com.contoso.linkedin.domain.Consent;
import com.contoso.linkedin.domain.Decision;
import com.contoso.linkedin.domain.EligibilityRules;
import com.contoso.linkedin.domain.IntegrationMode;
import com.contoso.linkedin.domain.OfficePolicy;
import com.contoso.linkedin.domain.Tenant;
import com.contoso.linkedin.domain.TenantProfile;
import com.contoso.linkedin.domain.TenantSetting;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.service.TenantCache;
import com.contoso.linkedin.store.LinkedInStore;

/**
 * Warms the paths of the first request while the function starts (Lambda's init phase, before
 * a SnapStart snapshot too), so that it does not pay for class loading, the DynamoDB client's first
 * connection, JSON mapping and the decision path. A list of steps, run in order on one thread,
 * and one bound ({@code linkedin.priming.timeout}) that the init phase never waits longer than;
 * no step's failure (store unreachable, an IAM role without the action) fails the start.
 *
 * <p>No step leaves tenant or user data behind: the events ask about the nil GUID tenant, which
 * no directory issues (its cached absence is evicted), and the store read names a partition no
 * request can address.
 */
@ApplicationScoped
@Unremovable // looked up by FunctionHandler, which is no bean
public class Priming implements Resource {
    private static final Logger LOG = Logger.getLogger(Priming.class);

    /** The nil GUID: a well-formed tenant id that no directory ever issues. */
    static final String NO_TENANT = "00000000-0000-0000-0000-000000000000";
    /** A well-formed tenant id the priming caller (the nil user) is no user of. */
    static final String OTHER_TENANT = "00000000-0000-0000-0000-000000000001";
    /** Not a GUID: no request can address this partition. */
    static final String NOT_AN_ID = "priming";

    private record Step(String name, Runnable action) {
    }

    private final LinkedInStore store;
    private final TenantCache tenants;
    private final EventDispatch dispatch;
    private final boolean enabled;
    private final Duration bound;
    private final List<Step> steps;
    /** Set when the bound passed: the steps not yet begun are left out. */
    private volatile boolean skipRemaining;
    /** One thread for every step, so that a step the bound cut short cannot hold up the start. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "priming");
        thread.setDaemon(true);
        return thread;
    });

    public Priming(LinkedInStore store, TenantCache tenants, EventDispatch dispatch, LinkedInConfig config) {
        this.store = store;
        this.tenants = tenants;
        this.dispatch = dispatch;
        this.enabled = config.priming().enabled();
        this.bound = config.priming().timeout();
        List<Step> all = new ArrayList<>(List.of(
                new Step("decision path", Priming::decideOnMadeUpRecords),
                new Step("store connection", this::readNothing),
                new Step("hot routes", () -> send(eligibilityEvent(), profileCardEvent(NO_TENANT)))));
        if (config.priming().httpLayer()) {
            all.add(new Step("HTTP layer", () -> sendThroughHttpLayer(profileCardEvent(OTHER_TENANT), eligibilityEvent())));
        }
        this.steps = List.copyOf(all);
    }

    /** Lambda's init phase ({@link FunctionHandler}): prime, and be called around a SnapStart snapshot. */
    public void atStart() {
        if (!enabled) {
            return;
        }
        // Lambda's SnapStart runtime calls registered CRaC resources around the snapshot; any
        // other JVM ignores them. The global context holds resources weakly: this bean holds itself.
        Core.getGlobalContext().register(this);
        prime();
    }

    /** Every step, in order, waiting for them at most the bound. */
    public void prime() {
        skipRemaining = false;
        within(() -> {
            StringBuilder took = new StringBuilder();
            for (Step step : steps) {
                if (skipRemaining) {
                    return;
                }
                long began = System.nanoTime();
                runQuietly(step);
                took.append(took.length() == 0 ? "" : ", ").append(step.name()).append(' ')
                        .append((System.nanoTime() - began) / 1_000_000).append(" ms");
            }
            LOG.infof("Primed: %s", took);
        });
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        // Primed in the init phase already; a snapshot must never carry tenant data.
        tenants.evict(NO_TENANT);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // The snapshot's pooled connections are dead after a restore: open a fresh one now.
        within(() -> runQuietly(new Step("store connection after restore", this::readNothing)));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private void within(Runnable work) {
        long started = System.nanoTime();
        Future<?> running = runner.submit(work);
        try {
            running.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debugf("Primed in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (TimeoutException late) {
            // Not interrupted: a request half way through the HTTP layer would fail loudly. The
            // rest of the steps are skipped; the one under way finishes on its own thread.
            skipRemaining = true;
            LOG.warnf("Priming took longer than %s; going on without it", bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            LOG.warnf("Priming failed (ignored): %s", failed.toString());
        } finally {
            tenants.evict(NO_TENANT);
        }
    }

    private static void runQuietly(Step step) {
        try {
            step.action().run();
        } catch (RuntimeException | LinkageError e) {
            LOG.debugf("Priming step '%s' failed (ignored): %s", step.name(), e.toString());
        }
    }

    private void readNothing() {
        store.findUser(NOT_AN_ID, NOT_AN_ID);
    }

    private static void decideOnMadeUpRecords() {
        Tenant tenant = new Tenant(NO_TENANT, new TenantProfile(Cloud.PUBLIC, "US", true, true),
                Optional.of(new TenantSetting(IntegrationMode.SELECTED, NO_TENANT, 1, Instant.EPOCH, NOT_AN_ID)), 0);
        UserFacts user = new UserFacts(Set.of(NO_TENANT), false,
                Optional.of(new Connection(Consent.BOTH_WAYS, 0, Instant.EPOCH)), true, OfficePolicy.NOT_CONFIGURED,
                true);
        for (Client client : Client.values()) {
            Decision viewer = EligibilityRules.decide(Optional.of(tenant), user, client);
            EligibilityRules.cards(viewer, List.of(user, UserFacts.unknown()));
            EligibilityRules.decide(Optional.of(tenant), UserFacts.unknown(), client);
        }
        EligibilityRules.decidedByTenant(Optional.empty());
    }

    /** Events as Lambda hands them on, through the production dispatch (the hot routes answer these). */
    private void send(byte[]... events) {
        for (byte[] event : events) {
            try {
                dispatch.handle(event, new ByteArrayOutputStream(), new SyntheticContext("priming"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Events through Quarkus' own handler and HTTP layer, which every other route takes: event and
     * body JSON, identity, ids, grants, a problem document; the card of a tenant the caller is no
     * user of is refused (403) before any store call.
     */
    private void sendThroughHttpLayer(byte[]... events) {
        for (byte[] event : events) {
            try {
                dispatch.throughHttpLayer(event, new ByteArrayOutputStream(), new SyntheticContext("priming"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] profileCardEvent(String tenantId) {
        return event("POST", "/tenants/" + tenantId + "/profile-cards/linkedin",
                "{\\\"viewerId\\\":\\\"" + NO_TENANT + "\\\",\\\"subjectIds\\\":[\\\"" + NO_TENANT + "\\\"]}");
    }

    private static byte[] eligibilityEvent() {
        return event("GET", "/tenants/" + NO_TENANT + "/users/" + NO_TENANT + "/linkedin-eligibility", null);
    }

    /**
     * An API Gateway HTTP API (payload 2.0) event of the nil user asking about themselves (a
     * delegated token: a grant that needs no configuration, so the hot routes answer in every
     * deployment), as the JSON the runtime hands on.
     */
    private static byte[] event(String method, String path, String escapedJsonBody) {
        String body = escapedJsonBody == null ? ""
                : ",\"body\":\"" + escapedJsonBody + "\",\"headers\":{\"content-type\":\"application/json\"}";
        return ("{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\"\","
                + "\"requestContext\":{\"requestId\":\"priming\",\"routeKey\":\"$default\",\"stage\":\"$default\","
                + "\"http\":{\"method\":\"" + method + "\",\"path\":\"" + path + "\",\"protocol\":\"HTTP/1.1\","
                + "\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"priming\"},\"authorizer\":{\"lambda\":{\"tid\":\""
                + NO_TENANT + "\",\"oid\":\"" + NO_TENANT + "\",\"scp\":\"priming\"}}},\"isBase64Encoded\":false"
                + body + "}").getBytes(StandardCharsets.UTF_8);
    }
}
