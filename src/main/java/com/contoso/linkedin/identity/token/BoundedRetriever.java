package com.contoso.linkedin.identity.token;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;

/**
 * Nimbus' retriever with a bound on the whole read. Its timeouts bound the connect and each
 * socket read, so a key set sent a byte at a time (a degraded proxy, a hostile network) would
 * hold the invocation past Lambda's timeout, where SPEC 5 wants the token refused. The read runs
 * on a thread of its own and the caller waits for it at most {@code boundMillis}, then fails.
 * Closing the connection alone cannot give that bound: {@link HttpURLConnection#disconnect()}
 * closes the body's stream, whose lock the reading thread holds while it waits for the next
 * byte, so it only gets through between two bytes. It is still done, from a watchdog, so that
 * the abandoned read ends soon after.
 */
final class BoundedRetriever extends DefaultResourceRetriever {
    private static final ExecutorService READS = Executors.newCachedThreadPool(daemon("key-set-read"));
    /** One thread for every instance: it only ever closes a connection. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            daemon("key-set-read-bound"));

    private final long boundMillis;
    /** The watchdog of the read this thread is doing. */
    private final ThreadLocal<ScheduledFuture<?>> watchdog = new ThreadLocal<>();

    BoundedRetriever(int connectTimeoutMillis, int readTimeoutMillis, int sizeLimitBytes, long boundMillis) {
        super(connectTimeoutMillis, readTimeoutMillis, sizeLimitBytes);
        this.boundMillis = boundMillis;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        Future<Resource> read = READS.submit(() -> {
            try {
                return super.retrieveResource(url);
            } finally {
                ScheduledFuture<?> bound = watchdog.get();
                if (bound != null) {
                    bound.cancel(false);
                    watchdog.remove();
                }
            }
        });
        try {
            return read.get(boundMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException tooSlow) {
            throw new IOException("The key set was not read within " + boundMillis + " ms");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            if (failed.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IOException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while reading the key set");
        }
    }

    @Override
    protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
        HttpURLConnection connection = super.openHTTPConnection(url);
        watchdog.set(WATCHDOG.schedule(connection::disconnect, boundMillis, TimeUnit.MILLISECONDS));
        return connection;
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
