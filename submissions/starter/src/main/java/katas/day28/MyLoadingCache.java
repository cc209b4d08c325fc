package katas.day28;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ExecutionException;

/**
 * Day 28 — your solution. Read problems/day28-thread-safe-cache/README.md first.
 *
 * <p>One load per key however many callers race for it; loads of different
 * keys at the same time; values expire; failures are not kept.
 */
public class MyLoadingCache<K, V> implements LoadingCache<K, V> {

    @Override
    public void configure(Loader<K, V> loader, Duration ttl, InstantSource clock) {
        throw new UnsupportedOperationException("TODO day 28: keep the loader, the TTL and the clock");
    }

    @Override
    public V get(K key) throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException("TODO day 28: a map of futures; putIfAbsent decides who loads");
    }

    @Override
    public void put(K key, V value) {
        throw new UnsupportedOperationException("TODO day 28: store a fresh value");
    }

    @Override
    public void invalidate(K key) {
        throw new UnsupportedOperationException("TODO day 28: forget the key");
    }

    @Override
    public void close() {
    }
}
