package katas.day08.solutions.thread_leak;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import katas.day08.Select;

/**
 * Forwarders that loop forever ("for v := range a" with no close): the
 * merge is right, but when it returns both forwarders stay parked on their
 * empty sources.
 */
public final class ForwardersNeverStopped implements Select {

    private record Tagged(boolean fromA, Object item) {}

    @Override
    @SuppressWarnings("unchecked")
    public <A, B> void merge(BlockingQueue<A> a, int countA, Consumer<A> onA,
                             BlockingQueue<B> b, int countB, Consumer<B> onB) throws InterruptedException {
        BlockingQueue<Tagged> merged = new LinkedBlockingQueue<>();
        Thread.ofVirtual().name("forward-a").start(() -> forwardForever(a, true, merged));
        Thread.ofVirtual().name("forward-b").start(() -> forwardForever(b, false, merged));
        for (int left = countA + countB; left > 0; left--) {
            Tagged t = merged.take();
            if (t.fromA()) {
                onA.accept((A) t.item());
            } else {
                onB.accept((B) t.item());
            }
        }
    }

    private static void forwardForever(BlockingQueue<?> source, boolean fromA, BlockingQueue<Tagged> merged) {
        try {
            while (true) {
                merged.put(new Tagged(fromA, source.take()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
