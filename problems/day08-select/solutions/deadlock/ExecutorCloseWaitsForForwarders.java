package katas.day08.solutions.deadlock;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import katas.day08.Select;

/**
 * Forwarders that loop forever, inside a try-with-resources executor:
 * every item is handled, then close() waits for tasks that never end, and
 * merge never returns.
 */
public final class ExecutorCloseWaitsForForwarders implements Select {

    private record Tagged(boolean fromA, Object item) {}

    @Override
    @SuppressWarnings("unchecked")
    public <A, B> void merge(BlockingQueue<A> a, int countA, Consumer<A> onA,
                             BlockingQueue<B> b, int countB, Consumer<B> onB) throws InterruptedException {
        BlockingQueue<Tagged> merged = new LinkedBlockingQueue<>();
        try (ExecutorService forwarders = Executors.newVirtualThreadPerTaskExecutor()) {
            forwarders.submit(() -> {
                while (true) {
                    merged.put(new Tagged(true, a.take()));
                }
            });
            forwarders.submit(() -> {
                while (true) {
                    merged.put(new Tagged(false, b.take()));
                }
            });
            for (int left = countA + countB; left > 0; left--) {
                Tagged t = merged.take();
                if (t.fromA()) {
                    onA.accept((A) t.item());
                } else {
                    onB.accept((B) t.item());
                }
            }
        } // close() = shutdown + wait: the forwarders are still in take()
    }
}
