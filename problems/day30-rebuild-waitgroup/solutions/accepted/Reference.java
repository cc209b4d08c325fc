package katas.day30.solutions.accepted;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import katas.day30.WaitGroup;

/**
 * The counter and the current round's gate, swapped together atomically.
 * A round's gate is a queue that stays empty while the count is above zero;
 * the add that brings the count to zero puts one token in it. Each waiter
 * takes the token and puts it back for the next: every waiter of the round
 * gets through, like goroutines receiving from a closed channel.
 */
public final class Reference implements WaitGroup {

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
        Object token = s.gate().take();
        s.gate().add(token); // pass it on to the next waiter of this round
    }
}
