package katas.day20.hidden;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import katas.day20.LoadingMap;
import katas.day20.Registry;
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
 * Linearizability of the loading map and of once, checked by Lincheck's
 * model checker (run by the judge in a JVM of its own). The loader gives
 * {@code key * 100 + how many times this key was loaded}, and the once's
 * init how many times it ran: a second load of a key, or a second init,
 * gives a value that no one-at-a-time order of the same calls on
 * {@link SequentialRegistry} (the judge's own, plain map) can give.
 * Besides random scenarios, two threads asking for the same key at once,
 * and for the once value at once, are always checked.
 */
public class Day20Linearizability {

    @Test
    void operationsAreLinearizable() throws Throwable {
        LincheckHost.check(Registry.class, Day20Linearizability.class);
    }

    /** The check itself (also callable from a plain main). */
    public static void check() throws Exception {
        Method get = RegistryOperations.class.getMethod("get", int.class);
        Method getIfLoaded = RegistryOperations.class.getMethod("getIfLoaded", int.class);
        Method onceValue = RegistryOperations.class.getMethod("onceValue");
        new ModelCheckingOptions()
                .iterations(6)
                .invocationsPerIteration(60)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1)
                .addCustomScenario(parallel(
                        List.of(actor(get, 1), actor(getIfLoaded, 1)),
                        List.of(actor(get, 1), actor(get, 2))))
                .addCustomScenario(parallel(
                        List.of(actor(onceValue)),
                        List.of(actor(onceValue))))
                .sequentialSpecification(SequentialRegistry.class)
                .check(RegistryOperations.class);
    }

    private static Actor actor(Method m, Object... args) {
        return new Actor(m, Arrays.asList(args), false, false, false, false, false);
    }

    private static ExecutionScenario parallel(List<Actor> first, List<Actor> second) {
        return new ExecutionScenario(List.of(), List.of(first, second), List.of(), null);
    }

    /** The operations Lincheck calls concurrently, on a fresh map and once of yours each time. */
    @Param(name = "key", gen = IntGen.class, conf = "1:3")
    public static class RegistryOperations {
        private final AtomicIntegerArray loads = new AtomicIntegerArray(4);
        private final AtomicInteger inits = new AtomicInteger();
        private final LoadingMap<Integer, Integer> map;
        private final Supplier<Integer> once;

        public RegistryOperations() {
            Registry registry = Katas.load(Registry.class);
            map = registry.loadingMap(key -> key * 100 + loads.incrementAndGet(key));
            once = registry.once(inits::incrementAndGet);
        }

        @Operation
        public Integer get(@Param(name = "key") int key) {
            return map.get(key);
        }

        @Operation
        public Integer getIfLoaded(@Param(name = "key") int key) {
            return map.getIfLoaded(key);
        }

        @Operation
        public Integer onceValue() {
            return once.get();
        }
    }

    /** The specification: what the map and the once give when calls come one at a time. Written by the judge. */
    public static class SequentialRegistry {
        private final Map<Integer, Integer> values = new HashMap<>();
        private Integer onceValue;
        private int inits;

        public Integer get(int key) {
            return values.computeIfAbsent(key, k -> k * 100 + 1);
        }

        public Integer getIfLoaded(int key) {
            return values.get(key);
        }

        public Integer onceValue() {
            if (onceValue == null) {
                onceValue = ++inits;
            }
            return onceValue;
        }
    }
}
