package katas.day08.solutions.wrong_answer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import katas.day08.Select;

/**
 * Skips the merged queue: each forwarder calls its handler itself. Nothing
 * waits on the wrong source, but the handlers now run on two threads at
 * once, not on the caller: the single-threaded body of the select is gone.
 */
public final class HandlersOnForwarderThreads implements Select {
    @Override
    public <A, B> void merge(BlockingQueue<A> a, int countA, Consumer<A> onA,
                             BlockingQueue<B> b, int countB, Consumer<B> onB) throws InterruptedException {
        try (ExecutorService forwarders = Executors.newVirtualThreadPerTaskExecutor()) {
            forwarders.submit(() -> {
                for (int i = 0; i < countA; i++) {
                    onA.accept(a.take());
                }
                return null;
            });
            forwarders.submit(() -> {
                for (int i = 0; i < countB; i++) {
                    onB.accept(b.take());
                }
                return null;
            });
        }
    }
}
