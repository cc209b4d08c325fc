package katas.day20.solutions.wrong_answer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import katas.day20.LoadingMap;
import katas.day20.Registry;

/**
 * One lock around the whole map, held while loading: every key loads once,
 * but a slow load of one key makes every other get wait, so loads of
 * different keys run one after another.
 */
public final class OneLockForAll implements Registry {

    @Override
    public <T> Supplier<T> once(Supplier<T> init) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = init.get();
                }
                return value;
            }
        };
    }

    @Override
    public <K, V> LoadingMap<K, V> loadingMap(Function<? super K, ? extends V> loader) {
        Map<K, V> values = new HashMap<>();
        return new LoadingMap<>() {
            @Override
            public synchronized V get(K key) {
                V value = values.get(key);
                if (value == null) {
                    value = loader.apply(key);
                    values.put(key, value);
                }
                return value;
            }

            @Override
            public synchronized V getIfLoaded(K key) {
                return values.get(key);
            }
        };
    }
}
