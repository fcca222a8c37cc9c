package com.contoso.linkedin.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of the suite runs against one DynamoDB Local started for the run. */
@QuarkusTestResource(DynamoDbLocalResource.class)
public final class UsesDynamoDbLocal {
    private UsesDynamoDbLocal() {
    }
}
