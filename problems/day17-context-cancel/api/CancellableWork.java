package katas.day17;

/**
 * Day 17: context cancellation. Start long-running workers and stop them
 * all, promptly, when asked.
 */
public interface CancellableWork {

    /**
     * Starts {@code workers} workers, all at once, and returns at once with a
     * handle on them. Worker {@code w} calls {@code step.run(w, 0)}, then
     * {@code step.run(w, 1)}, and so on, one step after the other, until the
     * job is cancelled with {@link Job#cancel()}.
     *
     * @param workers how many workers run at the same time, 1 or more
     * @param step    one unit of the long-running work; it blocks for a while
     * @return the handle to cancel the workers and collect what they did
     */
    Job start(int workers, Step step);
}
