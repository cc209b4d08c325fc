package katas.day08.solutions.accepted;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Consumer;
import katas.day08.Select;

/**
 * Platform forwarders handing tagged items over an unbuffered channel
 * (a SynchronousQueue): each forwarder waits until the caller has taken its
 * item, as a Go goroutine sending on an unbuffered channel does.
 */
public final class UnbufferedMerge implements Select {

    private sealed interface Tagged permits First, Second {}

    private record First(Object item) implements Tagged {}

    private record Second(Object item) implements Tagged {}

    @Override
    @SuppressWarnings("unchecked")
    public <A, B> void merge(BlockingQueue<A> a, int countA, Consumer<A> onA,
                             BlockingQueue<B> b, int countB, Consumer<B> onB) throws InterruptedException {
        SynchronousQueue<Tagged> merged = new SynchronousQueue<>(true);
        Thread fa = forward("forward-a", () -> {
            for (int i = 0; i < countA; i++) {
                merged.put(new First(a.take()));
            }
        });
        Thread fb = forward("forward-b", () -> {
            for (int i = 0; i < countB; i++) {
                merged.put(new Second(b.take()));
            }
        });
        try {
            for (int left = countA + countB; left > 0; left--) {
                switch (merged.take()) {
                    case First f -> onA.accept((A) f.item());
                    case Second s -> onB.accept((B) s.item());
                }
            }
            fa.join();
            fb.join();
        } finally {
            fa.interrupt(); // no-ops once they have ended
            fb.interrupt();
        }
    }

    private interface Loop {
        void run() throws InterruptedException;
    }

    private static Thread forward(String name, Loop loop) {
        Thread t = new Thread(() -> {
            try {
                loop.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.start();
        return t;
    }
}
