package katas.day28;

/** Computes the value of a key for a {@link LoadingCache}; it may block and may throw. */
@FunctionalInterface
public interface Loader<K, V> {
    V load(K key) throws Exception;
}
