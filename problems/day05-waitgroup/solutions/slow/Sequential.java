package katas.day05.solutions.slow;

import java.util.List;
import katas.day05.WaitAll;

/** The sequential baseline: every task in turn on the caller's thread, failures counted. */
public final class Sequential implements WaitAll {
    @Override
    public int runAll(List<Runnable> tasks) {
        int failed = 0;
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return failed;
    }
}
