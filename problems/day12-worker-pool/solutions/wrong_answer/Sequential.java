package katas.day12.solutions.wrong_answer;

import java.util.function.IntConsumer;
import katas.day12.WorkerPool;

/**
 * The sequential baseline of the speedup score: every job once, but one at a
 * time on the caller's thread, a "pool" of 1.
 */
public final class Sequential implements WorkerPool {
    @Override
    public void process(int jobs, IntConsumer job) {
        for (int i = 0; i < jobs; i++) {
            job.accept(i);
        }
    }
}
