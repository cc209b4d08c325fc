package katas.day20;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Day 20 — your solution. Read problems/day20-once-and-concurrent-map/README.md first.
 *
 * <p>A once: init runs on the first get, exactly once, and everyone who asks
 * meanwhile waits for it. A loading map: a once per key, kept in a concurrent
 * map, with the load outside any lock of the map.
 */
public class MyRegistry implements Registry {

    @Override
    public <T> Supplier<T> once(Supplier<T> init) {
        throw new UnsupportedOperationException("TODO day 20: a supplier that runs init once, the others wait");
    }

    @Override
    public <K, V> LoadingMap<K, V> loadingMap(Function<? super K, ? extends V> loader) {
        throw new UnsupportedOperationException("TODO day 20: a once per key in a ConcurrentHashMap");
    }
}
