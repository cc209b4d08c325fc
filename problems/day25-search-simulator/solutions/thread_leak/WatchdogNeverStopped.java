package katas.day25.solutions.thread_leak;

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
 * Keeps the deadline with a watchdog thread that sleeps for the timeout and
 * then sends "time is up" (Go's time.After, by hand), and everything else
 * right; but when the search ends early, nobody stops the watchdog: it
 * sleeps on for the rest of the timeout (a leak; a timer per search).
 */
public final class WatchdogNeverStopped implements SearchEngine {

    private record Outcome(Kind kind, String value, Exception failure) {}

    private static final Outcome TIME_IS_UP = new Outcome(null, null, null);

    @Override
    public Map<Kind, String> search(String query, Map<Kind, List<Replica>> replicas, Duration timeout)
            throws InterruptedException, ExecutionException {
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        Map<Kind, String> answers = new EnumMap<>(Kind.class);
        Map<Kind, Integer> failures = new EnumMap<>(Kind.class);
        Map<Kind, List<Future<?>>> running = new EnumMap<>(Kind.class);
        Thread.ofPlatform().name("search-watchdog").daemon().start(() -> {
            try {
                Thread.sleep(timeout);
                outcomes.add(TIME_IS_UP);
            } catch (InterruptedException e) {
                // stopped: nothing to say
            }
        });
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
                    Outcome o = outcomes.take();
                    if (o == TIME_IS_UP) {
                        break;
                    }
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
                group.shutdownNow(); // the replicas are stopped; the watchdog is not
            }
        }
    }
}
