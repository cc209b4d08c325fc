package katas.day25.solutions.accepted;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import katas.day25.Kind;
import katas.day25.Replica;
import katas.day25.SearchEngine;

/**
 * The JDK has "first successful answer, cancel the rest" built in:
 * ExecutorService.invokeAny. One task per kind runs invokeAny over that
 * kind's replicas (it fails only if they all fail); a CompletionService hands
 * the kinds back in the order they finish, with a deadline. Closing the
 * executors, after shutdownNow, waits for everything to end: a kind's task
 * interrupted inside invokeAny cancels its replicas, and its own executor
 * waits for them.
 */
public final class InvokeAnyPerKind implements SearchEngine {

    private record KindAnswer(Kind kind, String value) {}

    @Override
    public Map<Kind, String> search(String query, Map<Kind, List<Replica>> replicas, Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Kind, String> answers = new EnumMap<>(Kind.class);
        try (ExecutorService kinds = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                CompletionService<KindAnswer> done = new ExecutorCompletionService<>(kinds);
                replicas.forEach((kind, list) -> done.submit(() -> {
                    List<Callable<String>> calls = list.stream()
                            .<Callable<String>>map(r -> () -> r.search(query)).toList();
                    try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
                        return new KindAnswer(kind, each.invokeAny(calls)); // cancels the losers
                    }
                }));
                for (int i = 0; i < replicas.size(); i++) {
                    Future<KindAnswer> f = done.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (f == null) {
                        break; // time is up
                    }
                    try {
                        KindAnswer a = f.get();
                        answers.put(a.kind(), a.value());
                    } catch (ExecutionException e) {
                        // invokeAny threw ExecutionException (every replica failed): its cause is a replica's
                        Throwable cause = e.getCause() instanceof ExecutionException all && all.getCause() != null
                                ? all.getCause() : e.getCause();
                        throw new ExecutionException("every replica of a kind failed", cause);
                    }
                }
                return Map.copyOf(answers);
            } finally {
                kinds.shutdownNow();
            }
        }
    }
}
