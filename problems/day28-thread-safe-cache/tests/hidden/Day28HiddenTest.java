package katas.day28.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import katas.day28.Loader;
import katas.day28.LoadingCache;
import katas.support.Katas;
import katas.support.Probe;
import katas.support.StartGate;
import katas.support.Tolerance;
import katas.support.Waits;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 28. The loaders are the test's: they count their
 * calls per key, note their thread, and sleep to simulate a slow backend.
 * Racing callers are the test's own platform threads released by a start
 * gate. Time for expiry is a fake clock the test moves by hand.
 * Linearizability of get/put/invalidate is checked separately, with
 * Lincheck ({@link Day28Linearizability}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day28HiddenTest {

    static final Duration TTL = Duration.ofSeconds(10);

    @SuppressWarnings("unchecked")
    static LoadingCache<String, String> cache(Loader<String, String> loader, InstantSource clock) {
        LoadingCache<String, String> cache = Katas.load(LoadingCache.class);
        cache.configure(loader, TTL, clock);
        return cache;
    }

    /** A loader that counts its calls per key and sleeps {@code ms} before answering "v:key". */
    static final class CountingLoader implements Loader<String, String> {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final long ms;

        CountingLoader(long ms) {
            this.ms = ms;
        }

        @Override
        public String load(String key) throws InterruptedException {
            calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (ms > 0) {
                Thread.sleep(ms);
            }
            return "v:" + key;
        }

        int calls(String key) {
            AtomicInteger n = calls.get(key);
            return n == null ? 0 : n.get();
        }
    }

    /** A clock that only moves when told to. */
    static final class FakeClock implements InstantSource {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    @Test
    @Order(1)
    void racingGetsLoadEachKeyOnce() throws Exception {
        for (int round = 1; round <= 5; round++) {
            CountingLoader loader = new CountingLoader(80);
            try (LoadingCache<String, String> cache = cache(loader, new FakeClock())) {
                String key = "k" + round;
                List<Callable<String>> callers = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    callers.add(() -> cache.get(key));
                }
                for (String v : together(callers)) {
                    assertEquals("v:" + key, v, "round " + round);
                }
                assertEquals(1, loader.calls(key), "round " + round + ": 12 racing gets of one missing key loaded it "
                        + loader.calls(key) + " times; the others must wait for the first load (single flight)");
                assertEquals("v:" + key, cache.get(key));
                assertEquals(1, loader.calls(key), "a fresh value was loaded again");
            }
        }
    }

    @Test
    @Order(2)
    void differentKeysLoadInParallel() throws Exception {
        Probe probe = Probe.expectingPeak(4);
        Loader<String, String> loader = key -> {
            probe.hold(key, Duration.ofMillis(400));
            return "v:" + key;
        };
        try (LoadingCache<String, String> cache = cache(loader, new FakeClock())) {
            List<Callable<String>> callers = new ArrayList<>();
            for (String key : List.of("a", "b", "c", "d")) {
                callers.add(() -> cache.get(key));
            }
            assertEquals(List.of("v:a", "v:b", "v:c", "v:d"), together(callers));
            assertEquals(4, probe.calls().size(), "each key loaded once");
            assertEquals(4, probe.peak(), "loads of 4 different keys, asked for at the same time, ran "
                    + probe.peak() + " at a time: a slow load of one key must not hold up the others "
                    + "(no lock around the loader)");
        }
    }

    @Test
    @Order(3)
    void valuesExpireAfterTheTtl() throws Exception {
        FakeClock clock = new FakeClock();
        AtomicInteger version = new AtomicInteger();
        Loader<String, String> loader = key -> key + "#" + version.incrementAndGet();
        try (LoadingCache<String, String> cache = cache(loader, clock)) {
            assertEquals("a#1", cache.get("a"));
            clock.advance(TTL.minusMillis(1));
            assertEquals("a#1", cache.get("a"), "1 ms before the TTL the value is still fresh");
            clock.advance(Duration.ofMillis(1));
            assertEquals("a#2", cache.get("a"), "at the TTL the value has expired and is loaded again");
            cache.put("b", "put");
            clock.advance(TTL.minusMillis(1));
            assertEquals("put", cache.get("b"), "a put value is fresh for the TTL");
            assertEquals("a#2", cache.get("a"), "the reloaded value is fresh for the TTL from its load");
            clock.advance(Duration.ofMillis(1));
            assertEquals("b#3", cache.get("b"), "a put value expires too");
            assertEquals("a#4", cache.get("a"));
        }
    }

    @Test
    @Order(4)
    void aFailedLoadReachesEveryWaiterAndIsNotCached() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Loader<String, String> loader = key -> {
            int n = calls.incrementAndGet();
            Thread.sleep(150);
            if (n == 1) {
                throw new IllegalStateException("backend down");
            }
            return "v:" + key;
        };
        try (LoadingCache<String, String> cache = cache(loader, new FakeClock())) {
            List<Callable<Throwable>> callers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                callers.add(() -> {
                    try {
                        cache.get("k");
                        return null;
                    } catch (ExecutionException e) {
                        return e.getCause();
                    }
                });
            }
            List<Throwable> causes = together(callers);
            assertEquals(1, calls.get(), "4 racing gets made " + calls.get() + " loads");
            for (Throwable cause : causes) {
                assertInstanceOf(IllegalStateException.class, cause, "every caller waiting for the failed load gets "
                        + "ExecutionException with the loader's exception as its cause");
            }
            assertEquals("v:k", getOrFail(cache, "k", "a failed load is not cached: the next get loads again"));
            assertEquals(2, calls.get());
            assertEquals("v:k", cache.get("k"));
            assertEquals(2, calls.get(), "the successful load is cached");
        }
    }

    @Test
    @Order(5)
    void putAndInvalidate() throws Exception {
        CountingLoader loader = new CountingLoader(0);
        try (LoadingCache<String, String> cache = cache(loader, new FakeClock())) {
            cache.put("a", "mine");
            assertEquals("mine", cache.get("a"), "a put value is returned without loading");
            assertEquals(0, loader.calls("a"));
            assertEquals("v:b", cache.get("b"));
            cache.put("b", "replaced");
            assertEquals("replaced", cache.get("b"), "put replaces a loaded value");
            cache.invalidate("b");
            assertEquals("v:b", cache.get("b"), "after invalidate, get loads again");
            assertEquals(2, loader.calls("b"));
            cache.invalidate("nothing-here");
        }
    }

    @Test
    @Order(6)
    void anInterruptedWaiterDoesNotCancelTheLoad() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        AtomicBoolean loaderInterrupted = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        Loader<String, String> loader = key -> {
            calls.incrementAndGet();
            loading.countDown();
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                loaderInterrupted.set(true);
                throw e;
            }
            return "v:" + key;
        };
        try (LoadingCache<String, String> cache = cache(loader, new FakeClock())) {
            FutureTask<String> first = new FutureTask<>(() -> cache.get("k"));
            Thread a = Thread.ofPlatform().name("test-first-caller").start(first);
            loading.await();
            AtomicReference<Throwable> seenByWaiter = new AtomicReference<>();
            FutureTask<String> second = new FutureTask<>(() -> {
                try {
                    return cache.get("k");
                } catch (Throwable t) {
                    seenByWaiter.set(t);
                    throw t;
                }
            });
            Thread b = Thread.ofPlatform().name("test-waiting-caller").start(second);
            Waits.isBlocked(b, Tolerance.of(Duration.ofMillis(300))); // give it time to start waiting for the load
            b.interrupt();
            Duration within = Tolerance.of(Duration.ofSeconds(1)); // stretched with the judge's factor
            b.join(within);
            assertFalse(b.isAlive(), "the interrupted waiter was still waiting " + within.toMillis()
                    + " ms after its interrupt");
            assertInstanceOf(InterruptedException.class, seenByWaiter.get(), "a caller interrupted while it "
                    + "waits for a load throws InterruptedException");
            a.join();
            assertEquals("v:k", first.get(), "the load goes on for the other callers");
            assertFalse(loaderInterrupted.get(), "the load was interrupted by a waiter's interrupt");
            assertEquals("v:k", cache.get("k"));
            assertEquals(1, calls.get(), "the value of the load was not cached");
        }
    }

    @Test
    @Order(7)
    void waitersBlockWhileALoadRuns() throws Exception {
        // Three callers wait 1.5 s for one load: a waiter spinning in your code for 800 ms is caught.
        CountingLoader loader = new CountingLoader(1500);
        try (LoadingCache<String, String> cache = cache(loader, new FakeClock())) {
            List<Callable<String>> callers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                callers.add(() -> cache.get("slow"));
            }
            assertEquals(List.of("v:slow", "v:slow", "v:slow"), together(callers));
            assertEquals(1, loader.calls("slow"));
        }
    }

    @Test
    @Order(8)
    void closeStopsEverything() throws Exception {
        FakeClock clock = new FakeClock();
        LoadingCache<String, String> cache = cache(new CountingLoader(0), clock);
        cache.get("a");
        cache.put("b", "x");
        clock.advance(TTL.plusSeconds(1));
        assertEquals("v:b", cache.get("b"));
        cache.close();
        cache.close(); // idempotent
        // the judge checks that no thread of the cache is left
    }

    /** get, with a failure reported as a wrong answer (not as an error of the test). */
    static String getOrFail(LoadingCache<String, String> cache, String key, String why) throws Exception {
        try {
            return cache.get(key);
        } catch (ExecutionException e) {
            throw new AssertionError(why + ", but get threw " + e + " (cause: " + e.getCause() + ")", e);
        }
    }

    /** Runs the calls on platform threads of the test, released together; returns their results in order. */
    static <T> List<T> together(List<Callable<T>> calls) throws Exception {
        return StartGate.together("test-caller-", calls);
    }
}
