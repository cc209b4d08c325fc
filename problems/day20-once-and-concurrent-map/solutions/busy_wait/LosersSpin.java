package katas.day20.solutions.busy_wait;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import katas.day20.LoadingMap;
import katas.day20.Registry;

/**
 * An atomic flag picks the thread that runs init, and the others wait for
 * the value, right, but by re-reading it in a loop: each waiter burns a CPU
 * for as long as the init takes.
 */
public final class LosersSpin implements Registry {

    @Override
    public <T> Supplier<T> once(Supplier<T> init) {
        return new SpinOnce<>(init);
    }

    @Override
    public <K, V> LoadingMap<K, V> loadingMap(Function<? super K, ? extends V> loader) {
        ConcurrentHashMap<K, SpinOnce<V>> values = new ConcurrentHashMap<>();
        return new LoadingMap<>() {
            @Override
            public V get(K key) {
                return values.computeIfAbsent(key, k -> new SpinOnce<>(() -> loader.apply(k))).get();
            }

            @Override
            public V getIfLoaded(K key) {
                SpinOnce<V> once = values.get(key);
                return once == null ? null : once.value;
            }
        };
    }

    static final class SpinOnce<T> implements Supplier<T> {
        private final AtomicBoolean started = new AtomicBoolean();
        private final Supplier<? extends T> init;
        private volatile T value;

        SpinOnce(Supplier<? extends T> init) {
            this.init = init;
        }

        @Override
        public T get() {
            if (started.compareAndSet(false, true)) {
                value = init.get();
            }
            T v;
            while ((v = value) == null) {
                Thread.onSpinWait();
            }
            return v;
        }
    }
}
