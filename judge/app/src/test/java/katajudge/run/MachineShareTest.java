package katajudge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import katajudge.protocol.Event;
import org.junit.jupiter.api.Test;

/** Judgings side by side, each timing its speedup alone: no fork, only the slots and the child's go. */
class MachineShareTest {

    /** Each waiter on a thread of its own (the common pool may have one thread on a 2-core machine). */
    private static final java.util.concurrent.Executor THREADS = r -> Thread.ofVirtual().start(r);

    /** Long enough to see that something waits; the checks never depend on how fast this machine is. */
    private static final long WAIT_MS = 300;

    @Test
    void aJudgingTakesTheWholeMachineOnlyOnceTheOthersHaveEnded() throws Exception {
        MachineShare machine = MachineShare.of(3);
        MachineShare.Use measuring = machine.share();
        MachineShare.Use other = machine.share();
        CompletableFuture<Void> whole = CompletableFuture.runAsync(() -> {
            try {
                measuring.takeWhole();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, THREADS);
        assertStillWaiting(whole);
        // A judging that arrives now waits behind the one that wants the whole machine.
        CompletableFuture<MachineShare.Use> late = CompletableFuture.supplyAsync(() -> {
            try {
                return machine.share();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, THREADS);
        assertStillWaiting(late);
        other.close();
        whole.get(10, TimeUnit.SECONDS);
        assertStillWaiting(late);
        measuring.shareAgain(); // the measurement is over: the others may start again
        late.get(10, TimeUnit.SECONDS).close();
        measuring.close();
        assertEquals(3, machine.freeSlots());
    }

    @Test
    void twoJudgingsAskingAtOnceTakeTurnsInsteadOfWaitingForEachOther() throws Exception {
        MachineShare machine = MachineShare.of(2);
        MachineShare.Use a = machine.share();
        MachineShare.Use b = machine.share();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> take(a), THREADS);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> take(b), THREADS);
        CompletableFuture.anyOf(first, second).get(10, TimeUnit.SECONDS);
        MachineShare.Use done = first.isDone() ? a : b;
        CompletableFuture<Void> waiting = first.isDone() ? second : first;
        assertStillWaiting(waiting);
        done.close();
        waiting.get(10, TimeUnit.SECONDS);
        (done == a ? b : a).close();
        assertEquals(2, machine.freeSlots());
    }

    @Test
    void aRetryRunsAloneAndItsOwnSpeedupNeedsNoMore() throws Exception {
        MachineShare machine = MachineShare.of(2);
        MachineShare.Use retry = machine.whole();
        assertEquals(0, machine.freeSlots());
        CompletableFuture.runAsync(() -> take(retry), THREADS).get(10, TimeUnit.SECONDS);
        retry.shareAgain();
        assertEquals(0, machine.freeSlots(), "a whole-machine judging keeps the machine to its end");
        retry.close();
        assertEquals(2, machine.freeSlots());
    }

    @Test
    void theChildGetsItsGoOnceTheMachineIsItsAndItsWaitIsNotItsTime() throws Exception {
        MachineShare machine = MachineShare.of(2);
        MachineShare.Use judging = machine.share();
        MachineShare.Use other = machine.share();
        ByteArrayOutputStream toChild = new ByteArrayOutputStream();
        try (SpeedupGate gate = new SpeedupGate(judging, toChild)) {
            gate.onEvent(new Event.SpeedupStarting(3));
            Thread.sleep(WAIT_MS);
            assertTrue(gate.waiting());
            assertEquals("", toChild.toString(StandardCharsets.US_ASCII), "no go while another judging runs");
            assertEquals(Long.MAX_VALUE, gate.millisSinceGo());
            other.close();
            awaitGo(gate);
            assertEquals("go\n", toChild.toString(StandardCharsets.US_ASCII));
            assertTrue(gate.waitedNanos() >= TimeUnit.MILLISECONDS.toNanos(WAIT_MS), "waited " + gate.waitedNanos());
            assertEquals(0, machine.freeSlots());
            gate.onEvent(new Event.SpeedupMeasured(List.of(1L), List.of(1L), null, null, false));
            assertEquals(1, machine.freeSlots(), "measured: the machine is shared again");
        }
        judging.close();
        assertEquals(2, machine.freeSlots());
    }

    @Test
    void aChildThatEndsWhileWaitingLeavesNothingTaken() throws Exception {
        MachineShare machine = MachineShare.of(2);
        MachineShare.Use judging = machine.share();
        MachineShare.Use other = machine.share();
        SpeedupGate gate = new SpeedupGate(judging, new ByteArrayOutputStream());
        gate.onEvent(new Event.SpeedupStarting(3));
        Thread.sleep(50);
        gate.close();
        judging.close();
        other.close();
        assertEquals(2, machine.freeSlots());
    }

    @Test
    void withoutASharedMachineTheGoIsImmediate() throws Exception {
        ByteArrayOutputStream toChild = new ByteArrayOutputStream();
        try (SpeedupGate gate = new SpeedupGate(null, toChild)) {
            gate.onEvent(new Event.SpeedupStarting(3));
            awaitGo(gate);
            assertEquals("go\n", toChild.toString(StandardCharsets.US_ASCII));
        }
    }

    private static void awaitGo(SpeedupGate gate) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate.waiting() && System.nanoTime() < until) {
            Thread.sleep(2);
        }
        assertFalse(gate.waiting(), "no go within 10 s");
    }

    private static void take(MachineShare.Use use) {
        try {
            use.takeWhole();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertStillWaiting(CompletableFuture<?> f) throws Exception {
        try {
            f.get(WAIT_MS, TimeUnit.MILLISECONDS);
            throw new AssertionError("should still wait");
        } catch (TimeoutException expected) {
            // still waiting, as it should
        }
    }
}
