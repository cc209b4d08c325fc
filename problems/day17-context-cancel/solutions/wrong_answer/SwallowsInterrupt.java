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
 * Interrupts the workers, but each worker catches the InterruptedException
 * and carries on. Catching it clears the interrupt flag, so the loop's
 * {@code isInterrupted()} check never sees the cancellation.
 */
public final class SwallowsInterrupt implements CancellableWork {
    @Override
    public Job start(int workers, Step step) {
        AtomicIntegerArray completed = new AtomicIntegerArray(workers);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().start(() -> {
                int round = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        step.run(worker, round++);
                        completed.incrementAndGet(worker);
                    } catch (InterruptedException e) {
                        // "cannot happen here", carry on
                    }
                }
            }));
        }
        AtomicBoolean cancelled = new AtomicBoolean();
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
