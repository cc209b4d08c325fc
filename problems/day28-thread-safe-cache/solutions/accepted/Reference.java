package katas.day28.solutions.accepted;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import katas.day28.Loader;
import katas.day28.LoadingCache;

/**
 * A map from key to an entry holding a future: the first caller of a
 * missing key installs its entry with putIfAbsent (the single point where
 * racing callers agree on one load) and runs the loader on its own thread;
 * the others find the entry and wait on its future. A failed load removes
 * its entry before completing, so nothing failed stays. put replaces the
 * entry, so a load still running completes a future no longer in the map.
 * Expiry is checked lazily on get: no background thread at all.
 */
public final class Reference<K, V> implements LoadingCache<K, V> {

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

    @Override
    public void configure(Loader<K, V> loader, Duration ttl, InstantSource clock) {
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
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
        // nothing runs in the background
    }
}
