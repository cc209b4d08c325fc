package katas.day20.solutions.deadlock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import katas.day20.LoadingMap;
import katas.day20.Registry;

/**
 * Hands every load to one loader thread and waits for its future. When a
 * loader needs another key, that load is queued behind the one asking for
 * it, on the only thread that could run it: the loader waits for itself
 * forever (a thread-starvation deadlock). It also keeps loads of different
 * keys from running in parallel, and never shuts its thread down.
 */
public final class LoadsOnOneLoaderThread implements Registry {

    @Override
    public <T> Supplier<T> once(Supplier<T> init) {
        CompletableFuture<T> value = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (started.compareAndSet(false, true)) {
                value.complete(init.get());
            }
            return value.join();
        };
    }

    @Override
    public <K, V> LoadingMap<K, V> loadingMap(Function<? super K, ? extends V> loader) {
        ExecutorService loaderThread = Executors.newSingleThreadExecutor();
        ConcurrentHashMap<K, CompletableFuture<V>> values = new ConcurrentHashMap<>();
        return new LoadingMap<>() {
            @Override
            public V get(K key) {
                return values.computeIfAbsent(key,
                        k -> CompletableFuture.supplyAsync(() -> loader.apply(k), loaderThread)).join();
            }

            @Override
            public V getIfLoaded(K key) {
                CompletableFuture<V> f = values.get(key);
                return f != null && f.isDone() ? f.join() : null;
            }
        };
    }
}
