package katas.day25.solutions.wrong_answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day25.Kind;
import katas.day25.Replica;
import katas.day25.SearchEngine;

/**
 * CompletableFutures all the way: supplyAsync per replica, the first success
 * of a kind completes the kind, allOf with a timeout for the search, then
 * cancel(true) on every replica's future. But CompletableFuture.cancel does
 * not interrupt: the losers and the late replicas run on, for nobody.
 */
public final class CompletableFutureCancel implements SearchEngine {

    @Override
    public Map<Kind, String> search(String query, Map<Kind, List<Replica>> replicas, Duration timeout)
            throws InterruptedException, ExecutionException {
        Map<Kind, CompletableFuture<String>> firsts = new EnumMap<>(Kind.class);
        List<CompletableFuture<String>> all = new ArrayList<>();
        replicas.forEach((kind, list) -> {
            CompletableFuture<String> first = new CompletableFuture<>();
            AtomicInteger failed = new AtomicInteger();
            for (Replica replica : list) {
                CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
                    try {
                        return replica.search(query);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
                call.whenComplete((value, failure) -> {
                    if (failure == null) {
                        first.complete(value);
                    } else if (failed.incrementAndGet() == list.size()) {
                        first.completeExceptionally(failure instanceof CompletionException c ? c.getCause() : failure);
                    }
                });
                all.add(call);
            }
            firsts.put(kind, first);
        });
        try {
            CompletableFuture.allOf(firsts.values().toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // the answers so far
        } catch (ExecutionException e) {
            throw new ExecutionException(e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause());
        } finally {
            all.forEach(f -> f.cancel(true)); // "true" is ignored: nothing is interrupted
        }
        Map<Kind, String> answers = new EnumMap<>(Kind.class);
        firsts.forEach((kind, f) -> {
            if (f.state() == java.util.concurrent.Future.State.SUCCESS) {
                answers.put(kind, f.resultNow());
            }
        });
        return Map.copyOf(answers);
    }
}
