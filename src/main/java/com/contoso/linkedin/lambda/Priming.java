package com.contoso.linkedin.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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
import com.contoso.linkedin.rest.DirectRoutes;
import com.contoso.linkedin.service.TenantCache;
import com.contoso.linkedin.store.LinkedInStore;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.amazon.lambda.runtime.AmazonLambdaRecorder;
import io.quarkus.netty.runtime.virtual.VirtualClientConnection;
import io.quarkus.netty.runtime.virtual.VirtualResponseHandler;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;

/**
 * Warms the hot paths while the function starts (Lambda's init phase: {@link FunctionHandler}
 * starts Quarkus when the runtime constructs it, and waits for this), and again just before a
 * SnapStart snapshot, so that the first real request does not pay for class loading, the
 * DynamoDB client's first connection, JSON mapping and the decision path.
 *
 * <p>What it does, and why none of it leaves tenant or user data behind:
 * <ul>
 * <li>an eligibility check and a profile card for the nil GUID tenant, which no directory issues,
 * as JSON bytes through the {@link DirectRoutes} that {@link FunctionHandler} asks first (one
 * tenant GetItem that finds nothing; the cached absence decides, and is evicted at once);</li>
 * <li>two API Gateway events through Quarkus' own Lambda handler and its HTTP layer, as soon as its
 * virtual channel opens: a profile card for a tenant id that is no GUID (event and JSON body read,
 * identity, routing, then a 400 problem: no store call) and the same eligibility check;</li>
 * <li>one user GetItem under the tenant key {@code priming}, which no request can name (ids are
 * GUIDs);</li>
 * <li>the decision table and the profile-card rule on made-up records.</li>
 * </ul>
 * Priming never fails or holds up start-up: every failure (store unreachable, an IAM role without
 * the action) is logged and ignored, and start-up waits at most {@code linkedin.priming.timeout}
 * ({@link LinkedInConfig.Priming}).
 */
@ApplicationScoped
public class Priming implements Resource {

    private static final Logger LOG = Logger.getLogger(Priming.class);

    /** The nil GUID: a well-formed tenant id that no directory ever issues. */
    static final String NO_TENANT = "00000000-0000-0000-0000-000000000000";
    /** Not a GUID: no request can address this partition. */
    static final String NOT_AN_ID = "priming";

    private final LinkedInStore store;
    private final TenantCache tenants;
    private final DirectRoutes direct;
    private final ObjectMapper mapper;
    private final boolean enabled;
    private final Duration timeout;
    /** Done when the start-up priming has ended, whatever its outcome. */
    private final CompletableFuture<Void> startPriming = new CompletableFuture<>();

    public Priming(LinkedInStore store, TenantCache tenants, DirectRoutes direct, ObjectMapper mapper,
            LinkedInConfig config) {
        this.store = store;
        this.tenants = tenants;
        this.direct = direct;
        this.mapper = mapper;
        this.enabled = config.priming().enabled();
        this.timeout = config.priming().timeout();
    }

    /**
     * Lambda init: Quarkus fires this before it opens the virtual HTTP channel the handler talks
     * to, so the decision path, the store client and the direct routes are primed here, and the
     * HTTP-layer events on a thread that sends them as soon as the channel is open;
     * {@link FunctionHandler} waits for that thread ({@link #awaitStartPriming}) before the first
     * invocation. A SnapStart snapshot is taken after init: {@link #beforeCheckpoint} primes all of it.
     */
    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            startPriming.complete(null);
            return;
        }
        // Lambda's SnapStart runtime calls registered CRaC resources around the snapshot; any
        // other JVM ignores them. The global context holds resources weakly: this bean holds itself.
        Core.getGlobalContext().register(this);
        within(timeout, this::primeDirectly);
        Thread events = new Thread(() -> {
            try {
                if (awaitHandler(timeout)) {
                    within(timeout, this::primeThroughHandler);
                }
            } finally {
                // The nil tenant's cached absence goes, whether or not the HTTP layer was primed.
                tenants.evict(NO_TENANT);
                startPriming.complete(null);
            }
        }, "priming-events");
        events.setDaemon(true);
        events.start();
    }

    /**
     * Waits, at most {@code linkedin.priming.timeout}, for the start-up priming to end.
     * {@link FunctionHandler} calls it in Lambda's init phase, once Quarkus has started, so that
     * the first invocation neither runs unprimed code nor shares the CPU with the priming events.
     */
    public void awaitStartPriming() {
        try {
            startPriming.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            LOG.warnf("Start-up priming took longer than %s; serving without waiting for it", timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException cannotHappen) {
            LOG.debugf("Start-up priming ended with %s", cannotHappen.toString());
        }
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        within(timeout, this::prime);
        // Nothing read while priming is kept, but a snapshot must never carry tenant data.
        tenants.evict(NO_TENANT);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // The snapshot's pooled connections are dead after a restore: open a fresh one now.
        runQuietly("store connection after restore", () -> store.findUser(NOT_AN_ID, NOT_AN_ID));
    }

    /** Every step: the decision path, the store client, and events through the real handler. */
    public void prime() {
        primeDirectly();
        primeThroughHandler();
    }

    private void primeDirectly() {
        runQuietly("decision path", Priming::decideOnMadeUpRecords);
        runQuietly("user read", () -> store.findUser(NOT_AN_ID, NOT_AN_ID));
        runQuietly("events through the direct routes", this::invokeDirectly);
    }

    private void primeThroughHandler() {
        runQuietly("profile-card event", () -> invokeThroughHttpLayer(profileCardEvent(NOT_AN_ID)));
        runQuietly("eligibility event", () -> invokeThroughHttpLayer(eligibilityEvent()));
        tenants.evict(NO_TENANT);
    }

    /** Runs the steps on their own thread and waits for them at most {@code limit}. */
    private static void within(Duration limit, Runnable steps) {
        long started = System.nanoTime();
        CompletableFuture<Void> priming = CompletableFuture.runAsync(steps, task -> {
            Thread thread = new Thread(task, "priming");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            priming.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debugf("Primed in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (TimeoutException late) {
            LOG.warnf("Priming took longer than %s; going on without waiting for it", limit);
        } catch (Exception | Error failed) {
            LOG.warnf("Priming failed (ignored): %s", failed.toString());
        }
    }

    /** Whether Quarkus opened the virtual HTTP channel of the Lambda handler within the limit. */
    private static boolean awaitHandler(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!virtualChannelOpen()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static boolean virtualChannelOpen() {
        if (VertxHttpRecorder.VIRTUAL_HTTP == null) {
            return false;
        }
        try {
            VirtualClientConnection.connect(new VirtualResponseHandler() {
                @Override
                public void handleMessage(Object message) {
                }

                @Override
                public void close() {
                }
            }, VertxHttpRecorder.VIRTUAL_HTTP).close();
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
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

    private static void runQuietly(String step, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.debugf("Priming step '%s' failed (ignored): %s", step, e.toString());
        }
    }

    // ---- events through the real handler ----------------------------------------------------

    /**
     * An event through Quarkus' own Lambda handler, as JSON bytes like every event the runtime
     * hands on: the event read, the HTTP layer, the response written.
     */
    private void invokeThroughHttpLayer(byte[] event) {
        try {
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            AmazonLambdaRecorder.handle(new ByteArrayInputStream(event), response, new SyntheticContext("priming"));
            LOG.debugf("Priming through the HTTP layer: %d bytes answered", response.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Events as {@link FunctionHandler} receives them, answered by the direct routes: a check and a
     * profile card for the nil GUID tenant (its cached absence decides; no user read).
     */
    private void invokeDirectly() {
        for (byte[] event : List.of(eligibilityEvent(), profileCardEvent(NO_TENANT))) {
            try {
                Optional<byte[]> answer = direct.answer(event, new SyntheticContext("priming"));
                LOG.debugf("Priming: the direct route %s", answer.isPresent() ? "answered" : "declined");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String profileCardBody() {
        return "{\"viewerId\":\"" + NO_TENANT + "\",\"subjectIds\":[\"" + NO_TENANT + "\"]}";
    }

    private byte[] profileCardEvent(String tenantId) {
        return event("POST", "/tenants/" + tenantId + "/profile-cards/linkedin", profileCardBody());
    }

    private byte[] eligibilityEvent() {
        return event("GET", "/tenants/" + NO_TENANT + "/users/" + NO_TENANT + "/linkedin-eligibility", null);
    }

    /**
     * An API Gateway HTTP API (payload 2.0) event with the JWT authorizer's claims, as the JSON the
     * runtime hands on. Written from plain maps: production never writes event objects, so no
     * serializer is built for them just to prime.
     */
    private byte[] event(String method, String path, String body) {
        // The nil user asking about themselves (a delegated token): a grant that needs no
        // configuration, so the direct routes answer in every deployment.
        Map<String, Object> claims = Map.of("tid", NO_TENANT, "oid", NO_TENANT, "scp", "priming");
        Map<String, Object> requestContext = Map.of("requestId", "priming", "routeKey", "$default", "stage", "$default",
                "domainName", "priming",
                "http", Map.of("method", method, "path", path, "protocol", "HTTP/1.1", "sourceIp", "127.0.0.1",
                        "userAgent", "priming"),
                "authorizer", Map.of("jwt", Map.of("claims", claims, "scopes", List.of())));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.put("headers", body == null ? Map.of("host", "priming")
                : Map.of("host", "priming", "content-type", "application/json"));
        event.put("requestContext", requestContext);
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        try {
            return mapper.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
