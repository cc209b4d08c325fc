package katas.day08.solutions.accepted;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import katas.day08.Select;

/**
 * One forwarding virtual thread per source moves exactly its count of items
 * into a single queue of tagged messages; the caller takes from that one
 * queue and switches on the message type.
 */
public final class Reference implements Select {

    /** What travels on the merged queue: an item and the source it came from. */
    private sealed interface Message<A, B> {}

    private record FromA<A, B>(A item) implements Message<A, B> {}

    private record FromB<A, B>(B item) implements Message<A, B> {}

    @Override
    public <A, B> void merge(BlockingQueue<A> a, int countA, Consumer<A> onA,
                             BlockingQueue<B> b, int countB, Consumer<B> onB) throws InterruptedException {
        BlockingQueue<Message<A, B>> merged = new LinkedBlockingQueue<>();
        try (ExecutorService forwarders = Executors.newVirtualThreadPerTaskExecutor()) {
            forwarders.submit(() -> {
                for (int i = 0; i < countA; i++) {
                    merged.put(new FromA<>(a.take()));
                }
                return null;
            });
            forwarders.submit(() -> {
                for (int i = 0; i < countB; i++) {
                    merged.put(new FromB<>(b.take()));
                }
                return null;
            });
            try {
                for (int left = countA + countB; left > 0; left--) {
                    switch (merged.take()) {
                        case FromA<A, B>(A item) -> onA.accept(item);
                        case FromB<A, B>(B item) -> onB.accept(item);
                    }
                }
            } catch (InterruptedException | RuntimeException e) {
                forwarders.shutdownNow(); // else close() waits for forwarders still expecting items
                throw e;
            }
        } // the forwarders have taken their last item: close() returns at once
    }
}
