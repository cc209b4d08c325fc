package katas.day20;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Day 20: sync.Once and sync.Map. Values that are expensive to build are
 * built once, on first use, however many threads want them at the same time.
 */
public interface Registry {

    /**
     * Go's {@code sync.OnceValue(init)}: a supplier that calls {@code init}
     * once, on its first {@code get()} (not before), and from then on returns
     * that same value. Threads that call {@code get()} while {@code init}
     * runs wait for it (blocking, not spinning) and get the same, fully built
     * value. {@code init} never returns null and never throws here.
     */
    <T> Supplier<T> once(Supplier<T> init);

    /**
     * A new, empty map that loads values with {@code loader}: see
     * {@link LoadingMap#get}. The loader never returns null and never throws here.
     */
    <K, V> LoadingMap<K, V> loadingMap(Function<? super K, ? extends V> loader);
}
