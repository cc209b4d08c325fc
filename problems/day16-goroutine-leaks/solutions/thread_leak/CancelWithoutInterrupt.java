package katas.day16.solutions.thread_leak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import katas.day16.FirstResponse;

/**
 * Cancels the losers with {@code cancel(false)} and {@code shutdown()}: the
 * futures say "cancelled", but a running backend is not interrupted, so its
 * thread goes on until the backend answers to nobody.
 */
public final class CancelWithoutInterrupt implements FirstResponse {
    @Override
    public String query(List<Callable<String>> backends) throws InterruptedException, ExecutionException {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        CompletionService<String> done = new ExecutorCompletionService<>(executor);
        List<Future<String>> futures = new ArrayList<>();
        try {
            for (Callable<String> backend : backends) {
                futures.add(done.submit(backend));
            }
            ExecutionException last = null;
            for (int i = 0; i < backends.size(); i++) {
                try {
                    return done.take().get();
                } catch (ExecutionException e) {
                    last = e;
                }
            }
            throw last;
        } finally {
            for (Future<String> f : futures) {
                f.cancel(false);
            }
            executor.shutdown();
        }
    }
}
