package katajudge.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import katajudge.protocol.ChildConfig;
import katajudge.protocol.Event;
import katajudge.protocol.Policy;
import katajudge.runtime.ThreadRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The child starts its flight recording on a thread of its own and the first
 * test waits for it ({@link Recorder#awaitStarted()}). That wait must come
 * before the test's phase opens: inside it, the watchdog saw the test thread
 * waiting without a timeout on a judge's thread outside its scope, and when
 * the start took seconds (a loaded machine) it judged the learner's first
 * test DEADLOCK. In-process, no JFR: a slow start stands in for JFR's, and the
 * watchdog, not started, is ticked by hand while the test thread waits.
 */
class RecordingStartTest {

    private static final ChildConfig CONFIG = new ChildConfig("Api", "Impl", "l.jar", List.of(), List.of("T"), null,
            null, 0, 5_000, 1_000, Policy.DEFAULT, Policy.DEFAULT.busyWaitShare(), 256, 1024, true, null, null,
            List.of(), 0, 1.0);
    /** Long past the deadlock window (the watchdog is never late here: its ticks are the test's). */
    private static final long WATCH_MS = 3 * CONFIG.deadlockWindowMs();

    private final List<Event> findings = Collections.synchronizedList(new ArrayList<>());
    private final Watchdog watchdog = Watchdog.forKata(new FindingSink() {
        @Override
        public void report(Event event) {
            findings.add(event);
        }

        @Override
        public void abort(Event event) {
            findings.add(event);
        }

        @Override
        public void fault(String message) {
            findings.add(new Event.Fault(message));
        }
    }, CONFIG);
    private final ChildRun run = new ChildRun(CONFIG, new OutputCapture(1024), watchdog);

    @AfterEach
    void closeThePhase() {
        Recorder.awaitStarted();
        watchdog.leave();
        ThreadRegistry.endRegion();
    }

    @Test
    void aSlowRecordingStartIsWaitedForBeforeTheFirstTestsPhaseOpens() {
        Thread test = Thread.currentThread();
        AtomicBoolean sawTheWait = new AtomicBoolean();
        Recorder.startInBackground(() -> {
            // The start ends only after the watchdog looked, for longer than its window, at a test thread
            // waiting for it.
            sawTheWait.set(waitsForTheRecording(test));
            watch();
        });
        run.beginPhase("first test");
        assertTrue(sawTheWait.get(), "the test thread never waited for the recording's start");
        assertEquals(List.of(), findings, "the watchdog judged the wait for the recording's start");
    }

    /** The harness above does see such a wait when it is inside a phase: what the child did before the fix. */
    @Test
    void theSameWaitInsideThePhaseIsJudgedDeadlock() throws InterruptedException {
        run.beginPhase("first test"); // no recording: the phase opens at once
        Thread recorder = new Thread(this::watch, "judge-recording-start");
        recorder.start();
        recorder.join();
        assertEquals(1, findings.size(), findings.toString());
        Event.Deadlock deadlock = assertInstanceOf(Event.Deadlock.class, findings.getFirst());
        assertTrue(deadlock.summary().contains("1 thread waits forever"), deadlock.summary());
    }

    /** Ticks the watchdog as its thread would, for {@link #WATCH_MS}, or until it finds something. */
    private void watch() {
        long end = System.nanoTime() + WATCH_MS * 1_000_000;
        while (System.nanoTime() < end && findings.isEmpty()) {
            watchdog.tick();
            Watchdog.sleepUntil(System.nanoTime() + CONFIG.policy().watchdogTickMs() * 1_000_000);
        }
    }

    /** Waits (10 s at most) until {@code thread} waits in {@link Recorder#awaitStarted()}; false if it never did. */
    private static boolean waitsForTheRecording(Thread thread) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            if (thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
                    .anyMatch(f -> f.getClassName().equals(Recorder.class.getName())
                            && f.getMethodName().equals("awaitStarted"))) {
                return true;
            }
            Watchdog.sleepUntil(System.nanoTime() + 1_000_000);
        }
        return false;
    }
}
