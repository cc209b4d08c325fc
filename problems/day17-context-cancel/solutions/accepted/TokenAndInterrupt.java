package katas.day17.solutions.accepted;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import katas.day17.CancellableWork;
import katas.day17.Job;
import katas.day17.Step;

/**
 * Go's context by hand: a cancellation token that workers check between
 * steps, plus an interrupt for the step that is blocked right now. The
 * compare-and-set makes cancel idempotent; join is Thread.join.
 */
public final class TokenAndInterrupt implements CancellableWork {
    @Override
    public Job start(int workers, Step step) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicIntegerArray completed = new AtomicIntegerArray(workers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().name("worker-" + w).start(() -> {
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
                if (cancelled.compareAndSet(false, true)) {
                    threads.forEach(Thread::interrupt);
                }
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
