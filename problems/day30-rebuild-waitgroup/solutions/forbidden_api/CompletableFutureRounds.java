package katas.day30.solutions.forbidden_api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import katas.day30.WaitGroup;

/**
 * Correct, and no latch, lock or monitor in sight: each round's gate is a
 * CompletableFuture completed when the count reaches zero. But the kata
 * allows queues, atomics and Thread only, and CompletableFuture is none of
 * them: FORBIDDEN_API (a deny-list of latches and locks let it through).
 */
public final class CompletableFutureRounds implements WaitGroup {

    private record State(int count, CompletableFuture<Void> gate) {}

    private final AtomicReference<State> state = new AtomicReference<>(new State(0, null));

    @Override
    public void add(int delta) {
        while (true) {
            State s = state.get();
            int count = s.count() + delta;
            if (count < 0) {
                throw new IllegalStateException("negative WaitGroup counter: " + s.count() + " + " + delta);
            }
            CompletableFuture<Void> gate = count == 0 ? null
                    : s.count() == 0 ? new CompletableFuture<>() : s.gate();
            if (state.compareAndSet(s, new State(count, gate))) {
                if (count == 0 && s.count() > 0) {
                    s.gate().complete(null);
                }
                return;
            }
        }
    }

    @Override
    public void done() {
        add(-1);
    }

    @Override
    public void await() throws InterruptedException {
        State s = state.get();
        if (s.count() == 0) {
            return;
        }
        try {
            s.gate().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
