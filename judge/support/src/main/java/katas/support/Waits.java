package katas.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Behavioural checks for hidden tests: "this thread is blocked", "this
 * condition becomes true", measured rather than guessed with fixed sleeps.
 */
public final class Waits {

    private Waits() {}

    /** Polls {@code condition} until it holds or {@code limit} passes; returns whether it held. */
    public static boolean until(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = 1;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleepMillis(pause);
            pause = Math.min(pause * 2, 20);
        }
        return true;
    }

    /** Whether {@code t} is (or gets, within {@code limit}) parked or blocked without a timeout. */
    public static boolean isBlocked(Thread t, Duration limit) {
        return until(() -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.BLOCKED, limit);
    }

    /** Whether {@code t} stays blocked for the whole of {@code window}. */
    public static boolean staysBlocked(Thread t, Duration window) {
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            Thread.State s = t.getState();
            if (s != Thread.State.WAITING && s != Thread.State.BLOCKED) {
                return false;
            }
            sleepMillis(2);
        }
        return true;
    }

    /** Wall-clock time of {@code action}. */
    public static Duration time(ThrowingRunnable action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Runs {@code call} and returns its result with the time it took. */
    public static <T> Timed<T> timed(Callable<T> call) throws Exception {
        long start = System.nanoTime();
        T value = call.call();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    public record Timed<T>(T value, Duration elapsed) {}

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
