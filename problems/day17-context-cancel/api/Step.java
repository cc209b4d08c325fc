package katas.day17;

/** One unit of long-running work, done by one worker. */
@FunctionalInterface
public interface Step {

    /**
     * Does one step of {@code worker}'s work. It blocks for a while (from a
     * few milliseconds to seconds) and, like any well-behaved blocking call,
     * throws {@link InterruptedException} promptly when its thread is
     * interrupted. A step that throws did not complete.
     *
     * @param worker the worker's index, 0 to workers - 1
     * @param round  how many steps this worker started before this one
     * @throws InterruptedException when the thread is interrupted: the work was cancelled
     */
    void run(int worker, int round) throws InterruptedException;
}
