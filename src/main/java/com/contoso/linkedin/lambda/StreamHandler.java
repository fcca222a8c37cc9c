package com.contoso.linkedin.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.Context;
import com.contoso.linkedin.events.ChangeEvent;
import com.contoso.linkedin.events.ChangeEvents;
import com.contoso.linkedin.store.StoredChange;
import com.contoso.linkedin.store.dynamodb.ItemChanges;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * The stream function: reads a batch of the table's DynamoDB stream records, publishes the
 * events each one gives (events/README.md) on EventBridge, and answers Lambda's partial batch
 * response naming every record whose events were not all put, so that Lambda retries those and,
 * when they keep failing, sends them to the dead-letter queue. A record that cannot be read is
 * logged and reported the same way; it never stops the others.
 *
 * <p>No Quarkus, no CDI: it deploys from its own target/stream.zip on the java21 runtime (JVM
 * only: it is never part of a native build). Not a {@code RequestStreamHandler}, for the reason
 * {@link AuthorizerHandler} gives. Jackson reads trees and writes maps only: no reflection on
 * classes of ours.
 */
public class StreamHandler {
    /** Leave this much of the invocation for the answer: a call that would not end in time is not started. */
    private static final long ANSWER_MARGIN_MILLIS = 1_000;

    private final EventBusPublisher bus;
    private final PrintStream log;
    /**
     * Not static: function.zip holds this class too, and Quarkus' start there initialises every
     * class of the application (for a SnapStart snapshot); a static mapper cost each API
     * function's cold start ~0.1 s of its main thread (a CPU profile of the start).
     */
    private final ObjectMapper json = new ObjectMapper();

    /** Lambda constructs the handler once per instance, in its init phase: the client is built then. */
    public StreamHandler() {
        this(EventBusPublisher.fromEnvironment(), System.out);
    }

    StreamHandler(EventBusPublisher bus, PrintStream log) {
        this.bus = bus;
        this.log = log;
    }

    /** One event to put, and the record it came from. */
    private record Pending(int record, PutEventsRequestEntry entry) {
    }

    /**
     * @throws IOException for an event that is not a stream batch at all (not JSON, no records,
     *         a record without a sequence number): nothing could be reported per record, so the
     *         whole batch fails and Lambda retries it (bisecting it, as infra/ configures).
     */
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = requestId(context);
        JsonNode records = json.readTree(input).path("Records");
        if (!records.isArray()) {
            throw new IOException("not a DynamoDB stream event: no Records");
        }
        String[] sequenceNumbers = new String[records.size()];
        boolean[] failed = new boolean[records.size()];
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            sequenceNumbers[i] = record.path("dynamodb").path("SequenceNumber").asText("");
            if (sequenceNumbers[i].isEmpty()) {
                throw new IOException("a stream record without a sequence number");
            }
            try {
                for (ChangeEvent event : eventsOf(record)) {
                    pending.add(new Pending(i, entry(event, record)));
                }
            } catch (RuntimeException unreadable) {
                failed[i] = true;
                // Our own messages name what is wrong, never a value; anything else only by its type.
                String error = unreadable instanceof IllegalArgumentException && unreadable.getMessage() != null
                        ? unreadable.getMessage() : unreadable.getClass().getSimpleName();
                logLine("ERROR", "record unreadable", requestId, Map.of("sequenceNumber", sequenceNumbers[i],
                        "error", error));
            }
        }
        int published = publish(pending, failed, sequenceNumbers, context, requestId);
        List<Map<String, String>> failures = new ArrayList<>();
        for (int i = 0; i < failed.length; i++) {
            if (failed[i]) {
                failures.add(Map.of("itemIdentifier", sequenceNumbers[i]));
            }
        }
        logLine("INFO", "batch done", requestId, Map.of("records", records.size(), "events", pending.size(),
                "published", published, "failedRecords", failures.size()));
        output.write(json.writeValueAsBytes(Map.of("batchItemFailures", failures)));
    }

    private static List<ChangeEvent> eventsOf(JsonNode record) {
        Optional<StoredChange> change = ItemChanges.fromStreamRecord(record.path("eventName").asText(null),
                record.get("dynamodb"));
        return change.map(ChangeEvents::of).orElse(List.of());
    }

    /** Puts the entries in calls of at most ten; marks the record of every entry not taken. Answers how many were. */
    private int publish(List<Pending> pending, boolean[] failed, String[] sequenceNumbers, Context context,
            String requestId) {
        int published = 0;
        for (int from = 0; from < pending.size(); from += EventBusPublisher.MAX_ENTRIES) {
            List<Pending> chunk = pending.subList(from, Math.min(from + EventBusPublisher.MAX_ENTRIES, pending.size()));
            EventBusPublisher.Put put;
            if (remainingMillis(context) < EventBusPublisher.CALL_TIMEOUT.toMillis() + ANSWER_MARGIN_MILLIS) {
                put = new EventBusPublisher.Put(new boolean[chunk.size()], "no time left for another call");
            } else {
                put = bus.put(chunk.stream().map(Pending::entry).toList());
            }
            for (int j = 0; j < chunk.size(); j++) {
                if (put.taken()[j]) {
                    published++;
                } else {
                    failed[chunk.get(j).record()] = true;
                }
            }
            if (put.error() != null) {
                logLine("ERROR", "events not put", requestId, Map.of("entries", chunk.size(),
                        "firstSequenceNumber", sequenceNumbers[chunk.get(0).record()], "error", put.error()));
            }
        }
        return published;
    }

    /** The stream record's time (seconds since the epoch) is the event's: when the change was made, not when it was put. */
    private PutEventsRequestEntry entry(ChangeEvent event, JsonNode record) {
        PutEventsRequestEntry.Builder entry = PutEventsRequestEntry.builder()
                .source(ChangeEvent.SOURCE)
                .detailType(event.detailType())
                .detail(detailJson(event.detail()));
        JsonNode created = record.path("dynamodb").path("ApproximateCreationDateTime");
        if (created.isNumber()) {
            BigDecimal seconds = created.decimalValue();
            entry.time(Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()));
        }
        return entry.build();
    }

    private String detailJson(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a detail of plain values could not be written", e);
        }
    }

    private static long remainingMillis(Context context) {
        try {
            return context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis();
        } catch (RuntimeException unknown) {
            return Long.MAX_VALUE;
        }
    }

    /** One JSON object per line, as the authorizer logs: sequence numbers and counts, never an item's values. */
    private void logLine(String level, String message, String requestId, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("logger", "stream");
        line.put("message", message);
        line.put("requestId", requestId);
        line.putAll(fields);
        try {
            log.println(json.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            log.println("{\"level\":\"ERROR\",\"logger\":\"stream\",\"message\":\"a log line could not be written\"}");
        }
    }

    private static String requestId(Context context) {
        try {
            return context == null || context.getAwsRequestId() == null ? "unknown" : context.getAwsRequestId();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
