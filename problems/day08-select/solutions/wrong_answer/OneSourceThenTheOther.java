package katas.day08.solutions.wrong_answer;

import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import katas.day08.Select;

/** Drains the first source, then the second: every item of b waits until a is done (starvation). */
public final class OneSourceThenTheOther implements Select {
    @Override
    public <A, B> void merge(BlockingQueue<A> a, int countA, Consumer<A> onA,
                             BlockingQueue<B> b, int countB, Consumer<B> onB) throws InterruptedException {
        for (int i = 0; i < countA; i++) {
            onA.accept(a.take());
        }
        for (int i = 0; i < countB; i++) {
            onB.accept(b.take());
        }
    }
}
