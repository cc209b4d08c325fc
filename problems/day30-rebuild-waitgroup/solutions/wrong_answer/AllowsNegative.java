package katas.day30.solutions.wrong_answer;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import katas.day30.WaitGroup;

/**
 * Never checks the sign: done() without add(), or one done() too many, drives
 * the counter below zero silently (Go panics: "sync: negative WaitGroup
 * counter"), and the group is broken from then on.
 */
public final class AllowsNegative implements WaitGroup {

    private static final Object OPEN = new Object();

    /** gate is null exactly when count is 0. */
    private record State(int count, LinkedBlockingQueue<Object> gate) {}

    private final AtomicReference<State> state = new AtomicReference<>(new State(0, null));

    @Override
    public void add(int delta) {
        while (true) {
            State s = state.get();
            int count = s.count() + delta;
            LinkedBlockingQueue<Object> gate = count <= 0 ? null
                    : s.count() == 0 ? new LinkedBlockingQueue<>() : s.gate();
            if (state.compareAndSet(s, new State(count, gate))) {
                if (count <= 0 && s.count() > 0) {
                    s.gate().add(OPEN); // the round is over: open its gate
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
        if (s.count() <= 0) {
            return;
        }
        Object token = s.gate().take();
        s.gate().add(token); // pass it on to the next waiter of this round
    }
}
