package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.Template.list;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.contoso.linkedin.support.SharedDynamoDbLocal;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * A table on the shared DynamoDB Local made from infra/template.yaml's declaration, so that the
 * application under test runs on the table production has, not on one it made itself.
 */
public final class TemplateTable {
    static final String PREFIX = "template-table-";

    private TemplateTable() {
    }

    /** Makes a new one and answers its name. */
    public static String create() {
        Template template = Template.read();
        Map<String, Object> properties = template.properties(template.the("AWS::DynamoDB::Table"));
        String name = PREFIX + UUID.randomUUID();
        List<GlobalSecondaryIndex> indexes = list(properties.getOrDefault("GlobalSecondaryIndexes", List.of())).stream()
                .map(Template::map).map(index -> GlobalSecondaryIndex.builder()
                        .indexName(String.valueOf(index.get("IndexName")))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(p -> p.projectionType(String.valueOf(
                                Template.map(index.get("Projection")).get("ProjectionType"))))
                        .build())
                .toList();
        try (DynamoDbClient dynamo = SharedDynamoDbLocal.client()) {
            dynamo.createTable(b -> b.tableName(name)
                    .billingMode(String.valueOf(properties.get("BillingMode")))
                    .attributeDefinitions(list(properties.get("AttributeDefinitions")).stream().map(Template::map)
                            .map(a -> AttributeDefinition.builder().attributeName(String.valueOf(a.get("AttributeName")))
                                    .attributeType(String.valueOf(a.get("AttributeType"))).build())
                            .toList())
                    .keySchema(keySchema(properties.get("KeySchema")))
                    // DynamoDB refuses an empty list of indexes: none, when the template declares none.
                    .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes));
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        }
        return name;
    }

    private static List<KeySchemaElement> keySchema(Object declared) {
        return list(declared).stream().map(Template::map)
                .map(k -> KeySchemaElement.builder().attributeName(String.valueOf(k.get("AttributeName")))
                        .keyType(String.valueOf(k.get("KeyType"))).build())
                .toList();
    }
}
