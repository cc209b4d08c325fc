package katajudge.run;

import java.util.concurrent.Semaphore;

/**
 * How judgings that run side by side ({@code verify --jobs N}) share the
 * machine. Most of a judging sleeps (hidden tests wait for handoffs, time
 * outs, late senders), so several can run at once; but a speedup is a
 * wall-clock ratio, and a CPU-bound workload timed while another judging
 * holds a core misses its target. So each judging holds one of N slots while
 * it runs, and the child, before it times the workload, asks for the whole
 * machine ({@link Use#takeWhole}): it waits until every other judging has
 * ended, and no new one starts, until it gives the machine back.
 *
 * <p>The slots are handed out in arrival order (a fair semaphore), so a
 * judging that wants the whole machine is not starved by new ones.
 */
public final class MachineShare {

    private final int slots;
    private final Semaphore free;

    private MachineShare(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("a machine has at least one slot, not " + slots);
        }
        this.slots = slots;
        this.free = new Semaphore(slots, true);
    }

    /** A machine that {@code slots} judgings share. */
    public static MachineShare of(int slots) {
        return new MachineShare(slots);
    }

    /** One slot, for a judging that may run beside others. */
    public Use share() throws InterruptedException {
        free.acquire();
        return new Use(1);
    }

    /** Every slot, for a judging that must run alone from start to end (a retry after a miss). */
    public Use whole() throws InterruptedException {
        free.acquire(slots);
        return new Use(slots);
    }

    /** Slots no judging holds now (for tests and progress lines). */
    int freeSlots() {
        return free.availablePermits();
    }

    /** One judging's hold on the machine; closing it gives back what it holds. */
    public final class Use implements AutoCloseable {
        private final int base;
        private int held;
        private boolean closed;

        private Use(int held) {
            this.base = held;
            this.held = held;
        }

        /**
         * Waits until this judging has the machine to itself. Its own slot is
         * given up first, so two judgings asking at once do not wait for each
         * other; if interrupted, it holds nothing until closed.
         */
        public void takeWhole() throws InterruptedException {
            synchronized (this) {
                if (held == slots || closed) {
                    return;
                }
                free.release(held);
                held = 0;
            }
            free.acquire(slots);
            synchronized (this) {
                held = slots;
                if (closed) { // closed while it waited: nothing may stay held
                    free.release(slots);
                    held = 0;
                }
            }
        }

        /** Back to what the judging started with, once its measurement is over. */
        public synchronized void shareAgain() {
            if (held > base) {
                free.release(held - base);
                held = base;
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            free.release(held);
            held = 0;
        }
    }
}
