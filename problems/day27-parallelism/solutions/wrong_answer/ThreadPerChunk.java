package katas.day27.solutions.wrong_answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;
import katas.day27.Parallelism;

/**
 * "More threads, more speed": a platform thread per CPU-bound chunk. With
 * more chunks than cores, the OS time-slices them; nothing finishes sooner,
 * and far more chunks are in progress at once than there are cores.
 */
public final class ThreadPerChunk implements Parallelism {

    @Override
    public long cpuBound(int chunks, IntToLongFunction chunk) throws InterruptedException {
        AtomicLong sum = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().start(() -> sum.addAndGet(chunk.applyAsLong(index))));
        }
        for (Thread t : threads) {
            t.join();
        }
        return sum.get();
    }

    @Override
    public void sleepBound(List<Runnable> tasks) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            tasks.forEach(executor::submit);
        }
    }

    @Override
    public Map<String, String> quiz() {
        return Map.of("q1", "c", "q2", "a", "q3", "d", "q4", "b", "q5", "a");
    }
}
