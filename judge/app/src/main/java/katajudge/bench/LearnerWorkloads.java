package katajudge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The agent-overhead workloads, as a learner would write them. {@link AgentWorkloads}
 * loads this class through a class loader of its own and declares that loader
 * the learner's, so every thread start and park here takes the agent's full
 * learner path (records, creation stacks). Uses nothing but the JDK.
 */
public final class LearnerWorkloads {

    private LearnerWorkloads() {}

    /**
     * Runs one workload; returns how many times the calling thread parked
     * (the agent must have seen at least that many waits end on it).
     */
    public static long run(String which, int rounds) throws InterruptedException {
        return switch (which) {
            case "virtual-park" -> virtualThreadsParkingOnce(rounds);
            case "park-unpark" -> parkUnparkRoundTrips(rounds);
            case "platform-start" -> platformThreads(rounds);
            default -> throw new IllegalArgumentException("unknown workload " + which);
        };
    }

    /** {@code n} virtual threads, each parks once and is unparked by the calling thread. */
    static long virtualThreadsParkingOnce(int n) throws InterruptedException {
        CountDownLatch parked = new CountDownLatch(n);
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                parked.countDown();
                LockSupport.park();
            }));
        }
        parked.await();
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return 0;
    }

    /** Two platform threads hand a turn back and forth with park/unpark, {@code n} round trips. */
    static long parkUnparkRoundTrips(int n) throws InterruptedException {
        Thread main = Thread.currentThread();
        AtomicInteger turn = new AtomicInteger();
        Thread other = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                while (turn.get() % 2 == 0) {
                    LockSupport.park();
                }
                turn.incrementAndGet();
                LockSupport.unpark(main);
            }
        });
        other.start();
        long parks = 0;
        for (int i = 0; i < n; i++) {
            turn.incrementAndGet();
            LockSupport.unpark(other);
            while (turn.get() % 2 == 1) {
                LockSupport.park();
                parks++;
            }
        }
        other.join();
        return parks;
    }

    /** {@code n} platform threads started and joined one at a time. */
    static long platformThreads(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> { });
            t.start();
            t.join();
        }
        return 0;
    }
}
