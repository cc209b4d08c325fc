package katas.day14.solutions.wrong_answer;

import java.util.List;
import katas.day14.BoundedRunner;

/**
 * The speedup baseline: one task after another on the caller's thread. Never
 * more than three, but never more than one either: the limit is a ceiling to
 * reach, not only one to stay under.
 */
public final class Sequential implements BoundedRunner {
    @Override
    public int runAll(List<? extends Runnable> tasks) {
        int failures = 0;
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                failures++;
            }
        }
        return failures;
    }
}
