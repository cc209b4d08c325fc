package katas.day25.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import katas.day25.Kind;
import katas.day25.Replica;
import katas.day25.SearchEngine;
import katas.support.Katas;
import katas.support.Probe;
import katas.support.Tolerance;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 25. The replicas are the test's: each answers, fails
 * or blocks after a set time, and records when it started, ended and whether
 * (and when) it was interrupted; a Probe counts the replicas in flight, so
 * "nothing is left running when search returns" is read directly. The
 * replicas' times and the search timeouts are the scenario; bounds on how
 * long a search may take stretch with the judge's factor ({@link Tolerance}),
 * each kept below the time a wrong search would take (the losers' answers),
 * so it fails at any factor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day25HiddenTest {

    static final Duration LONG = Duration.ofSeconds(3);

    @Test
    @Order(1)
    void theFastestReplicaOfEachKindWinsAndTheLosersAreStopped() throws Exception {
        Probe probe = new Probe();
        Fake web1 = Fake.answers("web-1", 80, probe);
        Fake image0 = Fake.answers("image-0", 80, probe);
        Fake video2 = Fake.answers("video-2", 80, probe);
        List<Fake> losers = List.of(Fake.answers("web-0", 2000, probe), Fake.answers("web-2", 2000, probe),
                Fake.answers("image-1", 2000, probe), Fake.answers("image-2", 2000, probe),
                Fake.answers("video-0", 2000, probe), Fake.answers("video-1", 2000, probe));
        Map<Kind, List<Replica>> replicas = Map.of(
                Kind.WEB, List.of(losers.get(0), web1, losers.get(1)),
                Kind.IMAGE, List.of(image0, losers.get(2), losers.get(3)),
                Kind.VIDEO, List.of(losers.get(4), losers.get(5), video2));
        Run run = Run.of(probe, replicas, LONG);
        run.assertNothingLeftRunning();
        assertEquals(Map.of(Kind.WEB, web1.answer(), Kind.IMAGE, image0.answer(), Kind.VIDEO, video2.answer()),
                run.answers(), "the first answer of each kind");
        assertTrue(run.ms() < Math.min(Tolerance.ms(1300), 2000), "the fastest replica of each kind answers after 80 ms and the others after "
                + "2000 ms; search took " + run.ms() + " ms: return when each kind has its first answer");
        for (Fake loser : losers) {
            loser.assertInterrupted("a losing replica");
        }
    }

    @Test
    @Order(2)
    void theLosersOfAKindAreStoppedAsSoonAsItIsAnswered() throws Exception {
        // WEB is answered after 50 ms; IMAGE and VIDEO after 1000 ms. WEB's losers must not run until then.
        Probe probe = new Probe();
        Fake web = Fake.answers("web-0", 50, probe);
        Fake webLoser1 = Fake.answers("web-1", 3000, probe);
        Fake webLoser2 = Fake.answers("web-2", 3000, probe);
        Map<Kind, List<Replica>> replicas = Map.of(
                Kind.WEB, List.of(web, webLoser1, webLoser2),
                Kind.IMAGE, List.of(Fake.answers("image-0", 1000, probe), Fake.answers("image-1", 3000, probe)),
                Kind.VIDEO, List.of(Fake.answers("video-0", 3000, probe), Fake.answers("video-1", 1000, probe)));
        Run run = Run.of(probe, replicas, LONG);
        run.assertNothingLeftRunning();
        assertEquals(Map.of(Kind.WEB, "web-0", Kind.IMAGE, "image-0", Kind.VIDEO, "video-1"), run.answers());
        for (Fake loser : List.of(webLoser1, webLoser2)) {
            loser.assertInterrupted("a losing WEB replica");
            long late = (loser.interruptedAt - web.endedAt) / 1_000_000;
            // A search that cancels only when it ends does so when the other kinds answer, ~950 ms after WEB.
            assertTrue(late < Math.min(Tolerance.ms(400), 900), loser.name + " was interrupted " + late + " ms after WEB had its answer: "
                    + "cancel a kind's losers as soon as its first answer arrives, not when the whole search ends");
        }
    }

    @Test
    @Order(3)
    void aFailingReplicaDoesNotFailTheSearch() throws Exception {
        Probe probe = new Probe();
        Map<Kind, List<Replica>> replicas = Map.of(
                Kind.WEB, List.of(Fake.fails("web-0", 20, probe), Fake.answers("web-1", 150, probe)),
                Kind.IMAGE, List.of(Fake.answers("image-0", 50, probe)),
                Kind.VIDEO, List.of(Fake.answers("video-0", 100, probe), Fake.fails("video-1", 10, probe)));
        Run run = Run.of(probe, replicas, LONG);
        run.assertNothingLeftRunning();
        assertEquals(Map.of(Kind.WEB, "web-1", Kind.IMAGE, "image-0", Kind.VIDEO, "video-0"), run.answers(),
                "a replica that fails drops out; the kind waits for another replica's answer");
    }

    @Test
    @Order(4)
    void aKindWhoseReplicasAllFailFailsTheSearchAtOnce() throws Exception {
        Probe probe = new Probe();
        List<Fake> slow = List.of(Fake.answers("image-0", 3000, probe), Fake.answers("video-0", 3000, probe));
        Map<Kind, List<Replica>> replicas = Map.of(
                Kind.WEB, List.of(Fake.fails("web-0", 30, probe), Fake.fails("web-1", 60, probe)),
                Kind.IMAGE, List.of(slow.get(0)),
                Kind.VIDEO, List.of(slow.get(1), Fake.answers("video-1", 40, probe)));
        long start = System.nanoTime();
        ExecutionException thrown = null;
        try {
            Katas.load(SearchEngine.class).search("golang", replicas, LONG);
        } catch (ExecutionException e) {
            thrown = e;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int inFlight = probe.inFlight();
        assertTrue(thrown != null, "every WEB replica failed: search must throw ExecutionException (the error "
                + "group fails), not return");
        assertTrue(thrown.getCause() instanceof ReplicaDown down && down.getMessage().startsWith("web-"),
                "the cause must be one of the WEB replicas' failures, got " + thrown.getCause());
        assertEquals(0, inFlight, "search threw while " + inFlight + " replicas were still running: "
                + "interrupt them and wait for them to end before you throw");
        assertTrue(ms < Math.min(Tolerance.ms(1300), 3000), "every WEB replica had failed after 60 ms, yet search took " + ms + " ms to throw: "
                + "fail at once, do not wait for the other kinds");
        for (Fake f : slow) {
            f.assertInterrupted("a replica of another kind, when the search failed");
        }
    }

    @Test
    @Order(5)
    void theTimeoutGivesTheAnswersSoFar() throws Exception {
        Probe probe = new Probe();
        CountDownLatch never = new CountDownLatch(1);
        List<Fake> late = List.of(Fake.blocks("image-0", never, probe), Fake.blocks("image-1", never, probe),
                Fake.answers("video-0", 20_000, probe), Fake.answers("video-1", 20_000, probe));
        Map<Kind, List<Replica>> replicas = Map.of(
                Kind.WEB, List.of(Fake.answers("web-0", 50, probe)),
                Kind.IMAGE, List.of(late.get(0), late.get(1)),
                Kind.VIDEO, List.of(late.get(2), late.get(3)));
        try {
            Run run = Run.of(probe, replicas, Duration.ofMillis(300));
            run.assertNothingLeftRunning();
            assertEquals(Map.of(Kind.WEB, "web-0"), run.answers(), "only WEB answered within the 300 ms timeout: "
                    + "the other kinds are absent");
            assertTrue(run.ms() >= 295 && run.ms() < 300 + Tolerance.ms(450), "with a 300 ms timeout search took " + run.ms()
                    + " ms: give up at the deadline, not before, and not much after");
            for (Fake f : late) {
                f.assertInterrupted("a replica still running at the deadline");
            }
        } finally {
            never.countDown();
        }
    }

    @Test
    @Order(6)
    void anInterruptedCallerStopsEverything() throws Exception {
        Probe probe = new Probe();
        List<Fake> all = new ArrayList<>();
        Map<Kind, List<Replica>> replicas = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            Fake a = Fake.answers(k + "-0", 3000, probe);
            Fake b = Fake.answers(k + "-1", 3000, probe);
            all.add(a);
            all.add(b);
            replicas.put(k, List.of(a, b));
        }
        Thread caller = Thread.currentThread();
        Thread interrupter = Thread.ofPlatform().daemon().name("test-interrupter").start(() -> {
            try {
                Thread.sleep(150);
                caller.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            Katas.load(SearchEngine.class).search("golang", replicas, LONG);
        } catch (Throwable e) {
            thrown = e;
        } finally {
            interrupter.join();
            Thread.interrupted();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int inFlight = probe.inFlight();
        assertTrue(thrown instanceof InterruptedException, "the caller was interrupted after 150 ms: search must "
                + "throw InterruptedException, it " + (thrown == null ? "returned" : "threw " + thrown));
        assertEquals(0, inFlight, "search threw while " + inFlight + " replicas were still running");
        assertTrue(ms < Math.min(Tolerance.ms(1300), 3000), "search took " + ms + " ms to notice an interrupt that came after 150 ms");
        for (Fake f : all) {
            f.assertInterrupted("a replica, when the caller was interrupted");
        }
    }

    @Test
    @Order(7)
    void waitsWithoutSpinning() throws Exception {
        // Every answer takes 1200 ms: the caller waits that long and must block meanwhile. The caller is a
        // virtual thread of the test, whose CPU use the judge reads from its state however busy the machine is.
        Probe probe = new Probe();
        Map<Kind, List<Replica>> replicas = Map.of(
                Kind.WEB, List.of(Fake.answers("web-0", 1200, probe)),
                Kind.IMAGE, List.of(Fake.answers("image-0", 1200, probe)),
                Kind.VIDEO, List.of(Fake.answers("video-0", 1200, probe)));
        Object[] outcome = new Object[1];
        Thread caller = Thread.ofVirtual().name("caller").start(() -> {
            try {
                outcome[0] = Run.of(probe, replicas, LONG);
            } catch (Throwable e) {
                outcome[0] = e;
            }
        });
        Duration within = Tolerance.of(Duration.ofSeconds(4));
        caller.join(within);
        if (outcome[0] instanceof Throwable e) {
            throw new AssertionError("search failed: " + e, e);
        }
        assertTrue(outcome[0] instanceof Run, "search had not returned after " + within.toMillis() + " ms");
        Run run = (Run) outcome[0];
        run.assertNothingLeftRunning();
        assertEquals(Map.of(Kind.WEB, "web-0", Kind.IMAGE, "image-0", Kind.VIDEO, "video-0"), run.answers());
        assertTrue(run.ms() >= 1195 && run.ms() < 1200 + Tolerance.ms(800), "every kind answers after 1200 ms; search took " + run.ms()
                + " ms");
    }

    // ------------------------------------------------------------------ helpers

    /** The failure of a fake replica that is down. */
    static final class ReplicaDown extends Exception {
        ReplicaDown(String name) {
            super(name + " is down");
        }
    }

    /** One search, run and measured: the answers, the time, and the replicas in flight right after it returned. */
    record Run(Map<Kind, String> answers, long ms, int inFlightAtReturn) {
        static Run of(Probe probe, Map<Kind, List<Replica>> replicas, Duration timeout) throws Exception {
            long start = System.nanoTime();
            Map<Kind, String> answers;
            try {
                answers = Katas.load(SearchEngine.class).search("golang", replicas, timeout);
            } catch (ExecutionException e) {
                throw new AssertionError("search threw " + e + " (cause " + e.getCause() + ") although every kind "
                        + "had a replica that answers: a failing replica must not fail the search", e);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new Run(answers, ms, probe.inFlight());
        }

        void assertNothingLeftRunning() {
            assertEquals(0, inFlightAtReturn, "search returned while " + inFlightAtReturn + " replicas were still "
                    + "running: interrupt every replica still running (the losers, the late) AND wait for them to "
                    + "end before returning (shutdownNow, then close the executor)");
        }
    }

    /** A replica of the test: answers, fails or blocks after a set time; records what happened to it. */
    static final class Fake implements Replica {
        final String name;
        private final long millis;
        private final boolean fails;
        private final CountDownLatch blocksOn;
        private final Probe probe;
        volatile boolean started;
        volatile boolean interrupted;
        volatile long interruptedAt;
        volatile long endedAt;

        private Fake(String name, long millis, boolean fails, CountDownLatch blocksOn, Probe probe) {
            this.name = name;
            this.millis = millis;
            this.fails = fails;
            this.blocksOn = blocksOn;
            this.probe = probe;
        }

        static Fake answers(String name, long millis, Probe probe) {
            return new Fake(name, millis, false, null, probe);
        }

        static Fake fails(String name, long millis, Probe probe) {
            return new Fake(name, millis, true, null, probe);
        }

        static Fake blocks(String name, CountDownLatch never, Probe probe) {
            return new Fake(name, 0, false, never, probe);
        }

        String answer() {
            return name;
        }

        @Override
        public String search(String query) throws Exception {
            long t = probe.enter();
            started = true;
            try {
                if (blocksOn != null) {
                    blocksOn.await();
                } else {
                    Thread.sleep(millis);
                }
                if (fails) {
                    throw new ReplicaDown(name);
                }
                return name;
            } catch (InterruptedException e) {
                interruptedAt = System.nanoTime();
                interrupted = true;
                throw e;
            } finally {
                endedAt = System.nanoTime();
                probe.exit(name, t);
            }
        }

        void assertInterrupted(String what) {
            assertTrue(started, what + " (" + name + ") was never started: query every replica at once");
            assertTrue(interrupted, what + " (" + name + ") was never interrupted: it went on working for nobody. "
                    + "Interrupt it (Future.cancel(true), shutdownNow()); CompletableFuture.cancel does NOT interrupt");
        }
    }
}
