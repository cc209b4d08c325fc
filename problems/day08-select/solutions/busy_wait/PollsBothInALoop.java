package katas.day08.solutions.busy_wait;

import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import katas.day08.Select;

/** Fair and fast, but it asks both sources with poll() over and over: a spinning CPU while both are empty. */
public final class PollsBothInALoop implements Select {
    @Override
    public <A, B> void merge(BlockingQueue<A> a, int countA, Consumer<A> onA,
                             BlockingQueue<B> b, int countB, Consumer<B> onB) {
        int leftA = countA;
        int leftB = countB;
        while (leftA > 0 || leftB > 0) {
            A x = leftA > 0 ? a.poll() : null;
            if (x != null) {
                onA.accept(x);
                leftA--;
            }
            B y = leftB > 0 ? b.poll() : null;
            if (y != null) {
                onB.accept(y);
                leftB--;
            }
        }
    }
}
