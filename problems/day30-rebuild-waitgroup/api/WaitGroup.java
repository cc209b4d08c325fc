package katas.day30;

/**
 * Day 30: Go's {@code sync.WaitGroup}, rebuilt from queues. A counter;
 * {@link #await} blocks until it is zero.
 *
 * <p>Build it from blocking queues ({@code BlockingQueue}, {@code
 * SynchronousQueue}, {@code LinkedTransferQueue}...) and atomics only: no
 * latch, phaser, barrier, semaphore, lock, monitor ({@code synchronized},
 * {@code wait}/{@code notify}) or sleep. The judge reads your bytecode for them.
 */
public interface WaitGroup {

    /**
     * Adds {@code delta} (which may be negative) to the counter. When the
     * counter reaches zero, every thread blocked in {@link #await} is
     * released.
     *
     * @throws IllegalStateException if the counter would become negative (and then it is left unchanged)
     */
    void add(int delta);

    /** {@code add(-1)}: one task is done. */
    void done();

    /**
     * Blocks until the counter is zero; returns at once if it already is.
     * Any number of threads may wait at once, and all are released together.
     * After the counter has reached zero the group can be used again: a later
     * {@code add} starts a new round, and {@code await} then waits for that
     * round.
     *
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    void await() throws InterruptedException;
}
