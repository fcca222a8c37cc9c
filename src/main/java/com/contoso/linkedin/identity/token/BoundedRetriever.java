package com.contoso.linkedin.identity.token;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;

/**
 * Nimbus' retriever with a bound on the whole read. Its timeouts bound the connect and each
 * socket read, so a key set sent a byte at a time (a degraded proxy, a hostile network) would
 * hold the invocation past Lambda's timeout, where SPEC 5 wants the token refused: a watchdog
 * closes the connection once the read has taken {@code boundMillis} (from the connection's opening),
 * and the read fails.
 */
final class BoundedRetriever extends DefaultResourceRetriever {
    /** One daemon thread for every instance: it only ever closes a connection. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "key-set-read-bound");
        thread.setDaemon(true);
        return thread;
    });

    private final long boundMillis;
    /** The watchdog of the read this thread is doing. */
    private final ThreadLocal<ScheduledFuture<?>> watchdog = new ThreadLocal<>();

    BoundedRetriever(int connectTimeoutMillis, int readTimeoutMillis, int sizeLimitBytes, long boundMillis) {
        super(connectTimeoutMillis, readTimeoutMillis, sizeLimitBytes);
        this.boundMillis = boundMillis;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        try {
            return super.retrieveResource(url);
        } finally {
            ScheduledFuture<?> bound = watchdog.get();
            if (bound != null) {
                bound.cancel(false);
                watchdog.remove();
            }
        }
    }

    @Override
    protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
        HttpURLConnection connection = super.openHTTPConnection(url);
        watchdog.set(WATCHDOG.schedule(connection::disconnect, boundMillis, TimeUnit.MILLISECONDS));
        return connection;
    }
}
