package com.contoso.linkedin.store.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.contoso.linkedin.config.LinkedInConfig;
import com.contoso.linkedin.store.StoreUnavailableException;

import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where {@code quarkus.dynamodb.endpoint-override} names a store (DynamoDB Local under the local
 * run, the tests, or the production zip run on a developer's machine), the table is created there
 * at start-up if it is missing (SPEC section 6). In AWS no endpoint is named and nothing is called:
 * the table is infra/'s, and the functions' roles may not create tables.
 */
@ApplicationScoped
public class LocalEndpointTable {
    private static final Logger LOG = Logger.getLogger(LocalEndpointTable.class);

    /** While the named store cannot be reached, how often its table is tried again. */
    static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    /** After the local run's own DynamoDB Local has started (devlocal/LocalStore, priority 1). */
    void onStart(@Observes StartupEvent startup, Instance<DynamoDbClient> dynamo, LinkedInConfig config,
            @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") Optional<URI> endpoint) {
        createIfMissing(endpoint, dynamo::get, config.tableName(), RETRY_EVERY);
    }

    /**
     * The client is only made when an endpoint is named: in AWS, start-up goes on as before. A
     * store that cannot be reached yet (DynamoDB Local started after the function, say) is tried
     * again in the background until its table is there; requests meanwhile answer 503.
     */
    static void createIfMissing(Optional<URI> endpoint, Supplier<DynamoDbClient> dynamo, String tableName,
            Duration retryEvery) {
        if (endpoint.isEmpty() || tryCreate(dynamo, tableName)) {
            return;
        }
        LOG.warnf("Could not reach the store at %s to create table %s; trying again every %s", endpoint.get(),
                tableName, retryEvery);
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "local-table");
            thread.setDaemon(true);
            return thread;
        });
        retries.scheduleWithFixedDelay(() -> {
            if (tryCreate(dynamo, tableName)) {
                LOG.infof("The store at %s answers; table %s is there", endpoint.get(), tableName);
                retries.shutdown();
            }
        }, retryEvery.toMillis(), retryEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether trying is over: the table is there, or the store refused it in a way no retry mends. */
    private static boolean tryCreate(Supplier<DynamoDbClient> dynamo, String tableName) {
        try {
            TableLayout.createIfMissing(dynamo.get(), tableName);
            return true;
        } catch (SdkException e) {
            if (StoreErrors.classify("create table " + tableName, e) instanceof StoreUnavailableException) {
                return false; // not reachable yet, busy or throttled: a later try may pass
            }
            // An invalid table name, say: the store answers, and answers the same every time.
            LOG.errorf("The store refused to create table %s: %s; every request will answer 503 until the"
                    + " setting is mended", tableName, e.getMessage());
            return true;
        }
    }
}
