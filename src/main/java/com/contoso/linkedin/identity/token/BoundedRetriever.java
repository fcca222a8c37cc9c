package com.contoso.linkedin.identity.token;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;

/**
 * Nimbus' retriever with a bound on the whole read. Its timeouts bound the connect and each
 * socket read, so a key set sent a byte at a time (a degraded proxy, a hostile network) would
 * hold the invocation past Lambda's timeout, where SPEC 5 wants the token refused: a watchdog
 * closes the connection once the read has taken {@code boundMillis}, and the read fails.
 */
final class BoundedRetriever extends DefaultResourceRetriever {
    /** One daemon thread for every instance: it only ever closes a connection. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "key-set-read-bound");
        thread.setDaemon(true);
        return thread;
    });

    private final long boundMillis;
    private final ThreadLocal<AtomicReference<HttpURLConnection>> reading = new ThreadLocal<>();

    BoundedRetriever(int connectTimeoutMillis, int readTimeoutMillis, int sizeLimitBytes) {
        super(connectTimeoutMillis, readTimeoutMillis, sizeLimitBytes);
        this.boundMillis = (long) connectTimeoutMillis + readTimeoutMillis;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        AtomicReference<HttpURLConnection> connection = new AtomicReference<>();
        reading.set(connection);
        ScheduledFuture<?> bound = WATCHDOG.schedule(() -> {
            HttpURLConnection open = connection.get();
            if (open != null) {
                open.disconnect();
            }
        }, boundMillis, TimeUnit.MILLISECONDS);
        try {
            return super.retrieveResource(url);
        } finally {
            bound.cancel(false);
            reading.remove();
        }
    }

    @Override
    protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
        HttpURLConnection connection = super.openHTTPConnection(url);
        AtomicReference<HttpURLConnection> current = reading.get();
        if (current != null) {
            current.set(connection);
        }
        return connection;
    }
}
