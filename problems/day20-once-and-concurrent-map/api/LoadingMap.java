package katas.day20;

/**
 * A concurrent map that loads each key's value on first use, once: Go's
 * {@code sync.Map} whose values are {@code sync.OnceValue}s.
 *
 * @param <K> keys (with proper equals and hashCode)
 * @param <V> values (the loader never returns null)
 */
public interface LoadingMap<K, V> {

    /**
     * The value for {@code key}. The first get of a key loads it with the
     * map's loader; the loader runs exactly once per key, however many
     * threads ask at once. Threads that ask while the key loads wait for that
     * load (blocking, not spinning) and get the same value.
     *
     * <p>A load never makes the gets of other keys wait, whatever their hash
     * codes: loads of different keys run in parallel. The loader may itself
     * call {@code get} for other keys (a value that needs another), never for
     * its own key nor in a cycle.
     */
    V get(K key);

    /** The value for {@code key} if its load has finished, else null. Never loads, never waits for a load. */
    V getIfLoaded(K key);
}
