package katas.day17.solutions.wrong_answer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import katas.day17.CancellableWork;
import katas.day17.Job;
import katas.day17.Step;

/**
 * The classic trap: {@code CompletableFuture.cancel(true)} marks the future
 * cancelled but never interrupts the thread running it. join() returns at
 * once, while the workers, never told, carry on.
 */
public final class CompletableFutureCancel implements CancellableWork {
    @Override
    public Job start(int workers, Step step) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        AtomicIntegerArray completed = new AtomicIntegerArray(workers);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            running.add(CompletableFuture.runAsync(() -> {
                try {
                    for (int round = 0; !Thread.currentThread().isInterrupted(); round++) {
                        step.run(worker, round);
                        completed.incrementAndGet(worker);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, executor));
        }
        return new Job() {
            @Override
            public void cancel() {
                running.forEach(f -> f.cancel(true));
                executor.shutdown();
            }

            @Override
            public List<Integer> join() {
                for (CompletableFuture<Void> f : running) {
                    try {
                        f.join();
                    } catch (CancellationException e) {
                        // cancelled, as asked
                    }
                }
                return IntStream.range(0, workers).mapToObj(completed::get).toList();
            }
        };
    }
}
