package katajudge.runtime;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeded schedule perturbation: the one machinery with which {@code judge run
 * --explore} and the katas whose point is a race look for the interleavings
 * one natural run never shows.
 *
 * <p>The agent weaves a call to {@link #point()} into the learner's classes
 * only (see {@code katajudge.agent.LearnerWeaver}): before every field
 * read and write, {@code monitorenter}, call into {@code java.util.concurrent}
 * (atomics, locks, queues), {@code wait}/{@code notify}, {@code Thread.start}
 * and {@code join}, and after {@code Thread.start} and {@code monitorexit}.
 * Those are the synchronisation points where a different interleaving can
 * change the outcome. JDK code is never touched, so the JDK's own locks
 * stay fast and a program that is not explored runs unchanged.
 *
 * <p>At each point a thread may be held back for a moment: a yield, or a
 * park of a few dozen to a few hundred microseconds, long enough for the
 * other threads to run past it. This is the randomized-delay family of
 * schedule exploration (IBM's ConTest; Fray's random walk and PCT choose the
 * next thread instead, which needs full control of every thread). Like PCT,
 * each schedule first draws, from its seed, a slowness for every thread (by
 * the order in which threads reach their first point): most schedules make
 * one or two threads much slower than the others, which is what turns an
 * order violation, a lock-order deadlock or a lost wake-up from rare into
 * likely. Every draw comes from a {@link SplittableRandom} seeded by the
 * schedule's seed and the thread's index, so a seed replays the same
 * decisions; on real threads that makes the failing interleaving likely
 * again, not certain.
 *
 * <p>Off ({@link #begin} not called) a point costs one volatile read.
 */
public final class Schedule {

    /** Sleeps (not yields) a thread may take per schedule: bounds what exploring adds to a long run. */
    static final int SLEEP_BUDGET = 64;

    private static volatile boolean on;
    private static volatile ClassLoader target;
    private static volatile long seed;
    /** Bumped by every {@link #begin}: a thread's state from an earlier schedule is drawn afresh. */
    private static volatile int epoch;
    private static final AtomicLong STEPS = new AtomicLong();
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static volatile long failedAt = -1;

    private static final ThreadLocal<Walker> WALKERS = new ThreadLocal<>();

    private Schedule() {}

    /** One thread's part of a schedule: its own random stream, slowness and sleep budget. */
    private static final class Walker {
        final int epoch;
        final SplittableRandom random;
        /** Chance, per point, that this thread is held back. */
        final double holdBack;
        /** Longest sleep, in nanoseconds. */
        final long maxSleepNanos;
        int sleepsLeft = SLEEP_BUDGET;
        boolean inside;

        Walker(int epoch, long seed, int index) {
            this.epoch = epoch;
            this.random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
            // PCT-like: some threads much slower than others; the mix changes with every seed.
            double[] slowness = {0.05, 0.2, 0.5};
            this.holdBack = slowness[random.nextInt(slowness.length)];
            this.maxSleepNanos = random.nextBoolean() ? 200_000 : 1_000_000;
        }
    }

    // ------------------------------------------------------------------ control, for the runner

    /**
     * Starts a schedule: every point of the classes of {@code learner} is
     * perturbed from now on, by draws from {@code seed}.
     */
    public static void begin(long scheduleSeed, ClassLoader learner) {
        Callers.checkJudgeCaller();
        seed = scheduleSeed;
        target = learner;
        STEPS.set(0);
        THREADS.set(0);
        failedAt = -1;
        epoch++;
        on = true;
    }

    /** Stops perturbing; woven classes stay woven but their points cost one volatile read. */
    public static void end() {
        Callers.checkJudgeCaller();
        on = false;
    }

    /** Whether classes defined by {@code loader} should be woven with points (asked at class load). */
    public static boolean weaves(ClassLoader loader) {
        return loader != null && loader == target;
    }

    public static long seed() {
        return seed;
    }

    /** Points passed so far in this schedule, by all threads. */
    public static long steps() {
        return STEPS.get();
    }

    /** The step at which the first failure of this schedule was noted, or the current step if none was. */
    public static long failureStep() {
        long at = failedAt;
        return at >= 0 ? at : STEPS.get();
    }

    /** An uncaught exception or failed assertion: remembers the step, for the report. */
    public static void noteFailure() {
        if (on && failedAt < 0) {
            failedAt = STEPS.get();
        }
    }

    // ------------------------------------------------------------------ called by woven learner code

    /** A synchronisation point of the learner's code: maybe hold this thread back for a moment. */
    public static void point() {
        if (!on) {
            return;
        }
        Walker w = WALKERS.get();
        int e = epoch;
        if (w == null || w.epoch != e) {
            w = new Walker(e, seed, THREADS.getAndIncrement());
            WALKERS.set(w);
        }
        if (w.inside) {
            return; // a point reached from our own sleep (never expected, but never recursive)
        }
        STEPS.incrementAndGet();
        // Once its sleeps are spent, a thread is held back far less often: a long loop stays affordable.
        double chance = w.sleepsLeft > 0 ? w.holdBack : w.holdBack / 16;
        if (w.random.nextDouble() >= chance) {
            return;
        }
        w.inside = true;
        try {
            // A platform thread sleeps (never parks: a park would eat an unpark meant for the program's own
            // park); a virtual thread only yields, as its sleep parks.
            if (w.sleepsLeft > 0 && w.random.nextInt(4) != 0 && !Thread.currentThread().isVirtual()) {
                w.sleepsLeft--;
                Thread.sleep(Duration.ofNanos(20_000 + w.random.nextLong(w.maxSleepNanos)));
            } else {
                Thread.yield();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt(); // the interrupt stays the program's to see
        } finally {
            w.inside = false;
        }
    }
}
