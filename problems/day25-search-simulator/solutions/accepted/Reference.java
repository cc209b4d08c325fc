package katas.day25.solutions.accepted;

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
import java.util.concurrent.TimeUnit;
import katas.day25.Kind;
import katas.day25.Replica;
import katas.day25.SearchEngine;

/**
 * Go's version, in Java: every replica on a virtual thread, each sending its
 * outcome on one channel (a queue of a sealed type); the caller receives
 * with a deadline (poll with the time left) and keeps the first answer of
 * each kind, cancelling that kind's other replicas at once. The executor is
 * the error group and the context: shutdownNow() interrupts whatever is
 * still running on any way out, and close() waits until it has all ended.
 */
public final class Reference implements SearchEngine {

    private sealed interface Outcome {
        Kind kind();
    }

    private record Answer(Kind kind, String value) implements Outcome {}

    private record Failure(Kind kind, Exception cause) implements Outcome {}

    @Override
    public Map<Kind, String> search(String query, Map<Kind, List<Replica>> replicas, Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        Map<Kind, String> answers = new EnumMap<>(Kind.class);
        Map<Kind, Integer> failures = new EnumMap<>(Kind.class);
        Map<Kind, List<Future<?>>> running = new EnumMap<>(Kind.class);
        try (ExecutorService group = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                replicas.forEach((kind, list) -> {
                    List<Future<?>> futures = new ArrayList<>();
                    for (Replica replica : list) {
                        futures.add(group.submit(() -> {
                            try {
                                outcomes.add(new Answer(kind, replica.search(query)));
                            } catch (Exception e) {
                                outcomes.add(new Failure(kind, e));
                            }
                        }));
                    }
                    running.put(kind, futures);
                });
                while (answers.size() < replicas.size()) {
                    long left = deadline - System.nanoTime();
                    Outcome outcome = left > 0 ? outcomes.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (outcome == null) {
                        break; // time is up: the answers so far
                    }
                    Kind kind = outcome.kind();
                    if (answers.containsKey(kind)) {
                        continue; // a loser that finished anyway
                    }
                    switch (outcome) {
                        case Answer a -> {
                            answers.put(kind, a.value());
                            running.get(kind).forEach(f -> f.cancel(true)); // the losers of this kind
                        }
                        case Failure f -> {
                            if (failures.merge(kind, 1, Integer::sum) == replicas.get(kind).size()) {
                                throw new ExecutionException("every " + kind + " replica failed", f.cause());
                            }
                        }
                    }
                }
                return Map.copyOf(answers);
            } finally {
                group.shutdownNow(); // interrupt whatever still runs, on every way out
            }
        } // close(): wait until it has all ended
    }
}
