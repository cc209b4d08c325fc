package katas.day20;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 20: run them in your IDE or with `make test-public DAY=20`. */
class Day20PublicTest {

    @Test
    void onceRunsInitOnceOnFirstGet() {
        AtomicInteger runs = new AtomicInteger();
        Supplier<Object> lazy = Katas.load(Registry.class).once(() -> {
            runs.incrementAndGet();
            return new Object();
        });
        assertEquals(0, runs.get(), "not before the first get");
        Object first = lazy.get();
        assertSame(first, lazy.get());
        assertEquals(1, runs.get());
    }

    @Test
    void mapLoadsEachKeyOnce() {
        AtomicInteger loads = new AtomicInteger();
        LoadingMap<String, String> map = Katas.load(Registry.class).loadingMap(key -> {
            loads.incrementAndGet();
            return key.toUpperCase();
        });
        assertNull(map.getIfLoaded("a"));
        assertEquals("A", map.get("a"));
        assertEquals("A", map.get("a"));
        assertEquals("B", map.get("b"));
        assertEquals("A", map.getIfLoaded("a"));
        assertEquals(2, loads.get(), "two keys, two loads");
    }
}
