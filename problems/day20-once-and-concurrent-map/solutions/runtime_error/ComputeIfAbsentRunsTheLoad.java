package katas.day20.solutions.runtime_error;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import katas.day20.LoadingMap;
import katas.day20.Registry;

/**
 * computeIfAbsent(key, loader) is exactly once per key, but it runs the
 * loader while holding the lock of the key's bin in the table. Keys that
 * share the bin wait for the whole load, and a loader that asks the map for
 * another key of the same bin meets its own lock: ConcurrentHashMap throws
 * IllegalStateException("Recursive update") (its javadoc forbids touching
 * the map from the function).
 */
public final class ComputeIfAbsentRunsTheLoad implements Registry {

    @Override
    public <T> Supplier<T> once(Supplier<T> init) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = init.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }

    @Override
    public <K, V> LoadingMap<K, V> loadingMap(Function<? super K, ? extends V> loader) {
        ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
        return new LoadingMap<>() {
            @Override
            public V get(K key) {
                return values.computeIfAbsent(key, loader);
            }

            @Override
            public V getIfLoaded(K key) {
                return values.get(key);
            }
        };
    }
}
