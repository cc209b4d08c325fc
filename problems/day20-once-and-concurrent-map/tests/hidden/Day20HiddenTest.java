package katas.day20.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import katas.day20.LoadingMap;
import katas.day20.Registry;
import katas.support.Katas;
import katas.support.Probe;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 20. Initializers and loaders are the test's: they
 * count their runs, sleep a little (so racing threads really arrive while a
 * load is under way) and build a fresh object, so "once" and "the same
 * value" are checked by count and by identity. 100 platform threads are
 * released together by a start gate, round after round. Linearizability of
 * the map and the once is checked by {@link Day20Linearizability}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day20HiddenTest {

    /** Four keys with the same String.hashCode: they share a bin in any hash table. */
    static final List<String> COLLIDING = List.of("AaAa", "AaBB", "BBAa", "BBBB");

    /** A value that is only complete once its builder has finished. */
    record Built(int serial, List<Integer> parts) {}

    @Test
    @Order(1)
    void onceIsLazyAndRunsOnce() {
        AtomicInteger runs = new AtomicInteger();
        Supplier<Built> lazy = Katas.load(Registry.class).once(() -> build(runs, 0));
        assertEquals(0, runs.get(), "once(init) must not run init before the first get()");
        Built first = lazy.get();
        Built second = lazy.get();
        assertEquals(1, runs.get(), "two gets, one init");
        assertSame(first, second, "every get returns the same value");
    }

    @Test
    @Order(2)
    void onceRunsInitOnceFor100RacingThreads() throws Exception {
        for (int round = 0; round < 5; round++) {
            AtomicInteger runs = new AtomicInteger();
            Supplier<Built> lazy = Katas.load(Registry.class).once(() -> build(runs, 30));
            List<Object> seen = race(100, i -> lazy.get());
            assertEquals(1, runs.get(), "round " + round + ": 100 threads called get() at once; init ran "
                    + runs.get() + " times (a check-then-act without a lock?)");
            assertAllTheSameCompleteValue(seen, "round " + round);
        }
    }

    @Test
    @Order(3)
    void mapLoadsEachKeyOnceFor100RacingThreads() throws Exception {
        for (int round = 0; round < 3; round++) {
            Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();
            LoadingMap<String, Built> map = Katas.load(Registry.class).loadingMap(
                    key -> build(loads.computeIfAbsent(key, k -> new AtomicInteger()), 30));
            List<String> keys = List.of("alpha", "beta", "gamma", "delta", "epsilon");
            int seed = round;
            // Each thread asks for every key, in an order of its own.
            List<Object> seen = race(100, i -> {
                List<String> mine = new ArrayList<>(keys);
                Collections.shuffle(mine, new Random(seed * 1000L + i));
                Map<String, Built> got = new java.util.HashMap<>();
                for (String k : mine) {
                    got.put(k, map.get(k));
                }
                return got;
            });
            for (String k : keys) {
                AtomicInteger n = loads.get(k);
                assertEquals(1, n == null ? 0 : n.get(), "round " + round + ": key " + k + " should load exactly once");
                List<Object> values = new ArrayList<>();
                for (Object o : seen) {
                    values.add(((Map<?, ?>) o).get(k));
                }
                assertAllTheSameCompleteValue(values, "round " + round + ", key " + k);
                assertSame(values.getFirst(), map.getIfLoaded(k), "getIfLoaded returns the loaded value");
            }
        }
    }

    @Test
    @Order(4)
    void loadsOfDifferentKeysRunInParallel() throws Exception {
        // Four loads of 250 ms, for four keys whose hash codes collide: all four run at once.
        Probe probe = Probe.expectingPeak(4);
        LoadingMap<String, String> map = Katas.load(Registry.class).loadingMap(key -> {
            probe.hold(key, Duration.ofMillis(250));
            return "value of " + key;
        });
        long start = System.nanoTime();
        List<Object> seen = race(4, i -> map.get(COLLIDING.get(i)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        for (int i = 0; i < 4; i++) {
            assertEquals("value of " + COLLIDING.get(i), seen.get(i));
        }
        assertEquals(4, probe.peak(), "4 threads asked for 4 different keys at once: their loads should "
                + "overlap, but at most " + probe.peak() + " ran at once (" + ms + " ms in all; one after another "
                + "takes 1000 ms). Is a lock held while loading (a synchronized get, or computeIfAbsent, which "
                + "locks a bin of the table while the function runs)?");
    }

    @Test
    @Order(5)
    void getIfLoadedNeverLoadsNorWaits() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        LoadingMap<String, String> map = Katas.load(Registry.class).loadingMap(key -> {
            loads.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "value of " + key;
        });
        assertNull(map.getIfLoaded("k"), "nothing is loaded yet");
        assertEquals(0, loads.get(), "getIfLoaded must not load");
        AtomicReference<String> got = new AtomicReference<>();
        Thread loader = Thread.ofPlatform().name("test-getter").start(() -> got.set(map.get("k")));
        AtomicReference<String> during = new AtomicReference<>("not answered");
        Thread peeker = null;
        try {
            assertTrue(Waits.until(() -> loads.get() == 1, Tolerance.of(Duration.ofSeconds(2))),
                    "get(k) should start the load");
            peeker = Thread.ofPlatform().name("test-peeker").start(() -> during.set(map.getIfLoaded("k")));
            // The load ends only when the test releases it, after this wait: a getIfLoaded that waits for it
            // never answers here, however long the wait (stretched with the judge's factor).
            Duration within = Tolerance.of(Duration.ofMillis(500));
            boolean answered = Waits.until(() -> !"not answered".equals(during.get()), within);
            assertTrue(answered, "getIfLoaded(k) had not answered after " + within.toMillis()
                    + " ms while k was loading: "
                    + "it must not wait for the load");
            assertNull(during.get(), "while k is still loading, getIfLoaded returns null");
        } finally {
            release.countDown();
            loader.join();
            if (peeker != null) {
                peeker.join();
            }
        }
        assertEquals("value of k", got.get());
        assertEquals("value of k", map.getIfLoaded("k"), "once loaded, getIfLoaded returns the value");
        assertEquals(1, loads.get());
    }

    @Test
    @Order(6)
    void aLoaderMayGetOtherKeys() throws Exception {
        // AaAa needs BBBB, which needs AaBB (same hash codes, so the same bin of a hash table).
        AtomicInteger loads = new AtomicInteger();
        AtomicReference<LoadingMap<String, String>> self = new AtomicReference<>();
        LoadingMap<String, String> map = Katas.load(Registry.class).loadingMap(key -> {
            loads.incrementAndGet();
            return switch (key) {
                case "AaAa" -> "AaAa+" + self.get().get("BBBB");
                case "BBBB" -> "BBBB+" + self.get().get("AaBB");
                default -> key;
            };
        });
        self.set(map);
        assertEquals("AaAa+BBBB+AaBB", map.get("AaAa"));
        assertEquals("BBBB+AaBB", map.get("BBBB"));
        assertEquals("AaBB", map.getIfLoaded("AaBB"));
        assertEquals(3, loads.get(), "three keys, three loads");
    }

    @Test
    @Order(7)
    void waitersBlockWhileALongInitRuns() throws Exception {
        // An init of 2 s and two more callers: they wait 2 s, and should block, not spin (over twice the
        // watchdog's 800 ms busy stretch, so a spinner is seen on a loaded machine too).
        AtomicInteger runs = new AtomicInteger();
        Supplier<Built> lazy = Katas.load(Registry.class).once(() -> build(runs, 2000));
        List<Object> seen = race(3, i -> lazy.get());
        assertEquals(1, runs.get());
        assertAllTheSameCompleteValue(seen, "a long init");
    }

    // ------------------------------------------------------------------ helpers

    static final int PARTS = 1000;

    /** Builds a value in steps, after a pause, counting the builds. */
    static Built build(AtomicInteger counter, long pauseMs) {
        int serial = counter.incrementAndGet();
        if (pauseMs > 0) {
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Integer> parts = new ArrayList<>();
        for (int i = 0; i < PARTS; i++) {
            parts.add(i);
        }
        return new Built(serial, parts);
    }

    static void assertAllTheSameCompleteValue(List<Object> values, String where) {
        Object first = values.getFirst();
        assertTrue(first instanceof Built, where + ": expected a built value, got " + first);
        for (Object v : values) {
            assertSame(first, v, where + ": every caller must get the same value (got " + v + " and " + first + ")");
        }
        assertEquals(PARTS, ((Built) first).parts().size(), where + ": the value is not fully built");
    }

    interface Call {
        Object call(int threadIndex) throws Exception;
    }

    /** Runs {@code call} on {@code n} platform threads released together; returns their results by index. */
    static List<Object> race(int n, Call call) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Object[] results = new Object[n];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().name("test-racer-" + i).start(() -> {
                try {
                    gate.await();
                    results[index] = call.call(index);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        gate.countDown();
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return java.util.Arrays.asList(results);
    }
}
