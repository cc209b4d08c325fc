package katas.day10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 10: run them in your IDE or with `make test-public DAY=10`. */
class Day10PublicTest {

    @Test
    void handlesItemsInOrderThenStops() throws Exception {
        BlockingQueue<Integer> inbox = new LinkedBlockingQueue<>(List.of(1, 2, 3));
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        GracefulWorker worker = Katas.load(GracefulWorker.class);
        worker.start(inbox, item -> {
            seen.add(item);
            three.countDown();
        });
        assertTrue(three.await(2, TimeUnit.SECONDS), "the worker should handle the 3 items in the inbox");
        worker.stop();
        assertEquals(List.of(1, 2, 3), seen);
    }

    @Test
    void stopLetsTheItemInFlightFinish() throws Exception {
        BlockingQueue<Integer> inbox = new LinkedBlockingQueue<>(List.of(1, 2));
        List<Integer> finished = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        GracefulWorker worker = Katas.load(GracefulWorker.class);
        worker.start(inbox, item -> {
            started.countDown();
            try {
                Thread.sleep(200);
                finished.add(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // interrupted: the item is not finished
            }
        });
        assertTrue(started.await(2, TimeUnit.SECONDS), "item 1 was never started");
        worker.stop();
        assertEquals(List.of(1), finished, "item 1 must finish before stop() returns; item 2 must not start");
        assertEquals(List.of(2), List.copyOf(inbox), "item 2 stays in the inbox");
    }

    @Test
    void stopsAnIdleWorkerQuickly() throws Exception {
        GracefulWorker worker = Katas.load(GracefulWorker.class);
        worker.start(new LinkedBlockingQueue<>(), item -> { });
        long start = System.nanoTime();
        worker.stop();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 300, "stop() on an idle worker took " + millis + " ms");
    }
}
