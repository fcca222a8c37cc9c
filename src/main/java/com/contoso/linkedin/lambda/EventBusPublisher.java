package com.contoso.linkedin.lambda;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.contoso.linkedin.config.ProcessSettings;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts entries on one event bus, at most {@link #MAX_ENTRIES} per PutEvents call (EventBridge's
 * limit), and says which of them EventBridge took. The client is built once per function
 * instance; its settings are read as {@link ProcessSettings} reads them (infra/ sets them in the
 * environment).
 */
final class EventBusPublisher {
    static final int MAX_ENTRIES = 10;
    static final String BUS_NAME = "linkedin.events.bus-name";
    static final String ENDPOINT_OVERRIDE = "linkedin.events.endpoint-override";
    /** One PutEvents call, the SDK's retries of throttling and 5xx included. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final EventBridgeClient client;
    private final String busName;

    EventBusPublisher(EventBridgeClient client, String busName) {
        this.client = client;
        this.busName = busName;
    }

    static EventBusPublisher fromEnvironment() {
        EventBridgeClientBuilder builder = EventBridgeClient.builder()
                // Set here, so the SDK looks for no HTTP client on the class path.
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(5)).build())
                // Lambda puts the region and the role's credentials in the environment: no profile
                // file or instance metadata is read (system properties first, for local runs and tests).
                .region(new SystemSettingsRegionProvider().getRegion())
                .credentialsProvider(AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create()))
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(Duration.ofSeconds(4)));
        String endpoint = ProcessSettings.value(ENDPOINT_OVERRIDE).orElse(null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return new EventBusPublisher(builder.build(), ProcessSettings.value(BUS_NAME).orElse("default"));
    }

    String busName() {
        return busName;
    }

    /** Per entry, in order, whether EventBridge took it; {@code error} says why some were not (no values). */
    record Put(boolean[] taken, String error) {
    }

    /**
     * Puts up to {@link #MAX_ENTRIES} entries on the bus (its name is set here). A call that fails
     * as a whole, after the SDK's own retries, took none.
     */
    Put put(List<PutEventsRequestEntry> entries) {
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("1 to " + MAX_ENTRIES + " entries per call");
        }
        boolean[] taken = new boolean[entries.size()];
        PutEventsResponse response;
        try {
            response = client.putEvents(r -> r.entries(entries.stream()
                    .map(e -> e.toBuilder().eventBusName(busName).build()).toList()));
        } catch (SdkException failed) {
            return new Put(taken, failed.getClass().getSimpleName());
        }
        List<PutEventsResultEntry> results = response.entries();
        // EventBridge answers one result per entry, in order; anything else counts as not taken.
        if (results.size() != entries.size()) {
            return new Put(taken, "a PutEvents answer with " + results.size() + " results for " + entries.size());
        }
        Set<String> codes = new TreeSet<>();
        for (int i = 0; i < taken.length; i++) {
            PutEventsResultEntry result = results.get(i);
            taken[i] = result.eventId() != null && result.errorCode() == null;
            if (!taken[i]) {
                codes.add(result.errorCode() == null ? "no event id" : result.errorCode());
            }
        }
        return new Put(taken, codes.isEmpty() ? null : "entries refused: " + String.join(", ", codes));
    }
}
