package katas.day30.solutions.deadlock;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import katas.day30.WaitGroup;

/**
 * Opens the gate with one token, and the waiter that takes it keeps it: a
 * Go channel receives a value once, and only a closed channel releases
 * every receiver. With several waiters, all but one wait forever.
 */
public final class ReleasesOneWaiter implements WaitGroup {

    private static final Object OPEN = new Object();

    /** gate is null exactly when count is 0. */
    private record State(int count, LinkedBlockingQueue<Object> gate) {}

    private final AtomicReference<State> state = new AtomicReference<>(new State(0, null));

    @Override
    public void add(int delta) {
        while (true) {
            State s = state.get();
            int count = s.count() + delta;
            if (count < 0) {
                throw new IllegalStateException("negative WaitGroup counter: " + s.count() + " + " + delta);
            }
            LinkedBlockingQueue<Object> gate = count == 0 ? null
                    : s.count() == 0 ? new LinkedBlockingQueue<>() : s.gate();
            if (state.compareAndSet(s, new State(count, gate))) {
                if (count == 0 && s.count() > 0) {
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
        if (s.count() == 0) {
            return;
        }
        s.gate().take(); // one token, one waiter
    }
}
