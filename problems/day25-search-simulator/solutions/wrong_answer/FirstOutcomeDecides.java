package katas.day25.solutions.wrong_answer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import katas.day25.Kind;
import katas.day25.Replica;
import katas.day25.SearchEngine;

/**
 * "First one wins", taken literally (CompletableFuture.anyOf does the same):
 * the first replica of a kind to finish decides it, even when it finished by
 * failing, so one replica down fails the whole search although another
 * replica would have answered.
 */
public final class FirstOutcomeDecides implements SearchEngine {

    private record Outcome(Kind kind, String value, Exception failure) {}

    @Override
    public Map<Kind, String> search(String query, Map<Kind, List<Replica>> replicas, Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        Map<Kind, String> answers = new EnumMap<>(Kind.class);
        try (ExecutorService group = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                replicas.forEach((kind, list) -> list.forEach(replica -> group.submit(() -> {
                    try {
                        outcomes.add(new Outcome(kind, replica.search(query), null));
                    } catch (Exception e) {
                        outcomes.add(new Outcome(kind, null, e));
                    }
                })));
                while (answers.size() < replicas.size()) {
                    long left = deadline - System.nanoTime();
                    Outcome o = left > 0 ? outcomes.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (o == null) {
                        break;
                    }
                    if (answers.containsKey(o.kind())) {
                        continue;
                    }
                    if (o.failure() != null) {
                        throw new ExecutionException(o.failure()); // the first to finish failed: so did the kind
                    }
                    answers.put(o.kind(), o.value());
                }
                return Map.copyOf(answers);
            } finally {
                group.shutdownNow();
            }
        }
    }
}
