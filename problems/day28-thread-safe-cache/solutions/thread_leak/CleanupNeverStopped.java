package katas.day28.solutions.thread_leak;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import katas.day28.Loader;
import katas.day28.LoadingCache;

/**
 * A correct cache with a clean-up thread that nobody stops: close() forgets
 * the sweeper, which goes on waking every 50 ms for a cache nobody uses.
 */
public final class CleanupNeverStopped<K, V> implements LoadingCache<K, V> {

    private final class Entry {
        final CompletableFuture<V> value;
        volatile Instant expiresAt; // null while loading

        Entry(CompletableFuture<V> value, Instant expiresAt) {
            this.value = value;
            this.expiresAt = expiresAt;
        }

        boolean expired() {
            Instant at = expiresAt;
            return at != null && !clock.instant().isBefore(at);
        }
    }

    private final ConcurrentHashMap<K, Entry> entries = new ConcurrentHashMap<>();
    private Loader<K, V> loader;
    private Duration ttl;
    private InstantSource clock;
    private ScheduledExecutorService sweeper;

    @Override
    public void configure(Loader<K, V> loader, Duration ttl, InstantSource clock) {
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("cache-sweeper").factory());
        sweeper.scheduleWithFixedDelay(this::sweep, 50, 50, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        entries.forEach((key, entry) -> {
            if (entry.expired()) {
                entries.remove(key, entry);
            }
        });
    }

    @Override
    public V get(K key) throws InterruptedException, ExecutionException {
        while (true) {
            Entry entry = entries.get(key);
            if (entry != null && entry.expired()) {
                entries.remove(key, entry);
                continue;
            }
            if (entry == null) {
                Entry mine = new Entry(new CompletableFuture<>(), null);
                entry = entries.putIfAbsent(key, mine);
                if (entry == null) {
                    return load(key, mine);
                }
            }
            return entry.value.get(); // interruptible; the load goes on for the others
        }
    }

    private V load(K key, Entry mine) throws ExecutionException {
        V value;
        try {
            value = loader.load(key);
        } catch (Exception e) {
            entries.remove(key, mine); // not cached: the next get loads again
            mine.value.completeExceptionally(e);
            throw new ExecutionException(e);
        }
        mine.expiresAt = clock.instant().plus(ttl);
        mine.value.complete(value);
        return value;
    }

    @Override
    public void put(K key, V value) {
        entries.put(key, new Entry(CompletableFuture.completedFuture(value), clock.instant().plus(ttl)));
    }

    @Override
    public void invalidate(K key) {
        entries.remove(key);
    }

    @Override
    public void close() {
        // the sweeper is left running
    }
}
