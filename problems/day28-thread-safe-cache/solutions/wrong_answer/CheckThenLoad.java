package katas.day28.solutions.wrong_answer;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import katas.day28.Loader;
import katas.day28.LoadingCache;

/**
 * Check, then load, then put: a concurrent map, but no agreement on who
 * loads. Twelve callers racing for a missing key all see it missing and all
 * call the loader.
 */
public final class CheckThenLoad<K, V> implements LoadingCache<K, V> {

    private record Stored<V>(V value, Instant expiresAt) {}

    private final ConcurrentHashMap<K, Stored<V>> values = new ConcurrentHashMap<>();
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
    public V get(K key) throws ExecutionException {
        Stored<V> s = values.get(key);
        if (s != null && clock.instant().isBefore(s.expiresAt())) {
            return s.value();
        }
        V value;
        try {
            value = loader.load(key);
        } catch (Exception e) {
            throw new ExecutionException(e);
        }
        values.put(key, new Stored<>(value, clock.instant().plus(ttl)));
        return value;
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
