package katas.day28.hidden;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import katas.day28.LoadingCache;
import katas.support.Katas;
import katas.support.LincheckHost;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of get / put / invalidate, checked by Lincheck's model
 * checker (run by the judge in a JVM of its own, without the judge's agent;
 * see {@link LincheckHost}):
 * it explores interleavings of a few concurrent operations on one cache and
 * fails if some outcome cannot be explained by running them one at a time
 * against {@link SequentialCache}, written by the judge. The loader is
 * instant and deterministic (key x 10); the clock never moves.
 */
public class Day28Linearizability {

    @Test
    void getPutInvalidateAreLinearizable() throws Throwable {
        LincheckHost.check(LoadingCache.class, Day28Linearizability.class);
    }

    /**
     * The check itself. Besides a few random scenarios, one is always
     * explored: a get that loads key 1 while another thread puts key 1 and
     * then gets it (a load that stores its value after the put, over it,
     * makes that second get return the stale loaded value).
     */
    public static void check() throws Exception {
        Method get = CacheOperations.class.getMethod("get", int.class);
        Method put = CacheOperations.class.getMethod("put", int.class, int.class);
        Method invalidate = CacheOperations.class.getMethod("invalidate", int.class);
        new ModelCheckingOptions()
                .iterations(2)
                .invocationsPerIteration(50)
                .threads(2)
                .actorsPerThread(3)
                .addCustomScenario(parallel(
                        List.of(new Actor(get, List.of(1))),
                        List.of(new Actor(put, List.of(1, 2)), new Actor(get, List.of(1)))))
                .addCustomScenario(parallel(
                        List.of(new Actor(get, List.of(1)), new Actor(get, List.of(1))),
                        List.of(new Actor(invalidate, List.of(1)), new Actor(put, List.of(1, 3)))))
                .sequentialSpecification(SequentialCache.class)
                .check(CacheOperations.class);
    }

    private static ExecutionScenario parallel(List<Actor> first, List<Actor> second) {
        return new ExecutionScenario(List.of(), List.of(first, second), List.of(), null);
    }

    /** The operations Lincheck calls concurrently, on a fresh cache of the submission. */
    @Param(name = "key", gen = IntGen.class, conf = "1:2")
    @Param(name = "value", gen = IntGen.class, conf = "1:3")
    public static class CacheOperations {
        /** The cache of the previous scenario run, closed when the next one starts (Lincheck has no tear-down). */
        private static LoadingCache<Integer, Integer> previous;

        private final LoadingCache<Integer, Integer> cache;

        @SuppressWarnings("unchecked")
        public CacheOperations() {
            synchronized (CacheOperations.class) {
                if (previous != null) {
                    previous.close();
                }
                cache = Katas.load(LoadingCache.class);
                previous = cache;
            }
            cache.configure(key -> key * 10, Duration.ofDays(1), InstantSource.fixed(Instant.EPOCH));
        }

        @Operation
        public Integer get(@Param(name = "key") int key) throws Exception {
            return cache.get(key);
        }

        @Operation
        public void put(@Param(name = "key") int key, @Param(name = "value") int value) {
            cache.put(key, value);
        }

        @Operation
        public void invalidate(@Param(name = "key") int key) {
            cache.invalidate(key);
        }
    }

    /** What the operations mean one at a time: a map with a loader of key x 10. */
    public static class SequentialCache {
        private final Map<Integer, Integer> values = new HashMap<>();

        public Integer get(int key) {
            return values.computeIfAbsent(key, k -> k * 10);
        }

        public void put(int key, int value) {
            values.put(key, value);
        }

        public void invalidate(int key) {
            values.remove(key);
        }
    }
}
