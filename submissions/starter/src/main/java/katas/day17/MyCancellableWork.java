package katas.day17;

/**
 * Day 17 — your solution. Read problems/day17-context-cancel/README.md first.
 *
 * <p>Start the workers; {@link Job#cancel()} must interrupt them all, and
 * {@link Job#join()} wait for them and return how many steps each completed.
 */
public class MyCancellableWork implements CancellableWork {

    @Override
    public Job start(int workers, Step step) {
        throw new UnsupportedOperationException(
                "TODO day 17: run each worker's steps in a loop; cancel() interrupts, join() waits and counts");
    }
}
