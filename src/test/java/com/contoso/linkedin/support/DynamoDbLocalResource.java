package com.contoso.linkedin.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** DynamoDB Local, in memory, in the test JVM, on a free port: the tests' real store. */
public class DynamoDbLocalResource implements QuarkusTestResourceLifecycleManager {
    private DynamoDBProxyServer server;

    @Override
    public Map<String, String> start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] { "-inMemory", "-port", Integer.toString(port), "-disableTelemetry" });
            server.start();
            return Map.of("quarkus.dynamodb.endpoint-override", "http://localhost:" + port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
