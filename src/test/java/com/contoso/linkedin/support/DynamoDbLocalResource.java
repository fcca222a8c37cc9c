package com.contoso.linkedin.support;

import java.util.Map;

import com.contoso.linkedin.infra.IamRecorder;
import com.contoso.linkedin.infra.TemplateTable;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application under test at the JVM's one DynamoDB Local ({@link SharedDynamoDbLocal}),
 * on a table made as infra/template.yaml declares it ({@link TemplateTable}); the test profile's
 * client also carries the recorders {@link IamRecorder} and {@link StoreCalls}
 * (application.properties). Every test profile gets the same, so that no profile exists only for
 * them: each profile is one more Quarkus build and start of the suite.
 *
 * <p>Quarkus starts and stops test resources with every application start (each test profile),
 * but the store stays up for the whole run: starting it again each time only cost time.
 */
public class DynamoDbLocalResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.dynamodb.endpoint-override", SharedDynamoDbLocal.endpoint(),
                "linkedin.table-name", TemplateTable.create());
    }

    @Override
    public void stop() {
        // shared with the rest of the test JVM: it stops when the JVM exits
    }
}
