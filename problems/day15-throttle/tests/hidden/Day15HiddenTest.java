package katas.day15.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import katas.day15.Throttle;
import katas.support.Katas;
import katas.support.Probe;
import katas.support.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of day 15. The Go kata allows one request per second; the
 * judge scales the rate up (4 to 50 per second) so each test lasts at most
 * about a second and a half. Every call is recorded with its start time, and the gaps
 * between starts are checked against the interval, with half an interval of
 * room for measuring (a burst or no throttling gives gaps near zero).
 * Lower bounds come from the rate and stay; upper bounds (how much longer
 * than the rate needs a run may take) stretch with the judge's factor
 * ({@link Tolerance}), kept below what a wrong throttle takes.
 */
class Day15HiddenTest {

    /** The calls of one throttled run, ordered by start, and how long the run took. */
    private record Run(List<Probe.Call> calls, long elapsedNanos) {
        long elapsedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
        }
    }

    /** Throttles requests 0..n-1 at {@code perSecond}; each call holds the probe for {@code callMillis}. */
    private static Run run(int n, int perSecond, long callMillis) throws Exception {
        Probe probe = new Probe();
        List<Integer> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(i);
        }
        Consumer<Integer> call = callMillis > 0
                ? request -> probe.hold(request, Duration.ofMillis(callMillis))
                : request -> probe.exit(request, probe.enter());
        Throttle throttle = Katas.load(Throttle.class);
        long start = System.nanoTime();
        throttle.throttle(requests, perSecond, call);
        long elapsed = System.nanoTime() - start;
        List<Probe.Call> calls = new ArrayList<>(probe.calls());
        calls.sort(Comparator.comparingLong(Probe.Call::startNanos));
        return new Run(calls, elapsed);
    }

    private static long intervalNanos(int perSecond) {
        return TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /**
     * The minimum gap, measured with room for the caller being descheduled
     * between the solution's clock reading and the call (tens of ms on a
     * loaded machine, hence a slow rate here): successive starts at least
     * half an interval apart (a burst or no throttling gives gaps near zero),
     * and any k successive gaps together at least k intervals less half of
     * one (running ahead of the rate).
     */
    private static void assertRateKept(Run run, int perSecond) {
        List<Probe.Call> calls = run.calls();
        long interval = intervalNanos(perSecond);
        for (int i = 0; i + 1 < calls.size(); i++) {
            long gap = calls.get(i + 1).startNanos() - calls.get(i).startNanos();
            if (gap < interval / 2) {
                fail("calls " + i + " and " + (i + 1) + " started " + millis(gap) + " ms apart; at " + perSecond
                        + " per second they must be at least " + millis(interval) + " ms apart"
                        + (i == 0 ? " (a burst at the start is not allowed)" : ""));
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            for (int j = i + 2; j < calls.size(); j++) {
                long span = calls.get(j).startNanos() - calls.get(i).startNanos();
                if (span < (j - i) * interval - interval / 2) {
                    fail((j - i + 1) + " calls (" + i + " to " + j + ") started within " + millis(span)
                            + " ms: faster than " + perSecond + " per second, which needs "
                            + millis((j - i) * interval) + " ms");
                }
            }
        }
    }

    @Test
    void callsEachRequestOnceInOrder() throws Exception {
        Run run = run(10, 50, 0);
        assertEquals(10, run.calls().size(), "10 requests, 10 calls");
        for (int i = 0; i < 10; i++) {
            assertEquals(i, run.calls().get(i).label(), "call " + i + " (by start time) sent the wrong request");
        }
    }

    @Test
    void followsTheRateItIsGiven() throws Exception {
        // 10 instant calls at 25 per second: 9 gaps of 40 ms, about 360 ms (with 100 ms of slack either way,
        // so a fixed interval, or none, shows).
        Run run = run(10, 25, 0);
        assertEquals(10, run.calls().size(), "10 requests, 10 calls");
        long span = millis(run.calls().getLast().startNanos() - run.calls().getFirst().startNanos());
        assertTrue(span >= 260, "10 calls at 25 per second started within " + span + " ms; the rate spaces them "
                + "over 360 ms");
        assertTrue(run.elapsedMillis() <= 360 + Tolerance.ms(400), "10 calls at 25 per second need about 360 ms; they took "
                + run.elapsedMillis() + " ms: use the rate you are given");
    }

    @Test
    void keepsTheGapBetweenCalls() throws Exception {
        // 8 instant calls at 5 per second: 7 gaps of 200 ms, 1.4 s of waiting, which must be asleep.
        Run run = run(8, 5, 0);
        assertEquals(8, run.calls().size(), "8 requests, 8 calls");
        assertRateKept(run, 5);
        assertTrue(run.elapsedMillis() <= 1400 + Tolerance.ms(1600), "8 calls at 5 per second need about 1400 ms; they took "
                + run.elapsedMillis() + " ms: keep up with the rate, do not wait more than needed");
    }

    @Test
    void keepsUpWhenCallsTakeTime() throws Exception {
        // Each call takes 180 ms of its 200 ms slot: about 4 x 200 + 180 = 980 ms in all.
        // Sleeping a whole interval after each call makes it 4 x 380 + 180 = 1700 ms.
        Run run = run(5, 5, 180);
        assertEquals(5, run.calls().size(), "5 requests, 5 calls");
        List<Probe.Call> calls = run.calls();
        for (int i = 0; i + 1 < calls.size(); i++) {
            assertTrue(calls.get(i + 1).startNanos() >= calls.get(i).endNanos(),
                    "call " + (i + 1) + " started before call " + i + " returned: one call at a time");
        }
        long span = millis(calls.getLast().startNanos() - calls.getFirst().startNanos());
        assertTrue(span >= 700, "5 calls at 5 per second started within " + span + " ms; the rate spaces them "
                + "over 800 ms");
        // Below the 1700 ms of sleeping a whole interval after each call, at any factor.
        assertTrue(run.elapsedMillis() <= Math.min(980 + Tolerance.ms(420), 1650), "5 calls of 180 ms at 5 per second need about 980 ms; they took "
                + run.elapsedMillis() + " ms: the gap is measured from start to start, the call's own time "
                + "is part of it");
    }

    @Test
    void noRequestsNoCalls() throws Exception {
        Run run = run(0, 20, 0);
        assertEquals(0, run.calls().size());
        assertTrue(run.elapsedMillis() < Tolerance.ms(500), "nothing to send, yet it took " + run.elapsedMillis() + " ms");
    }

    @Test
    void oneRequestIsNotHeldBack() throws Exception {
        // At 4 per second the interval is 250 ms: one request needs at most one interval.
        Run run = run(1, 4, 0);
        assertEquals(1, run.calls().size());
        assertTrue(run.elapsedMillis() < Tolerance.ms(500), "one request at 4 per second took " + run.elapsedMillis() + " ms");
    }
}
