package katas.day16.solutions.thread_leak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day16.FirstResponse;

/**
 * The classic trap: {@code CompletableFuture.cancel(true)} completes the
 * future as cancelled but never interrupts the thread running the supplier,
 * so a hanging backend keeps its thread long after the query returned.
 */
public final class CompletableFutureCancel implements FirstResponse {
    @Override
    public String query(List<Callable<String>> backends) throws InterruptedException, ExecutionException {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<String> first = new CompletableFuture<>();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        try {
            for (Callable<String> backend : backends) {
                CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
                    try {
                        return backend.call();
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                }, executor);
                call.whenComplete((answer, error) -> {
                    if (error == null) {
                        first.complete(answer);
                    } else if (failed.incrementAndGet() == backends.size()) {
                        first.completeExceptionally(error instanceof CompletionException c ? c.getCause() : error);
                    }
                });
                calls.add(call);
            }
            return first.get();
        } finally {
            calls.forEach(c -> c.cancel(true));   // "true" is ignored: nothing is interrupted
            executor.shutdown();
        }
    }
}
