package katas.day08.solutions.wrong_answer;

import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import katas.day08.Select;

/**
 * Round robin with blocking takes: one from a, one from b, and so on. While
 * it waits on the slow source, the fast one piles up: a select is not a turn.
 */
public final class TakesInTurn implements Select {
    @Override
    public <A, B> void merge(BlockingQueue<A> a, int countA, Consumer<A> onA,
                             BlockingQueue<B> b, int countB, Consumer<B> onB) throws InterruptedException {
        int leftA = countA;
        int leftB = countB;
        while (leftA > 0 || leftB > 0) {
            if (leftA > 0) {
                onA.accept(a.take());
                leftA--;
            }
            if (leftB > 0) {
                onB.accept(b.take());
                leftB--;
            }
        }
    }
}
