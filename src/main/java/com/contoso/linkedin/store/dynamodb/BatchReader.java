package com.contoso.linkedin.store.dynamodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.contoso.linkedin.store.Backoff;
import com.contoso.linkedin.store.Deadline;
import com.contoso.linkedin.store.StoreUnavailableException;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads items by key with BatchGetItem, strongly consistent: one request per 100 distinct keys
 * (DynamoDB's limit), the chunks at the same time, and the keys DynamoDB leaves unprocessed
 * asked again with {@link Backoff} until none is left. It answers for every key or fails: never
 * for fewer keys than asked.
 */
final class BatchReader implements AutoCloseable {

    /** DynamoDB's limit of keys in one BatchGetItem. */
    static final int BATCH_GET_LIMIT = 100;

    private final String table;
    /** One BatchGetItem, through the adapter's single translation of SDK failures. */
    private final Function<Map<String, KeysAndAttributes>, BatchGetItemResponse> batchGet;
    private final Backoff backoff;
    /** Reads the second and later chunks; threads exist only while in use. */
    private final ExecutorService chunkReaders = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "store-batch-read");
        thread.setDaemon(true);
        return thread;
    });

    BatchReader(String table, Function<Map<String, KeysAndAttributes>, BatchGetItemResponse> batchGet,
            Backoff backoff) {
        this.table = table;
        this.batchGet = batchGet;
        this.backoff = backoff;
    }

    /** The items found, in no particular order; a key without an item has none in the answer. */
    List<Map<String, AttributeValue>> read(Collection<Map<String, AttributeValue>> keys) {
        // DynamoDB refuses a key twice in one request: duplicates are asked once.
        List<Map<String, AttributeValue>> distinct = List.copyOf(new LinkedHashSet<>(keys));
        List<List<Map<String, AttributeValue>>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET_LIMIT)));
        }
        return readConcurrently(chunks);
    }

    /**
     * Reads all chunks but the first on {@link #chunkReaders} while the calling thread reads the
     * first, so that a profile card's 101 keys (viewer plus 100 subjects) wait for one round trip
     * of latency, not two. One chunk (the usual case) starts no thread.
     */
    private List<Map<String, AttributeValue>> readConcurrently(List<List<Map<String, AttributeValue>>> chunks) {
        if (chunks.isEmpty()) {
            return List.of();
        }
        List<Future<List<Map<String, AttributeValue>>>> others = new ArrayList<>();
        Optional<Deadline> deadline = Deadline.current();
        for (List<Map<String, AttributeValue>> chunk : chunks.subList(1, chunks.size())) {
            Callable<List<Map<String, AttributeValue>>> read = () -> readChunk(chunk);
            // The other threads answer to the same request's deadline.
            others.add(chunkReaders.submit(deadline.map(d -> d.carry(read)).orElse(read)));
        }
        try {
            List<Map<String, AttributeValue>> found = new ArrayList<>(readChunk(chunks.get(0)));
            for (Future<List<Map<String, AttributeValue>>> other : others) {
                found.addAll(other.get());
            }
            return found;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new StoreUnavailableException("DynamoDB failed to read a batch", failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while reading a batch", e);
        } finally {
            // A failed chunk fails the read: the others need not finish.
            others.forEach(other -> other.cancel(true));
        }
    }

    /** One chunk, asking again for the keys DynamoDB leaves unprocessed; never drops one. */
    private List<Map<String, AttributeValue>> readChunk(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, KeysAndAttributes> pending = Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 1;; attempt++) {
            BatchGetItemResponse response = batchGet.apply(pending);
            found.addAll(response.responses().getOrDefault(table, List.of()));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (pending.isEmpty()) {
                return found;
            }
            if (!backoff.tryAgainAfter(attempt)) {
                throw new StoreUnavailableException("DynamoDB left keys unprocessed after " + attempt
                        + " attempts", null);
            }
        }
    }

    /** Stops the chunk readers, with the adapter. */
    @Override
    public void close() {
        chunkReaders.shutdownNow();
    }
}
