package katas.day25.solutions.wrong_answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import katas.day25.Kind;
import katas.day25.Replica;
import katas.day25.SearchEngine;

/**
 * invokeAll with the timeout, then the first successful answer of each kind:
 * the answers are right, but every search lasts as long as its slowest
 * replica (or the whole timeout), not its fastest.
 */
public final class WaitsForEveryReplica implements SearchEngine {

    @Override
    public Map<Kind, String> search(String query, Map<Kind, List<Replica>> replicas, Duration timeout)
            throws InterruptedException, ExecutionException {
        List<Kind> kinds = new ArrayList<>();
        List<Callable<String>> calls = new ArrayList<>();
        replicas.forEach((kind, list) -> list.forEach(r -> {
            kinds.add(kind);
            calls.add(() -> r.search(query));
        }));
        Map<Kind, String> answers = new EnumMap<>(Kind.class);
        Map<Kind, Integer> failures = new EnumMap<>(Kind.class);
        Throwable lastFailure = null;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> futures = pool.invokeAll(calls, timeout.toNanos(), TimeUnit.NANOSECONDS);
            for (int i = 0; i < futures.size(); i++) {
                Kind kind = kinds.get(i);
                try {
                    answers.putIfAbsent(kind, futures.get(i).get());
                } catch (ExecutionException e) {
                    lastFailure = e.getCause();
                    if (failures.merge(kind, 1, Integer::sum) == replicas.get(kind).size()) {
                        throw new ExecutionException(lastFailure);
                    }
                } catch (CancellationException e) {
                    // timed out
                }
            }
        }
        return Map.copyOf(answers);
    }
}
