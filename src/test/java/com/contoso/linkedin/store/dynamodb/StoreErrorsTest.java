package com.contoso.linkedin.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.contoso.linkedin.store.StoreFailedException;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Which of DynamoDB's answers a later try may fix (503 with Retry-After) and which not (500). */
class StoreErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = { "ProvisionedThroughputExceeded", "ThrottlingError" })
    void aTransactionCancelledForThrottling_isPushback_inTheReasonsOwnSpelling(String reason) {
        TransactionCanceledException cancelled = TransactionCanceledException.builder()
                .cancellationReasons(CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code(reason).build())
                .build();

        assertTrue(StoreErrors.isPushback(cancelled));
    }

    @Test
    void aTransactionLostToAnother_isNoPushback() {
        TransactionCanceledException lost = TransactionCanceledException.builder()
                .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build()).build();

        assertFalse(StoreErrors.isPushback(lost));
    }

    @Test
    void aTransactionStillInProgress_isUnavailable_notTheDeploymentsFault() {
        assertInstanceOf(StoreUnavailableException.class,
                StoreErrors.classify("save the setting", answer(400, "TransactionInProgressException")));
        assertInstanceOf(StoreFailedException.class,
                StoreErrors.classify("save the setting", answer(400, "ValidationException")));
    }

    private static DynamoDbException answer(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }
}
