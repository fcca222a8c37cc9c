package com.contoso.linkedin.store.dynamodb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.contoso.linkedin.config.LinkedInConfig;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client as the extension builds it from {@code quarkus.dynamodb.*}, with the SDK's
 * retries bounded: DynamoDB's default is 9 attempts per call, which multiplied by the
 * application's own retries (batch reads, transaction conflicts) and the client's would be far
 * more than a request can spend. {@code linkedin.store.sdk-attempts} (3, the SDK's standard) per
 * call, inside the request's deadline.
 */
@ApplicationScoped
public class StoreClient {

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDb(DynamoDbClientBuilder builder, LinkedInConfig config) {
        ClientOverrideConfiguration current = builder.overrideConfiguration();
        return builder.overrideConfiguration(current.toBuilder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(config.store().sdkAttempts()).build())
                .build()).build();
    }
}
