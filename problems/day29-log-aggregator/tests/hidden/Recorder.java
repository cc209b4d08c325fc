package katas.day29.hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day29.LogSink;

/** The test's sink: records every write with its time and thread. */
public final class Recorder implements LogSink {

    public record Write(int producer, String line, long nanos, Thread thread) {}

    private final List<Write> writes = new ArrayList<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void write(int producerId, String line) {
        long now = System.nanoTime();
        Thread t = Thread.currentThread();
        threads.add(t);
        synchronized (writes) {
            writes.add(new Write(producerId, line, now, t));
        }
        count.incrementAndGet();
    }

    public List<Write> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    public int count() {
        return count.get();
    }

    public Set<Thread> threads() {
        return Set.copyOf(threads);
    }

    /** The smallest gap between two consecutive writes, in ms (infinite with fewer than 2). */
    public double minGapMillis() {
        List<Write> w = writes();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 1; i < w.size(); i++) {
            min = Math.min(min, (w.get(i).nanos() - w.get(i - 1).nanos()) / 1e6);
        }
        return min;
    }

    /** Each producer's lines in the order they were written. */
    public List<List<String>> byProducer(int producers) {
        List<List<String>> out = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            out.add(new ArrayList<>());
        }
        for (Write w : writes()) {
            out.get(w.producer()).add(w.line());
        }
        return out;
    }
}
