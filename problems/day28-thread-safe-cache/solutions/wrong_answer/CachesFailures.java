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
 * Single flight done right, except that a failed load stays in the map: its
 * failure is served again to every later caller until the entry expires,
 * and a passing glitch of the loader becomes a lasting outage.
 */
public final class CachesFailures<K, V> implements LoadingCache<K, V> {

    private record Entry<V>(CompletableFuture<V> value, Instant expiresAt) {}

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
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
            Entry<V> entry = entries.get(key);
            if (entry != null && !clock.instant().isBefore(entry.expiresAt())) {
                entries.remove(key, entry);
                continue;
            }
            if (entry == null) {
                Entry<V> mine = new Entry<>(new CompletableFuture<>(), clock.instant().plus(ttl));
                entry = entries.putIfAbsent(key, mine);
                if (entry == null) {
                    try {
                        mine.value().complete(loader.load(key));
                    } catch (Exception e) {
                        mine.value().completeExceptionally(e); // ...and left in the map
                    }
                    entry = mine;
                }
            }
            return entry.value().get();
        }
    }

    @Override
    public void put(K key, V value) {
        entries.put(key, new Entry<>(CompletableFuture.completedFuture(value), clock.instant().plus(ttl)));
    }

    @Override
    public void invalidate(K key) {
        entries.remove(key);
    }

    @Override
    public void close() {
    }
}
