package katas.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs calls on platform threads of the test, released together by a start
 * gate so they really overlap, and waits for all of them without a timeout
 * (a deadlock among them is left for the judge to see and report).
 */
public final class StartGate {

    private StartGate() {}

    /**
     * Runs each call on its own platform thread named {@code namePrefix + i};
     * returns their results in order, or rethrows the first failure as thrown.
     */
    public static <T> List<T> together(String namePrefix, List<Callable<T>> calls) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<FutureTask<T>> tasks = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Callable<T> call = calls.get(i);
            FutureTask<T> task = new FutureTask<>(() -> {
                gate.await();
                return call.call();
            });
            tasks.add(task);
            threads.add(Thread.ofPlatform().name(namePrefix + i).start(task));
        }
        gate.countDown();
        for (Thread t : threads) {
            t.join();
        }
        List<T> results = new ArrayList<>();
        for (FutureTask<T> task : tasks) {
            try {
                results.add(task.get());
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case Exception ex -> throw ex;
                    case Error err -> throw err;
                    default -> throw e;
                }
            }
        }
        return results;
    }
}
