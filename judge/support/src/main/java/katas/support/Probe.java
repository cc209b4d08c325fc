package katas.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An instrumented fake resource for hidden tests: it counts calls in flight,
 * their peak, and records when and on which thread each call ran. Checks
 * then read the record (exactly once, peak concurrency, order, gaps) instead
 * of guessing from output.
 */
public final class Probe {

    /** One recorded call: a label given by the caller, start and end in nanoTime, the thread. */
    public record Call(Object label, long startNanos, long endNanos, String thread, boolean virtual) {}

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final List<Call> calls = new ArrayList<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    /** A task that, when run, holds the resource for {@code latency} (sleep-bound work). */
    public Runnable task(Object label, Duration latency) {
        return () -> hold(label, latency);
    }

    /** Holds the resource for {@code latency} on the calling thread and records the call. */
    public void hold(Object label, Duration latency) {
        long start = enter();
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exit(label, start);
        }
    }

    /** Marks the start of a call; returns the start time to give to {@link #exit}. */
    public long enter() {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        threads.add(Thread.currentThread());
        return System.nanoTime();
    }

    /** Marks the end of a call started with {@link #enter}. */
    public void exit(Object label, long startNanos) {
        long end = System.nanoTime();
        inFlight.decrementAndGet();
        Thread t = Thread.currentThread();
        synchronized (calls) {
            calls.add(new Call(label, startNanos, end, t.getName(), t.isVirtual()));
        }
    }

    public int peak() {
        return peak.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** How many distinct threads made calls. */
    public int distinctThreads() {
        return threads.size();
    }

    /** The finished calls, in the order they finished. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** How many finished calls carried {@code label}. */
    public long count(Object label) {
        return calls().stream().filter(c -> c.label().equals(label)).count();
    }
}
