package katas.day10.solutions.accepted;

import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;
import katas.day10.GracefulWorker;

/**
 * Interruption done right: the loop blocks in take() (no polling), and stop()
 * interrupts it only while it is waiting there, never while an item is being
 * handled. A lock makes "am I waiting?" and "interrupt now" one atomic step.
 */
public final class InterruptWhenIdle implements GracefulWorker {

    private final Object lock = new Object();
    private boolean stopping; // guarded by lock
    private boolean waiting;  // guarded by lock: the loop is inside take()
    private Thread loop;

    @Override
    public void start(BlockingQueue<Integer> inbox, IntConsumer handler) {
        loop = Thread.ofVirtual().name("graceful-worker").start(() -> run(inbox, handler));
    }

    private void run(BlockingQueue<Integer> inbox, IntConsumer handler) {
        while (true) {
            synchronized (lock) {
                if (stopping) {
                    return;
                }
                waiting = true;
            }
            Integer item;
            try {
                item = inbox.take();
            } catch (InterruptedException e) {
                return; // only stop() interrupts, and only while we wait: nothing was taken
            } finally {
                synchronized (lock) {
                    waiting = false;
                }
            }
            // stop() may have interrupted us just as take() returned: the item is ours, so
            // clear that stale interrupt, handle the item, and stop at the top of the loop.
            Thread.interrupted();
            handler.accept(item);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        synchronized (lock) {
            stopping = true;
            if (waiting) {
                loop.interrupt();
            }
        }
        loop.join();
    }
}
