package com.contoso.linkedin.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * When the request being served must have its answer: Lambda's remaining time less a margin for
 * the answer itself. Every store call and every pause between retries is bounded by it, so a
 * slow store ends in the application's own 503 before Lambda or API Gateway cut the request.
 * Held per thread: the adapters open it where a request starts ({@link #open}), and work handed
 * to another thread takes it along ({@link #carry}).
 */
public final class Deadline {
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /**
     * Sets the current thread's deadline {@code remaining} from now (none when empty: no known
     * deadline), until the scope is closed.
     */
    public static Scope open(Optional<Duration> remaining) {
        Deadline previous = CURRENT.get();
        CURRENT.set(remaining.map(left -> new Deadline(System.nanoTime() + left.toNanos())).orElse(null));
        return () -> CURRENT.set(previous);
    }

    /** The current thread's deadline, if a request opened one. */
    public static Optional<Deadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The task, run on another thread under this deadline. */
    public <T> Callable<T> carry(Callable<T> task) {
        return () -> {
            Deadline previous = CURRENT.get();
            CURRENT.set(this);
            try {
                return task.call();
            } finally {
                CURRENT.set(previous);
            }
        };
    }

    /** Ends an {@link #open}ed deadline. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
