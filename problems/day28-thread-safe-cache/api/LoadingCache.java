package katas.day28;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ExecutionException;

/**
 * Day 28: a thread-safe cache with a loader and expiry. Many threads call
 * {@link #get} at once; each missing key is loaded once, the callers that
 * ask for it meanwhile wait for that same load, and loads of different keys
 * run at the same time.
 *
 * @param <K> keys (with proper equals and hashCode)
 * @param <V> values (never null)
 */
public interface LoadingCache<K, V> extends AutoCloseable {

    /**
     * Sets the cache up. Called once, before any other method.
     *
     * @param loader computes the value of a missing or expired key; it may take a while, and may throw
     * @param ttl    how long a value stays fresh after it was stored (by a load or a {@link #put}), positive
     * @param clock  the time to measure freshness with ({@code clock.instant()}); tests pass a fake clock
     */
    void configure(Loader<K, V> loader, Duration ttl, InstantSource clock);

    /**
     * The value of {@code key}: the stored one while it is fresh, else a new
     * one from the loader, stored and returned.
     *
     * <ul>
     *   <li><b>One load per key at a time:</b> callers that ask for a key
     *       while it is being loaded wait for that load and get its result;
     *       they never start a second one.</li>
     *   <li><b>Different keys load in parallel:</b> a slow load of one key
     *       never holds up {@code get}, {@code put} or loads of another.</li>
     *   <li><b>Expiry:</b> a value stored at instant {@code t} is fresh while
     *       {@code clock.instant()} is before {@code t + ttl}; from then on
     *       {@code get} loads the key again.</li>
     *   <li><b>Failures are not cached:</b> if the loader throws, every caller
     *       waiting for that load gets {@link ExecutionException} with the
     *       loader's exception as its cause, nothing is stored, and the next
     *       {@code get} loads again.</li>
     *   <li><b>Interruption:</b> a caller interrupted while it waits for a load
     *       run by another thread throws {@link InterruptedException}; the load
     *       is not cancelled: it goes on, the other callers get its value and
     *       it is stored. (The load may run on the thread of the first caller;
     *       if that very thread is interrupted, whatever the loader then does,
     *       such as throwing, is the outcome of the load.)</li>
     *   <li>Waiting is blocking, never spinning.</li>
     * </ul>
     * Every operation is linearizable: it takes effect atomically at some
     * instant between its call and its return.
     */
    V get(K key) throws InterruptedException, ExecutionException;

    /**
     * Stores {@code value} for {@code key} (fresh for {@code ttl} from now),
     * replacing any stored value. A load of that key still running must not
     * overwrite it afterwards: a {@code get} that starts after {@code put}
     * returned sees {@code value} (or a later one).
     */
    void put(K key, V value);

    /** Forgets the value of {@code key}, if any: the next {@code get} loads it again. */
    void invalidate(K key);

    /**
     * Stops whatever the cache runs in the background (a clean-up thread, if
     * you have one) and returns when it has stopped. Idempotent.
     */
    @Override
    void close();
}
