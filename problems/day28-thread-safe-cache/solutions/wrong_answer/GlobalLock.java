package katas.day28.solutions.wrong_answer;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import katas.day28.Loader;
import katas.day28.LoadingCache;

/**
 * Every method synchronized: loads once per key, but a slow load of one key
 * holds up every other key, and a caller waiting for the monitor cannot be
 * interrupted.
 */
public final class GlobalLock<K, V> implements LoadingCache<K, V> {

    private record Stored<V>(V value, Instant expiresAt) {}

    private final Map<K, Stored<V>> values = new HashMap<>();
    private Loader<K, V> loader;
    private Duration ttl;
    private InstantSource clock;

    @Override
    public synchronized void configure(Loader<K, V> loader, Duration ttl, InstantSource clock) {
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public synchronized V get(K key) throws ExecutionException {
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
    public synchronized void put(K key, V value) {
        values.put(key, new Stored<>(value, clock.instant().plus(ttl)));
    }

    @Override
    public synchronized void invalidate(K key) {
        values.remove(key);
    }

    @Override
    public void close() {
    }
}
