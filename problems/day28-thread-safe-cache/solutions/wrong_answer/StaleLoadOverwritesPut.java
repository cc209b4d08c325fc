package katas.day28.solutions.wrong_answer;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import katas.day28.Loader;
import katas.day28.LoadingCache;

/**
 * Two maps: values, and loads in flight (one per key, so single flight
 * holds). But a load stores its result into the values map when it ends,
 * over a put that happened meanwhile: a get after that put sees the stale
 * loaded value. Only a linearizability check (Lincheck) finds it.
 */
public final class StaleLoadOverwritesPut<K, V> implements LoadingCache<K, V> {

    private record Stored<V>(V value, Instant expiresAt) {}

    private final ConcurrentHashMap<K, Stored<V>> values = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();
    private Loader<K, V> loader;
    private Duration ttl;
    private InstantSource clock;

    @Override
    public void configure(Loader<K, V> loader, Duration ttl, InstantSource clock) {
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
    }

    private V fresh(K key) {
        Stored<V> s = values.get(key);
        return s != null && clock.instant().isBefore(s.expiresAt()) ? s.value() : null;
    }

    @Override
    public V get(K key) throws InterruptedException, ExecutionException {
        V v = fresh(key);
        if (v != null) {
            return v;
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return running.get();
        }
        try {
            V again = fresh(key); // stored while we were getting here?
            if (again != null) {
                mine.complete(again);
                return again;
            }
            V value = loader.load(key);
            values.put(key, new Stored<>(value, clock.instant().plus(ttl))); // may overwrite a newer put
            mine.complete(value);
            return value;
        } catch (Exception e) {
            mine.completeExceptionally(e);
            throw new ExecutionException(e);
        } finally {
            loading.remove(key, mine);
        }
    }

    @Override
    public void put(K key, V value) {
        values.put(key, new Stored<>(value, clock.instant().plus(ttl)));
    }

    @Override
    public void invalidate(K key) {
        values.remove(key);
    }

    @Override
    public void close() {
    }
}
