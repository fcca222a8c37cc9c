package com.contoso.linkedin.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application under test at the JVM's one DynamoDB Local ({@link SharedDynamoDbLocal}).
 * Quarkus starts and stops test resources with every application start (each test profile), but
 * the store stays up for the whole run: starting it again each time only cost time.
 */
public class DynamoDbLocalResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.dynamodb.endpoint-override", SharedDynamoDbLocal.endpoint());
    }

    @Override
    public void stop() {
        // shared with the rest of the test JVM: it stops when the JVM exits
    }
}
