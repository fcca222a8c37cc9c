package com.contoso.linkedin.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one way the adapter writes expressions: placeholders only, and nothing DynamoDB refuses. */
class ExpressionTest {

    @Test
    void update_groupsActionsIntoClauses_withPlaceholdersForEveryNameAndValue() {
        Expression expression = new Expression()
                .set("mode", AttributeValue.fromS("ENABLED"))
                .remove("selectedGroupId")
                .increment("consentEpoch", 1)
                .addToSet("groups", "g1")
                .deleteFromSet("groups", "g2");

        assertEquals("SET #mode = :mode, #consentEpoch = #consentEpoch + :consentEpoch REMOVE #selectedGroupId"
                + " ADD #groups :groups DELETE #groups :groups1", expression.update());
        assertEquals(Map.of("#mode", "mode", "#selectedGroupId", "selectedGroupId", "#consentEpoch", "consentEpoch",
                "#groups", "groups"), expression.names());
        assertEquals(Map.of(":mode", AttributeValue.fromS("ENABLED"), ":consentEpoch", AttributeValue.fromN("1"),
                ":groups", AttributeValue.fromSs(java.util.List.of("g1")),
                ":groups1", AttributeValue.fromSs(java.util.List.of("g2"))), expression.values());
        assertNull(expression.condition());
    }

    @Test
    void ifNotExists_writesOnlyOnTheFirstWrite_andCountsFromItsStart() {
        Expression expression = new Expression()
                .setIfNotExists("createdAt", AttributeValue.fromS("now"))
                .incrementFrom("consentEpoch", 0, 1);

        assertEquals("SET #createdAt = if_not_exists(#createdAt, :createdAt),"
                + " #consentEpoch = if_not_exists(#consentEpoch, :consentEpoch) + :consentEpoch1", expression.update());
        assertEquals(AttributeValue.fromN("0"), expression.values().get(":consentEpoch"));
        assertEquals(AttributeValue.fromN("1"), expression.values().get(":consentEpoch1"));
    }

    @Test
    void conditions_allMustHold_andShareThePlaceholdersOfTheUpdate() {
        Expression expression = new Expression()
                .set("countryCode", AttributeValue.fromS("DE"))
                .whenExists("pk")
                .whenEquals("countryCode", AttributeValue.fromS("US"))
                .whenNotExists("officePolicy")
                .whenLessThan("sk", AttributeValue.fromS("V#2"));

        assertEquals("attribute_exists(#pk) AND #countryCode = :countryCode1 AND attribute_not_exists(#officePolicy)"
                + " AND #sk < :sk", expression.condition());
        assertEquals(AttributeValue.fromS("DE"), expression.values().get(":countryCode"));
        assertEquals(AttributeValue.fromS("US"), expression.values().get(":countryCode1"));
    }

    @Test
    void emptyParts_areNull_becauseDynamoDbRefusesEmptyExpressionsAndMaps() {
        Expression removeOnly = new Expression().remove("officePolicy");

        assertEquals("REMOVE #officePolicy", removeOnly.update());
        assertNull(removeOnly.values());
        assertNull(removeOnly.condition());
        assertNull(new Expression().update());
        assertNull(new Expression().names());
    }

    @Test
    void attributesThatAreNoWord_getNumberedPlaceholders_oneEach() {
        Expression expression = new Expression()
                .add("G#3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", 1)
                .add("connected", -1)
                .add("G#5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", -1)
                .whenIn("kind", java.util.List.of(AttributeValue.fromS("SETTING"), AttributeValue.fromS("SELECTION")))
                .whenBetween("sk", AttributeValue.fromS("T#1"), AttributeValue.fromS("T#2"))
                .whenBeginsWith("userKey", AttributeValue.fromS("S#"));

        assertEquals("ADD #_1 :_1, #connected :connected, #_3 :_3", expression.update());
        assertEquals(Map.of("#_1", "G#3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", "#connected", "connected",
                "#_3", "G#5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", "#kind", "kind", "#sk", "sk", "#userKey", "userKey"),
                expression.names());
        assertEquals("#kind IN (:kind, :kind1) AND #sk BETWEEN :sk AND :sk1 AND begins_with(#userKey, :userKey)",
                expression.condition());
    }
}
