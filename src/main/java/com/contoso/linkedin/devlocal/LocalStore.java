package com.contoso.linkedin.devlocal;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The store of the local run. In dev mode, unless {@code quarkus.dynamodb.endpoint-override}
 * names another store, it starts DynamoDB Local in memory inside the process, before the table is
 * created there ({@code store/dynamodb/LocalEndpointTable}). DynamoDB Local is a provided-scope
 * dependency and this package is left out of function.zip, so none of it reaches production.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class LocalStore {
    private static final Logger LOG = Logger.getLogger(LocalStore.class);

    private DynamoDBProxyServer server;

    void start(@Observes @Priority(1) StartupEvent startup,
            @ConfigProperty(name = "dynamodb-local.endpoint") Optional<URI> embeddedEndpoint,
            @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") Optional<URI> endpoint) throws Exception {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT && embeddedEndpoint.isPresent()
                && embeddedEndpoint.equals(endpoint)) {
            int port = embeddedEndpoint.get().getPort();
            server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] { "-inMemory", "-port", Integer.toString(port), "-disableTelemetry" });
            server.start();
            LOG.infof("Started DynamoDB Local in memory on port %d", port);
        } else {
            LOG.infof("Using the DynamoDB at %s", endpoint.map(URI::toString).orElse("the AWS default endpoint"));
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
