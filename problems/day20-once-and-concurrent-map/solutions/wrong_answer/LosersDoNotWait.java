package katas.day20.solutions.wrong_answer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import katas.day20.LoadingMap;
import katas.day20.Registry;

/**
 * An atomic flag picks the one thread that runs init: it does run once. But
 * the threads that lose the race do not wait for the winner; they return
 * whatever is there yet, which is nothing (Go's sync.Once makes them wait).
 */
public final class LosersDoNotWait implements Registry {

    @Override
    public <T> Supplier<T> once(Supplier<T> init) {
        return new FlagOnce<>(init);
    }

    @Override
    public <K, V> LoadingMap<K, V> loadingMap(Function<? super K, ? extends V> loader) {
        ConcurrentHashMap<K, FlagOnce<V>> values = new ConcurrentHashMap<>();
        return new LoadingMap<>() {
            @Override
            public V get(K key) {
                return values.computeIfAbsent(key, k -> new FlagOnce<>(() -> loader.apply(k))).get();
            }

            @Override
            public V getIfLoaded(K key) {
                FlagOnce<V> once = values.get(key);
                return once == null ? null : once.value;
            }
        };
    }

    static final class FlagOnce<T> implements Supplier<T> {
        private final AtomicBoolean started = new AtomicBoolean();
        private final Supplier<? extends T> init;
        private volatile T value;

        FlagOnce(Supplier<? extends T> init) {
            this.init = init;
        }

        @Override
        public T get() {
            if (started.compareAndSet(false, true)) {
                value = init.get();
            }
            return value; // null for every thread that came while init ran
        }
    }
}
