package katas.day17.solutions.wrong_answer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import katas.day17.CancellableWork;
import katas.day17.Job;
import katas.day17.Step;

/**
 * A cancelled flag checked between steps, and no interrupt: a worker in a
 * long blocking step does not hear of the cancel until the step ends on its
 * own, seconds later (Go's loop that checks ctx.Done() but calls a blocking
 * function that ignores ctx).
 */
public final class FlagOnly implements CancellableWork {
    @Override
    public Job start(int workers, Step step) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicIntegerArray completed = new AtomicIntegerArray(workers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int round = 0; !cancelled.get(); round++) {
                    try {
                        step.run(worker, round);
                    } catch (InterruptedException e) {
                        return;
                    }
                    completed.incrementAndGet(worker);
                }
            }));
        }
        return new Job() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public List<Integer> join() throws InterruptedException {
                for (Thread t : threads) {
                    t.join();
                }
                return IntStream.range(0, workers).mapToObj(completed::get).toList();
            }
        };
    }
}
