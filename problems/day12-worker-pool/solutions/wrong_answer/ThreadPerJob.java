package katas.day12.solutions.wrong_answer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import katas.day12.WorkerPool;

/** No pool at all: a new virtual thread per job, so all 100 jobs run at once. */
public final class ThreadPerJob implements WorkerPool {
    @Override
    public void process(int jobs, IntConsumer job) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < jobs; i++) {
                int n = i;
                executor.execute(() -> job.accept(n));
            }
        }
    }
}
