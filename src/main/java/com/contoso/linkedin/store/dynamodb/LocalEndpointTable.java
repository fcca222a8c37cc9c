package com.contoso.linkedin.store.dynamodb;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.contoso.linkedin.config.LinkedInConfig;

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

    /** After the local run's own DynamoDB Local has started (devlocal/LocalStore, priority 1). */
    void onStart(@Observes StartupEvent startup, Instance<DynamoDbClient> dynamo, LinkedInConfig config,
            @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") Optional<URI> endpoint) {
        createIfMissing(endpoint, dynamo::get, config.tableName());
    }

    /** The client is only made when an endpoint is named: in AWS, start-up goes on as before. */
    static void createIfMissing(Optional<URI> endpoint, Supplier<DynamoDbClient> dynamo, String tableName) {
        if (endpoint.isEmpty()) {
            return;
        }
        try {
            TableLayout.createIfMissing(dynamo.get(), tableName);
        } catch (SdkException unreachable) {
            // Keep running: every request then answers 503, which is what a missing store means.
            LOG.warnf("Could not reach the store at %s to create table %s: %s", endpoint.get(), tableName,
                    unreachable.getMessage());
        }
    }
}
