package com.contoso.linkedin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;

import com.contoso.linkedin.store.dynamodb.DynamoDbLinkedInStore;
import com.contoso.linkedin.store.dynamodb.TableLayout;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * One DynamoDB Local for the whole test JVM: in memory, on a free port, started by the first test
 * that asks and left running until the JVM exits. Quarkus tests (through
 * {@link DynamoDbLocalResource}, once per application start), plain store tests and the faulty
 * proxy all use it, so it starts once instead of once per test profile.
 *
 * <p>The endpoint lives in a system property, not in a static field: a @QuarkusTest's resources
 * and the test class are loaded by different class loaders, each with its own copy of this
 * class's statics, while the JVM has one set of system properties. (Its name is outside the
 * {@code linkedin.} prefix on purpose: Quarkus refuses unknown keys under a config mapping's prefix.)
 *
 * <p>DynamoDB Local keeps one database per access key and region: every client of it must use
 * {@link #ACCESS_KEY} and {@link #REGION}, as application.properties' test profile does, or it
 * sees no table.
 */
public final class SharedDynamoDbLocal {
    public static final String ENDPOINT_PROPERTY = "shared-dynamodb-local.endpoint";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";
    public static final Region REGION = Region.US_EAST_1;

    /**
     * A lock every class loader's copy of this class shares: a string literal is interned once
     * per JVM, whichever class loader loads the class that names it.
     */
    private static final Object START_LOCK = ENDPOINT_PROPERTY.intern();

    private SharedDynamoDbLocal() {
    }

    /** Its endpoint, starting it first if no test of this JVM has yet. */
    public static String endpoint() {
        synchronized (START_LOCK) {
            String running = System.getProperty(ENDPOINT_PROPERTY);
            if (running != null) {
                return running;
            }
            int port = freePort();
            try {
                ServerRunner.createServerFromCommandLineArgs(
                        new String[] { "-inMemory", "-port", Integer.toString(port), "-disableTelemetry" }).start();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
            String endpoint = "http://127.0.0.1:" + port;
            System.setProperty(ENDPOINT_PROPERTY, endpoint);
            return endpoint;
        }
    }

    /** A client builder for it with the test profile's credentials and region, to add to and build. */
    public static DynamoDbClientBuilder clientBuilder() {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint())).region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create());
    }

    public static DynamoDbClient client() {
        return clientBuilder().build();
    }

    /** The application's DynamoDB adapter on {@code client}, on a table of the application's layout named {@code table}. */
    public static DynamoDbLinkedInStore store(DynamoDbClient client, String table) {
        TableLayout.createIfMissing(client, table);
        return new DynamoDbLinkedInStore(client, TestConfig.defaults().withTable(table));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
