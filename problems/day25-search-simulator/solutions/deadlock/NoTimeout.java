package katas.day25.solutions.deadlock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import katas.day25.Kind;
import katas.day25.Replica;
import katas.day25.SearchEngine;

/**
 * Everything right but the deadline: it takes outcomes without a timeout, so
 * a kind whose replicas never answer keeps the search, and the caller,
 * waiting forever.
 */
public final class NoTimeout implements SearchEngine {

    private record Outcome(Kind kind, String value, Exception failure) {}

    @Override
    public Map<Kind, String> search(String query, Map<Kind, List<Replica>> replicas, Duration timeout)
            throws InterruptedException, ExecutionException {
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        Map<Kind, String> answers = new EnumMap<>(Kind.class);
        Map<Kind, Integer> failures = new EnumMap<>(Kind.class);
        Map<Kind, List<Future<?>>> running = new EnumMap<>(Kind.class);
        try (ExecutorService group = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                replicas.forEach((kind, list) -> {
                    List<Future<?>> futures = new ArrayList<>();
                    list.forEach(replica -> futures.add(group.submit(() -> {
                        try {
                            outcomes.add(new Outcome(kind, replica.search(query), null));
                        } catch (Exception e) {
                            outcomes.add(new Outcome(kind, null, e));
                        }
                    })));
                    running.put(kind, futures);
                });
                while (answers.size() < replicas.size()) {
                    Outcome o = outcomes.take(); // no deadline
                    if (answers.containsKey(o.kind())) {
                        continue;
                    }
                    if (o.failure() == null) {
                        answers.put(o.kind(), o.value());
                        running.get(o.kind()).forEach(f -> f.cancel(true));
                    } else if (failures.merge(o.kind(), 1, Integer::sum) == replicas.get(o.kind()).size()) {
                        throw new ExecutionException(o.failure());
                    }
                }
                return Map.copyOf(answers);
            } finally {
                group.shutdownNow();
            }
        }
    }
}
