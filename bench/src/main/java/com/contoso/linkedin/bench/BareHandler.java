package com.contoso.linkedin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.Context;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * R10's floor: what a JVM function on DynamoDB costs to start with no framework at all. The same
 * SDK client as the function (url-connection, built at class initialisation as Lambda's init
 * phase would), the same strongly consistent GetItem of the same user item per event, and a fixed
 * answer; run by the same runtime interface client on the same JDK as the default packaging. Both
 * find DynamoDB Local through the SDK's {@code AWS_ENDPOINT_URL_DYNAMODB}.
 */
public class BareHandler {
    private static final Pattern USER_PATH = Pattern.compile("\"rawPath\":\"/tenants/([^/\"]+)/users/([^/\"]+)/");
    private static final String TABLE = System.getenv("LINKEDIN_TABLE_NAME");
    private static final DynamoDbClient DYNAMO = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(System.getenv("AWS_REGION")))
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .build();

    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Matcher path = USER_PATH.matcher(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        if (!path.find()) {
            output.write("{\"statusCode\":400}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, AttributeValue> item = DYNAMO.getItem(b -> b.tableName(TABLE).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("USER#" + path.group(1) + "#" + path.group(2)),
                "sk", AttributeValue.fromS("USER")))).item();
        output.write(("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{\\\"found\\\":"
                + (item != null && !item.isEmpty()) + "}\",\"isBase64Encoded\":false}").getBytes(StandardCharsets.UTF_8));
    }
}
