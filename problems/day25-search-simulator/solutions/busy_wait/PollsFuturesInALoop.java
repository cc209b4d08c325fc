package katas.day25.solutions.busy_wait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import katas.day25.Kind;
import katas.day25.Replica;
import katas.day25.SearchEngine;

/**
 * Right in every way, but it waits by looking at every future in a loop
 * (isDone, the clock, the interrupt flag) instead of blocking on anything:
 * one CPU burned for as long as the search lasts.
 */
public final class PollsFuturesInALoop implements SearchEngine {

    @Override
    public Map<Kind, String> search(String query, Map<Kind, List<Replica>> replicas, Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Kind, String> answers = new EnumMap<>(Kind.class);
        Map<Kind, List<Future<String>>> running = new EnumMap<>(Kind.class);
        try (ExecutorService group = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                replicas.forEach((kind, list) -> {
                    List<Future<String>> futures = new ArrayList<>();
                    list.forEach(replica -> futures.add(group.submit(() -> replica.search(query))));
                    running.put(kind, futures);
                });
                while (answers.size() < replicas.size() && System.nanoTime() - deadline < 0) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    for (Map.Entry<Kind, List<Future<String>>> e : running.entrySet()) {
                        Kind kind = e.getKey();
                        if (answers.containsKey(kind)) {
                            continue;
                        }
                        int failed = 0;
                        Throwable cause = null;
                        for (Future<String> f : e.getValue()) {
                            if (f.state() == Future.State.SUCCESS) {
                                answers.put(kind, f.resultNow());
                                e.getValue().forEach(other -> other.cancel(true));
                                break;
                            } else if (f.state() == Future.State.FAILED) {
                                failed++;
                                cause = f.exceptionNow();
                            }
                        }
                        if (!answers.containsKey(kind) && failed == e.getValue().size()) {
                            throw new ExecutionException(cause);
                        }
                    }
                    Thread.onSpinWait();
                }
                return Map.copyOf(answers);
            } finally {
                group.shutdownNow();
            }
        }
    }
}
