package katas.day20.solutions.accepted;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import katas.day20.LoadingMap;
import katas.day20.Registry;

/**
 * Go's sync.Map of sync.OnceValue, in Java: a ConcurrentHashMap of Once
 * holders. computeIfAbsent only creates the (cheap) holder, so the table is
 * locked for an instant; the load runs in the holder's get(), outside any
 * map lock, so loads of different keys run in parallel and a loader may ask
 * for other keys. Once is double-checked locking done right: a volatile
 * value, read without the lock once set; threads that come during the init
 * wait on the monitor (since JDK 24, without pinning a virtual thread's carrier).
 */
public final class Reference implements Registry {

    @Override
    public <T> Supplier<T> once(Supplier<T> init) {
        return new Once<>(init);
    }

    @Override
    public <K, V> LoadingMap<K, V> loadingMap(Function<? super K, ? extends V> loader) {
        ConcurrentHashMap<K, Once<V>> values = new ConcurrentHashMap<>();
        return new LoadingMap<>() {
            @Override
            public V get(K key) {
                return values.computeIfAbsent(key, k -> new Once<>(() -> loader.apply(k))).get();
            }

            @Override
            public V getIfLoaded(K key) {
                Once<V> once = values.get(key);
                return once == null ? null : once.getIfDone();
            }
        };
    }

    /** sync.OnceValue: init runs once; its value is published through a volatile field. */
    static final class Once<T> implements Supplier<T> {
        private Supplier<? extends T> init;
        private volatile T value;

        Once(Supplier<? extends T> init) {
            this.init = init;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = init.get();
                        value = v;
                        init = null; // let the initializer be collected
                    }
                }
            }
            return v;
        }

        T getIfDone() {
            return value;
        }
    }
}
