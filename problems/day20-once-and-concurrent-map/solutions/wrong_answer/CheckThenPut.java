package katas.day20.solutions.wrong_answer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import katas.day20.LoadingMap;
import katas.day20.Registry;

/**
 * Check, then act, with no lock between: every thread that finds no value
 * yet runs the loader (or the init) itself, and the last one to put wins.
 * A concurrent map makes each call safe, not the sequence of two.
 */
public final class CheckThenPut implements Registry {

    @Override
    public <T> Supplier<T> once(Supplier<T> init) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                if (value == null) {
                    value = init.get();
                }
                return value;
            }
        };
    }

    @Override
    public <K, V> LoadingMap<K, V> loadingMap(Function<? super K, ? extends V> loader) {
        ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
        return new LoadingMap<>() {
            @Override
            public V get(K key) {
                V value = values.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    values.put(key, value);
                }
                return value;
            }

            @Override
            public V getIfLoaded(K key) {
                return values.get(key);
            }
        };
    }
}
