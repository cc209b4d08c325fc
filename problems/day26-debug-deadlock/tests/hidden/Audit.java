package katas.day26.hidden;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import katas.day26.Journal;
import katas.support.StartGate;

/**
 * The test's journal: it takes {@code pauseMicros} per entry (a disk write)
 * and checks, for every entry, that no other entry on either of its two
 * accounts is being written at the same time (the bank must hold both
 * accounts while it journals).
 */
public final class Audit implements Journal {

    private final AtomicIntegerArray busy;
    private final long pauseMicros;
    private final AtomicInteger records = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicReference<String> overlap = new AtomicReference<>();

    public Audit(int accounts, long pauseMicros) {
        this.busy = new AtomicIntegerArray(accounts);
        this.pauseMicros = pauseMicros;
    }

    @Override
    public void record(int from, int to, long amount) {
        int a = busy.incrementAndGet(from);
        int b = busy.incrementAndGet(to);
        if (a > 1 || b > 1) {
            overlap.compareAndSet(null, "the journal entry " + from + " -> " + to + " was written while another "
                    + "transfer on account " + (a > 1 ? from : to) + " was being journaled: a transfer must hold "
                    + "both accounts until it has journaled");
        }
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            pause(pauseMicros);
        } finally {
            inFlight.decrementAndGet();
            busy.decrementAndGet(from);
            busy.decrementAndGet(to);
            records.incrementAndGet();
        }
    }

    public int records() {
        return records.get();
    }

    /** Entries that were being written at the same time, at most. */
    public int peak() {
        return peak.get();
    }

    /** The first overlap seen on one account, or null. */
    public String overlap() {
        return overlap.get();
    }

    static void pause(long micros) {
        if (micros <= 0) {
            return;
        }
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the calls on platform threads of the test, released together (see {@link StartGate}). */
    public static <T> List<T> together(List<Callable<T>> calls) throws Exception {
        return StartGate.together("test-client-", calls);
    }
}
