package katas.day28;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 28: run them in your IDE or with `make test-public DAY=28`. */
class Day28PublicTest {

    @SuppressWarnings("unchecked")
    private static LoadingCache<String, String> cache(Loader<String, String> loader, InstantSource clock) {
        LoadingCache<String, String> cache = Katas.load(LoadingCache.class);
        cache.configure(loader, Duration.ofMinutes(1), clock);
        return cache;
    }

    @Test
    void loadsOnceThenServesTheStoredValue() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        try (var cache = cache(key -> "v" + loads.incrementAndGet(), InstantSource.fixed(Instant.EPOCH))) {
            assertEquals("v1", cache.get("a"));
            assertEquals("v1", cache.get("a"));
            assertEquals(1, loads.get());
        }
    }

    @Test
    void expiresAfterTheTtl() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
        AtomicInteger loads = new AtomicInteger();
        try (var cache = cache(key -> "v" + loads.incrementAndGet(), now::get)) {
            assertEquals("v1", cache.get("a"));
            now.set(Instant.EPOCH.plus(Duration.ofMinutes(1)));
            assertEquals("v2", cache.get("a"), "expired after one minute");
        }
    }

    @Test
    void racingGetsShareOneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        try (var cache = cache(key -> {
            loads.incrementAndGet();
            Thread.sleep(100);
            return "v";
        }, InstantSource.fixed(Instant.EPOCH))) {
            CountDownLatch gate = new CountDownLatch(1);
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                callers.add(Thread.ofPlatform().start(() -> {
                    try {
                        gate.await();
                        cache.get("k");
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }));
            }
            gate.countDown();
            for (Thread t : callers) {
                t.join();
            }
            assertEquals(1, loads.get(), "8 racing gets of one key: one load");
        }
    }
}
