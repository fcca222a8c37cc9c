package com.contoso.linkedin.infra;

import static com.contoso.linkedin.infra.FunctionSplit.AUTHORIZER;
import static com.contoso.linkedin.infra.FunctionSplit.STREAM;
import static com.contoso.linkedin.infra.Template.list;
import static com.contoso.linkedin.infra.Template.map;
import static com.contoso.linkedin.infra.Template.strings;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.Context;
import com.contoso.linkedin.infra.FunctionSplit.Function;
import com.contoso.linkedin.lambda.StreamHandler;

/**
 * The stream function in infra/template.yaml (events/README.md): its own zip and handler on
 * java21, invoked by the table's stream (both images) only, reporting the records it could not
 * publish to an encrypted dead-letter queue watched by an alarm, with a role of its own that reads
 * the stream only, puts events on the bus and sends to its queue.
 */
class StreamDriftTest {

    private static Template template;

    @BeforeAll
    static void readTemplate() {
        template = Template.read();
    }

    @Test
    void streamFunction_deploysItsOwnZip_onJava21_withTheHandlerTheCodeHas() throws Exception {
        Map<String, Object> stream = template.properties(STREAM);
        String[] handler = String.valueOf(stream.get("Handler")).split("::");
        Class<?> type = Class.forName(handler[0], false, getClass().getClassLoader());
        assertAll(
                () -> assertEquals("../target/stream.zip", stream.get("CodeUri")),
                () -> assertEquals("java21", stream.get("Runtime"), "JVM only, whatever FunctionRuntime the API uses"),
                () -> assertEquals(StreamHandler.class, type),
                () -> assertNotNull(type.getMethod(handler[1], InputStream.class, OutputStream.class, Context.class)),
                () -> assertEquals(Map.of("ApplyOn", "None"), stream.get("SnapStart")),
                // The handler starts no PutEvents call (10 s at most) with less than 11 s left.
                () -> assertTrue((Integer) stream.get("Timeout") >= 30, stream.get("Timeout") + " s"),
                () -> assertTrue(Set.of("LINKEDIN_EVENTS_BUS_NAME", "LINKEDIN_EVENTS_ENDPOINT_OVERRIDE")
                        .containsAll(map(map(stream.get("Environment")).get("Variables")).keySet()),
                        "variables the stream function does not read"));
    }

    @Test
    void streamFunction_readsTheTablesStreamWithBothImages_andReportsFailedRecordsToItsDeadLetterQueue() {
        String table = template.the("AWS::DynamoDB::Table");
        Map<String, Object> events = map(template.properties(STREAM).get("Events"));
        assertEquals(1, events.size(), "the table's stream, nothing else: " + events.keySet());
        Map<String, Object> event = map(events.values().iterator().next());
        Map<String, Object> mapping = map(event.get("Properties"));
        String queue = String.valueOf(list(map(map(map(mapping.get("DestinationConfig")).get("OnFailure"))
                .get("Destination")).get("Fn::GetAtt")).get(0));
        Map<String, Object> dlq = template.properties(queue);
        assertAll(
                () -> assertEquals("DynamoDB", event.get("Type")),
                () -> assertEquals(Map.of("Fn::GetAtt", List.of(table, "StreamArn")), mapping.get("Stream")),
                () -> assertEquals("NEW_AND_OLD_IMAGES",
                        map(template.properties(table).get("StreamSpecification")).get("StreamViewType"),
                        "a MODIFY is compared"),
                () -> assertEquals(List.of("ReportBatchItemFailures"), list(mapping.get("FunctionResponseTypes")),
                        "the handler answers which records failed"),
                () -> assertEquals(true, mapping.get("BisectBatchOnFunctionError")),
                () -> assertTrue(mapping.get("MaximumRetryAttempts") instanceof Integer retries && retries >= 0,
                        "bounded retries (the default retries until the record expires, blocking the shard)"),
                () -> assertTrue((Integer) mapping.get("BatchSize") <= 100, "a batch's PutEvents calls fit the timeout"),
                () -> assertEquals("AWS::SQS::Queue", template.type(queue)),
                () -> assertTrue(dlq.get("SqsManagedSseEnabled") == Boolean.TRUE || dlq.containsKey("KmsMasterKeyId"),
                        "the dead-letter queue is encrypted"),
                () -> assertTrue(template.logicalIdsOfType("AWS::CloudWatch::Alarm").stream().map(template::properties)
                        .anyMatch(alarm -> "AWS/SQS".equals(alarm.get("Namespace"))
                                && String.valueOf(alarm.get("Dimensions")).contains(queue)),
                        "an alarm on the dead-letter queue's depth"));
    }

    @Test
    void streamFunction_hasItsOwnRole_thatReadsTheStreamOnly_putsEvents_andSendsToItsQueue() {
        Map<String, Object> function = template.properties(STREAM);
        String role = template.roleOf(STREAM);
        Set<String> actions = new TreeSet<>();
        template.statements(role).forEach(statement -> actions.addAll(strings(statement.get("Action"))));
        String table = template.the("AWS::DynamoDB::Table");
        assertAll(
                () -> assertEquals("AWS::IAM::Role", template.type(role)),
                () -> assertFalse(function.containsKey("Policies") || template.properties(role).containsKey("ManagedPolicyArns"),
                        "no SAM or managed policies"),
                () -> assertTrue(Stream.concat(Stream.of(Function.values()).map(f -> f.logicalId), Stream.of(AUTHORIZER))
                        .map(template::roleOf).noneMatch(role::equals), "a role of its own"),
                () -> assertEquals(new TreeSet<>(Set.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
                        "dynamodb:GetShardIterator", "dynamodb:ListStreams", "events:PutEvents", "sqs:SendMessage",
                        "logs:CreateLogStream", "logs:PutLogEvents")), actions, "no table item: the stream's images suffice"),
                () -> assertTrue(template.statements(role).stream()
                        .filter(st -> strings(st.get("Action")).get(0).startsWith("dynamodb:"))
                        .allMatch(st -> String.valueOf(st.get("Resource")).contains(table + ".Arn}/stream/")),
                        "the table's stream only"),
                () -> assertTrue(template.statements(role).stream()
                        .filter(st -> strings(st.get("Action")).contains("logs:PutLogEvents"))
                        .allMatch(st -> String.valueOf(st.get("Resource")).contains(template.logGroupOf(STREAM))),
                        "its own log group only"));
    }
}
