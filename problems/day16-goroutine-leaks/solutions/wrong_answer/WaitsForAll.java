package katas.day16.solutions.wrong_answer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import katas.day16.FirstResponse;

/**
 * Leaves nothing behind, and picks the answer that came first, but only
 * after waiting for every backend with {@code invokeAll}: the query is as
 * slow as the slowest replica, which defeats the point of asking several.
 */
public final class WaitsForAll implements FirstResponse {

    private record Timed(String answer, long finishedAt) {}

    @Override
    public String query(List<Callable<String>> backends) throws InterruptedException, ExecutionException {
        List<Callable<Timed>> timed = new ArrayList<>();
        for (Callable<String> backend : backends) {
            timed.add(() -> new Timed(backend.call(), System.nanoTime()));
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Timed best = null;
            ExecutionException last = null;
            for (Future<Timed> f : executor.invokeAll(timed)) {
                try {
                    Timed t = f.get();
                    if (best == null || t.finishedAt() < best.finishedAt()) {
                        best = t;
                    }
                } catch (ExecutionException e) {
                    last = e;
                }
            }
            if (best == null) {
                throw last;
            }
            return best.answer();
        }
    }
}
