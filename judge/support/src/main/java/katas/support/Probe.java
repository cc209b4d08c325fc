package katas.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
    /** The peak a check will ask for (0: none), and how long calls may wait for it (see expectingPeak). */
    private final int expectedPeak;
    private final long patienceNanos;
    private final AtomicLong firstEnter = new AtomicLong();

    /** A probe that only records. */
    public Probe() {
        this(0, Duration.ZERO);
    }

    private Probe(int expectedPeak, Duration patience) {
        this.expectedPeak = expectedPeak;
        this.patienceNanos = patience.toNanos();
    }

    /**
     * A probe for a check that {@code peak} calls were in flight at once: each
     * call, when its own work is done, waits until that peak has been seen,
     * for at most one second (stretched by {@link Tolerance}) counted from the
     * first call. On a loaded machine the last thread of a correct pool can
     * start a few hundred milliseconds late, after the others have taken every
     * job: without the wait the check would blame the pool for the scheduler.
     * It costs a correct solution nothing (the wait ends the moment the peak
     * is seen) and a wrong one at most the patience, once per probe: after it
     * calls hold for their latency alone, and the peak check fails as before.
     */
    public static Probe expectingPeak(int peak) {
        if (peak < 1) {
            throw new IllegalArgumentException("an expected peak is at least 1: " + peak);
        }
        return new Probe(peak, Tolerance.of(Duration.ofSeconds(1)));
    }

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
        long start = System.nanoTime();
        firstEnter.compareAndSet(0, start);
        int now = inFlight.incrementAndGet();
        int highest = peak.accumulateAndGet(now, Math::max);
        threads.add(Thread.currentThread());
        if (expectedPeak > 0 && highest == expectedPeak) {
            synchronized (this) {
                notifyAll(); // the calls waiting for this peak may end
            }
        }
        return start;
    }

    /** Marks the end of a call started with {@link #enter} (for a probe expecting a peak: once it was seen). */
    public void exit(Object label, long startNanos) {
        long end = System.nanoTime();
        awaitExpectedPeak();
        inFlight.decrementAndGet();
        Thread t = Thread.currentThread();
        synchronized (calls) {
            calls.add(new Call(label, startNanos, end, t.getName(), t.isVirtual()));
        }
    }

    /** Waits, still in flight, until the expected peak was seen or the patience is spent. */
    private void awaitExpectedPeak() {
        if (expectedPeak == 0) {
            return;
        }
        long deadline = firstEnter.get() + patienceNanos;
        synchronized (this) {
            for (long left; peak.get() < expectedPeak && (left = deadline - System.nanoTime()) > 0; ) {
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
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
