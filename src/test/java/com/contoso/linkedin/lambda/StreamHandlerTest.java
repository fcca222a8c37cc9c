package com.contoso.linkedin.lambda;

import static com.contoso.linkedin.support.StreamRecords.auditKeys;
import static com.contoso.linkedin.support.StreamRecords.connectedUser;
import static com.contoso.linkedin.support.StreamRecords.disconnected;
import static com.contoso.linkedin.support.StreamRecords.insert;
import static com.contoso.linkedin.support.StreamRecords.modify;
import static com.contoso.linkedin.support.StreamRecords.remove;
import static com.contoso.linkedin.support.StreamRecords.tenantItem;
import static com.contoso.linkedin.support.StreamRecords.userKeys;
import static com.contoso.linkedin.support.StreamRecords.withSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import com.amazonaws.services.lambda.runtime.Context;
import com.contoso.linkedin.support.FakeEventBridge;
import com.contoso.linkedin.support.StreamRecords;
import com.contoso.linkedin.support.StreamRecords.Image;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The stream function end to end against a local EventBridge that speaks PutEvents: what it puts,
 * in calls of at most ten, and which records it reports for Lambda to retry.
 */
@Isolated // sets a system property: nothing may run beside it
class StreamHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "8f6a7b2e-1c3d-4e5f-9a0b-1c2d3e4f5a6b";
    private static final String BUS = "linkedin-events";

    private FakeEventBridge eventBridge;
    private EventBridgeClient client;
    private ByteArrayOutputStream logged;
    private StreamHandler handler;

    @BeforeEach
    void start() throws IOException {
        eventBridge = new FakeEventBridge();
        client = EventBridgeClient.builder().endpointOverride(eventBridge.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        logged = new ByteArrayOutputStream();
        handler = new StreamHandler(new EventBusPublisher(client, BUS), new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        client.close();
        eventBridge.close();
    }

    private static String user(int n) {
        return String.format("0b1c2d3e-4f5a-4b7c-8d9e-%012d", n);
    }

    /** One connect per user n, with sequence number n. */
    private static List<ObjectNode> connects(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> insert(Integer.toString(n), connectedUser(TENANT, user(n), "BOTH_WAYS", 0))).toList();
    }

    private List<String> handle(List<ObjectNode> records) throws IOException {
        return handle(StreamRecords.batch(records), null);
    }

    /** The sequence numbers the function reports as failed. */
    private List<String> handle(String event, Context context) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, context);
        JsonNode answer = JSON.readTree(output.toByteArray());
        assertEquals(List.of("batchItemFailures"), List.copyOf(iterable(answer.fieldNames())), answer.toString());
        List<String> failed = new ArrayList<>();
        answer.get("batchItemFailures").forEach(f -> failed.add(f.get("itemIdentifier").textValue()));
        return failed;
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    private static String detailType(JsonNode entry) {
        return entry.get("DetailType").textValue();
    }

    private static JsonNode detail(JsonNode entry) throws IOException {
        return JSON.readTree(entry.get("Detail").textValue());
    }

    @Test
    void aBatch_putsEachRecordsEvents_inOrder_onTheBus_andReportsNoFailure() throws IOException {
        Image connected = connectedUser(TENANT, user(1), "BOTH_WAYS", 0);
        Image enabled = withSetting(tenantItem(TENANT, "US"), "ENABLED", null, 1);
        List<ObjectNode> records = List.of(insert("100", connected), modify("101", connected, disconnected(connected)),
                modify("102", enabled, withSetting(enabled, "DISABLED", null, 2).n("consentEpoch", 1)),
                insert("103", auditKeys(TENANT, 2).n("version", 2)), remove("104", userKeys(TENANT, user(2))),
                remove("105", tenantItem(TENANT, "US")));

        assertEquals(List.of(), handle(records));

        List<JsonNode> taken = eventBridge.taken();
        assertEquals(List.of("LinkedIn consent granted", "LinkedIn consent withdrawn", "LinkedIn setting changed",
                "LinkedIn consent withdrawn", "LinkedIn user erased", "LinkedIn tenant offboarded"),
                taken.stream().map(StreamHandlerTest::detailType).toList());
        assertEquals(List.of(6), eventBridge.callSizes());
        for (JsonNode entry : taken) {
            assertEquals("com.contoso.linkedin", entry.get("Source").textValue());
            assertEquals(BUS, entry.get("EventBusName").textValue());
            assertEquals(StreamRecords.CREATED, entry.get("Time").asLong(), "the time of the change, not of the put");
            assertEquals(TENANT, detail(entry).get("tenantId").textValue());
        }
        assertEquals(JSON.readTree("{\"tenantId\":\"" + TENANT + "\",\"userId\":\"" + user(1)
                + "\",\"consent\":\"BOTH_WAYS\",\"consentEpoch\":0}"), detail(taken.get(0)));
        assertEquals(JSON.readTree("{\"tenantId\":\"" + TENANT + "\",\"cause\":\"TENANT_DISABLED\",\"consentEpoch\":1}"),
                detail(taken.get(3)));
    }

    @Test
    void entries_goInCallsOfAtMostTen() throws IOException {
        assertEquals(List.of(), handle(connects(23)));

        assertEquals(List.of(10, 10, 3), eventBridge.callSizes());
        assertEquals(23, eventBridge.taken().size());
    }

    @Test
    void entriesEventBridgeRefuses_reportTheirRecordsOnly() throws IOException {
        eventBridge.refuseEntries(entry -> entry.get("Detail").textValue().contains(user(4))
                || entry.get("Detail").textValue().contains(user(12)));

        assertEquals(List.of("4", "12"), handle(connects(15)));

        assertEquals(13, eventBridge.taken().size());
    }

    @Test
    void aRecordOfTwoEvents_isReported_whenOneOfThemIsRefused() throws IOException {
        Image enabled = withSetting(tenantItem(TENANT, "US"), "ENABLED", null, 1);
        eventBridge.refuseEntries(entry -> detailType(entry).equals("LinkedIn consent withdrawn"));

        List<String> failed = handle(List.of(modify("7", enabled, withSetting(enabled, "DISABLED", null, 2).n("consentEpoch", 1)),
                insert("8", connectedUser(TENANT, user(8), "BOTH_WAYS", 1))));

        assertEquals(List.of("7"), failed);
        assertEquals(List.of("LinkedIn setting changed", "LinkedIn consent granted"),
                eventBridge.taken().stream().map(StreamHandlerTest::detailType).toList());
    }

    @Test
    void aCallRefusedWhole_reportsTheRecordsOfItsEntries_andTheOtherCallsStillGo() throws IOException {
        eventBridge.refuseCalls(call -> call == 2);

        assertEquals(IntStream.rangeClosed(11, 20).mapToObj(Integer::toString).toList(), handle(connects(25)));

        assertEquals(List.of(10, 10, 5), eventBridge.callSizes());
        assertEquals(15, eventBridge.taken().size());
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("\"error\":\"AccessDeniedException\""), logged.toString());
    }

    @Test
    void aMalformedRecord_isLoggedAndReported_andTheOthersArePublished() throws IOException {
        List<ObjectNode> records = new ArrayList<>(connects(3));
        records.add(1, insert("50", connectedUser(TENANT, user(50), "SOMETIMES", 0)));

        assertEquals(List.of("50"), handle(records));

        assertEquals(3, eventBridge.taken().size());
        String log = logged.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("\"message\":\"record unreadable\"") && log.contains("\"sequenceNumber\":\"50\"")
                && log.contains("unreadable new image of a user item"), log);
        assertFalse(log.contains(user(50)) || log.contains("SOMETIMES"), "no value of the item is logged: " + log);
    }

    @Test
    void aBatchWithNothingToPublish_makesNoCall() throws IOException {
        Image connected = connectedUser(TENANT, user(1), "BOTH_WAYS", 0);

        assertEquals(List.of(), handle(List.of(modify("1", connected, connected.copy().bool("profileVisible", false)),
                insert("2", auditKeys(TENANT, 1).n("version", 1)))));
        assertEquals(List.of(), handle("{\"Records\":[]}", null));

        assertEquals(List.of(), eventBridge.callSizes());
    }

    @Test
    void withoutTimeForAnotherCall_theRecordsNotYetPutAreReported_notCutOff() throws IOException {
        Context almostOut = context(3_000);

        assertEquals(List.of("1", "2"), handle(StreamRecords.batch(connects(2)), almostOut));

        assertEquals(List.of(), eventBridge.callSizes());
    }

    @Test
    void anEventThatIsNoStreamBatch_failsTheInvocation_forLambdaToRetryAndBisect() {
        ObjectNode withoutSequence = connects(1).get(0);
        ((ObjectNode) withoutSequence.get("dynamodb")).remove("SequenceNumber");

        assertThrows(IOException.class, () -> handle("not json", null));
        assertThrows(IOException.class, () -> handle("{\"records\":[]}", null));
        assertThrows(IOException.class, () -> handle(StreamRecords.batch(List.of(withoutSequence)), null));
        assertEquals(List.of(), eventBridge.callSizes());
    }

    @Test
    void settings_comeFromSystemProperties_withTheDefaultBus_whenNoneIsNamed() throws IOException {
        Map<String, String> properties = Map.of("linkedin.events.endpoint-override", eventBridge.endpoint().toString(),
                "aws.region", "eu-west-1", "aws.accessKeyId", "test", "aws.secretAccessKey", "test");
        properties.forEach(System::setProperty);
        try {
            handler = new StreamHandler();
            assertEquals(List.of(), handle(connects(1)));
            System.setProperty("linkedin.events.bus-name", BUS);
            handler = new StreamHandler();
            assertEquals(List.of(), handle(connects(1)));
        } finally {
            properties.keySet().forEach(System::clearProperty);
            System.clearProperty("linkedin.events.bus-name");
        }

        assertEquals(List.of("default", BUS),
                eventBridge.taken().stream().map(e -> e.get("EventBusName").textValue()).toList());
    }

    @Test
    void handler_isAPlainClass_withThePublicMethodLambdasRuntimeCalls() throws Exception {
        Method method = StreamHandler.class.getMethod("handleRequest", java.io.InputStream.class,
                java.io.OutputStream.class, Context.class);

        assertTrue(Modifier.isPublic(StreamHandler.class.getConstructor().getModifiers()));
        assertEquals(void.class, method.getReturnType());
        assertEquals(0, StreamHandler.class.getInterfaces().length, "no RequestStreamHandler: Quarkus' Lambda extension allows one handler type");
        assertEquals(0, StreamHandler.class.getAnnotations().length, "no annotation that would make it a CDI bean");
    }

    private static Context context(int remainingMillis) {
        return (Context) Proxy.newProxyInstance(StreamHandlerTest.class.getClassLoader(), new Class<?>[] { Context.class },
                (proxy, m, args) -> switch (m.getName()) {
                    case "getRemainingTimeInMillis" -> remainingMillis;
                    case "getAwsRequestId" -> "request-1";
                    default -> null;
                });
    }

}
