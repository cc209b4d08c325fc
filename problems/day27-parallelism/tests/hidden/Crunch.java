package katas.day27.hidden;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;

/**
 * The test's CPU-bound chunk: a fixed number of xorshift rounds (about 2 ns
 * each), pure computation with no waiting. It counts calls per chunk, chunks
 * in progress at once and their peak, and the threads that ran them.
 */
public final class Crunch implements IntToLongFunction {

    private final int rounds;
    private final AtomicIntegerArray calls;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicLong returned = new AtomicLong();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    public Crunch(int chunks, int rounds) {
        this.rounds = rounds;
        this.calls = new AtomicIntegerArray(chunks);
    }

    @Override
    public long applyAsLong(int chunk) {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        threads.add(Thread.currentThread());
        try {
            calls.incrementAndGet(chunk);
            long v = value(chunk, rounds);
            returned.addAndGet(v);
            return v;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The result of one chunk, computed here without any bookkeeping. */
    public static long value(int chunk, int rounds) {
        long x = chunk * 0x9E3779B97F4A7C15L + 1;
        for (int k = 0; k < rounds; k++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x & 0xffff;
    }

    /** The expected sum of chunks 0..n-1. */
    public static long expected(int chunks, int rounds) {
        long sum = 0;
        for (int i = 0; i < chunks; i++) {
            sum += value(i, rounds);
        }
        return sum;
    }

    /** The sum of every value this function has returned so far. */
    public long returned() {
        return returned.get();
    }

    /** Null if every chunk was computed exactly once, else which one was not. */
    public String notExactlyOnce() {
        for (int i = 0; i < calls.length(); i++) {
            if (calls.get(i) != 1) {
                return "chunk " + i + " was computed " + calls.get(i) + " times (exactly once expected)";
            }
        }
        return null;
    }

    public int calls(int chunk) {
        return calls.get(chunk);
    }

    public int chunks() {
        return calls.length();
    }

    public int peak() {
        return peak.get();
    }

    public int threads() {
        return threads.size();
    }
}
