package katajudge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The workloads of the agent-overhead benchmark, run in a JVM of their own
 * with or without the agent. With the agent they run inside a judged region
 * with this class loader declared as the learner's, so every thread start
 * and park takes the agent's full path (records, creation stacks), as a
 * learner's would.
 *
 * <p>Prints one line: the workload's name and its time in nanoseconds.
 */
public final class AgentWorkloads {

    private AgentWorkloads() {}

    public static void main(String[] args) throws Exception {
        String which = args[0];
        int rounds = Integer.parseInt(args[1]);
        enterRegionIfInstrumented();
        // One warm-up round, then the measured one.
        run(which, rounds / 10);
        long start = System.nanoTime();
        run(which, rounds);
        long nanos = System.nanoTime() - start;
        System.out.println(which + " " + nanos);
        System.out.flush();
        leaveRegionIfInstrumented();
        Runtime.getRuntime().halt(0);
    }

    private static void run(String which, int rounds) throws Exception {
        switch (which) {
            case "virtual-park" -> virtualThreadsParkingOnce(rounds);
            case "park-unpark" -> parkUnparkRoundTrips(rounds);
            case "platform-start" -> platformThreads(rounds);
            default -> throw new IllegalArgumentException(which);
        }
    }

    /** {@code n} virtual threads, each parks once and is unparked by the main thread. */
    static void virtualThreadsParkingOnce(int n) throws InterruptedException {
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
    }

    /** Two platform threads hand a turn back and forth with park/unpark, {@code n} round trips. */
    static void parkUnparkRoundTrips(int n) throws InterruptedException {
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
        for (int i = 0; i < n; i++) {
            turn.incrementAndGet();
            LockSupport.unpark(other);
            while (turn.get() % 2 == 1) {
                LockSupport.park();
            }
        }
        other.join();
    }

    /** {@code n} platform threads started and joined one at a time. */
    static void platformThreads(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> { });
            t.start();
            t.join();
        }
    }

    private static void leaveRegionIfInstrumented() {
        try {
            Class<?> registry = Class.forName("katajudge.runtime.ThreadRegistry", false, null);
            registry.getMethod("endRegion").invoke(null);
            registry.getMethod("setLearnerLoader", ClassLoader.class).invoke(null, (Object) null);
        } catch (ReflectiveOperationException e) {
            // no agent in this JVM
        }
    }

    private static void enterRegionIfInstrumented() {
        try {
            Class<?> registry = Class.forName("katajudge.runtime.ThreadRegistry", false, null);
            registry.getMethod("setLearnerLoader", ClassLoader.class).invoke(null, AgentWorkloads.class.getClassLoader());
            registry.getMethod("beginRegion", Thread.class, String.class).invoke(null, Thread.currentThread(), "bench");
        } catch (ReflectiveOperationException e) {
            // no agent in this JVM: the baseline run
        }
    }
}
