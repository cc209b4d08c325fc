package katajudge.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import katajudge.protocol.Event;
import katajudge.protocol.TestStatus;
import katajudge.protocol.ThreadSnapshot;
import katajudge.run.Observation;
import katajudge.spec.ProblemSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scoring rules on hand-made observations: no child, no agent. Each row
 * is what a child reported and the verdict and points it must earn, by the
 * README's rules (correctness 60 x share passed; speedup 25 x how far from 1x
 * to the 4x target, only with every test passed; hygiene 15, lost in full for
 * a leak or an abort, in halves for surplus threads, busy waiting or a
 * refused call).
 */
class ScorerTest {

    static final ProblemSpec SPEC = spec("forbid");

    /** One scoring case: the child's events, how the run ended, and what it must score. */
    record Case(String name, ProblemSpec spec, List<Event> events, boolean killed, Verdict verdict,
                double correctness, double speedup, double hygiene) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("all passed at the target speedup", SPEC, run(passed(4), speedup(400, 100)), false,
                        Verdict.ACCEPTED, 60, 25, 15),
                new Case("all passed, half way to the target", SPEC, run(passed(4), speedup(250, 100)), false,
                        Verdict.SLOW, 60, 12.5, 15),
                new Case("one of four failed: speed not measured", SPEC,
                        run(tests(TestStatus.PASSED, TestStatus.PASSED, TestStatus.PASSED, TestStatus.FAILED),
                                Event.SpeedupMeasured.skipped("speed only counts once every hidden test passes")),
                        false, Verdict.WRONG_ANSWER, 45, 0, 15),
                new Case("the template still throws TODO", SPEC,
                        run(tests(TestStatus.NOT_IMPLEMENTED, TestStatus.NOT_IMPLEMENTED)), false,
                        Verdict.NOT_IMPLEMENTED, 0, 0, 0),
                new Case("an exception is a runtime error", SPEC,
                        run(tests(TestStatus.PASSED, TestStatus.ERROR)), false, Verdict.RUNTIME_ERROR, 30, 0, 15),
                new Case("out of memory is a memory limit", SPEC,
                        run(List.of(new Event.TestFinished("t1", "t1", TestStatus.ERROR, "heap",
                                "java.lang.OutOfMemoryError", List.of(), 5, "", 1))), false,
                        Verdict.MEMORY_LIMIT, 0, 0, 0),
                new Case("a deadlock stops the run: tests not run count as failed", SPEC,
                        run(List.of(new Event.Planned(List.of("t1", "t2")), test("t1", TestStatus.PASSED),
                                new Event.Deadlock("t2", "all threads are asleep", List.of(), List.of()))),
                        false, Verdict.DEADLOCK, 30, 0, 0),
                new Case("a forbidden leak takes all hygiene", SPEC,
                        run(passed(2), new Event.ThreadLeak("t1", List.of(thread("pool-1"))), speedup(400, 100)),
                        false, Verdict.THREAD_LEAK, 60, 25, 0),
                new Case("an allowed leak is reported, not judged", spec("allow"),
                        run(passed(2), new Event.ThreadLeak("t1", List.of(thread("pool-1"))), speedup(400, 100)),
                        false, Verdict.ACCEPTED, 60, 25, 15),
                new Case("busy waiting costs half the hygiene", SPEC,
                        run(passed(2), new Event.BusyWait("t1", 0.9, 500, thread("spinner")), speedup(400, 100)),
                        false, Verdict.BUSY_WAIT, 60, 25, 7.5),
                new Case("more threads than the kata needs", SPEC,
                        run(passed(2), speedup(400, 100), new Event.ThreadTotals(0, 41, 41, 0)),
                        false, Verdict.TOO_MANY_THREADS, 60, 25, 7.5),
                new Case("exactly at the kata's thread limit", SPEC,
                        run(passed(2), speedup(400, 100), new Event.ThreadTotals(0, 40, 40, 0)),
                        false, Verdict.ACCEPTED, 60, 25, 15),
                new Case("a refused exit costs half the hygiene", SPEC,
                        run(passed(2), new Event.Refused("exit", "System.exit(0)", "t1",
                                List.of("> learner.Solution.run(Solution.java:3)")), speedup(400, 100)),
                        false, Verdict.RUNTIME_ERROR, 60, 25, 7.5),
                new Case("two refusals take it all", SPEC,
                        run(passed(2), new Event.Refused("exit", "System.exit(0)", "t1", List.of()),
                                new Event.Refused("file", "a write", "t2", List.of()), speedup(400, 100)),
                        false, Verdict.RUNTIME_ERROR, 60, 25, 0),
                new Case("the workload's assertion is a wrong answer", SPEC,
                        run(passed(2), new Event.SpeedupMeasured(List.of(), List.of(), null,
                                "org.opentest4j.AssertionFailedError: lost a task", true)),
                        false, Verdict.WRONG_ANSWER, 60, 0, 15),
                new Case("the workload's exception is a runtime error", SPEC,
                        run(passed(2), new Event.SpeedupMeasured(List.of(), List.of(), null,
                                "java.lang.IllegalStateException: closed", false)),
                        false, Verdict.RUNTIME_ERROR, 60, 0, 15),
                new Case("killed at the run's limit", SPEC, run(passed(2)), true, Verdict.TIME_LIMIT, 60, 0, 0),
                new Case("a judge fault is never the learner's score", SPEC,
                        run(passed(2), new Event.Fault("the judge agent is not working"), speedup(400, 100)),
                        false, Verdict.JUDGE_ERROR, 0, 0, 0))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scoresByTheRules(Case c) {
        Judgement j = Scorer.score(c.spec(), observation(c.events(), c.killed()));
        assertEquals(c.verdict(), j.verdict(), j.findings().toString());
        assertEquals(c.correctness(), j.score().correctness(), "correctness");
        assertEquals(c.speedup(), j.score().speedup(), "speedup");
        assertEquals(c.hygiene(), j.score().hygiene(), "hygiene");
        assertEquals(Math.round((c.correctness() + c.speedup() + c.hygiene()) * 100) / 100.0, j.score().total());
    }

    @Test
    void theTestTheRunWasStoppedInIsMarkedAsSuchAndTheOnesAfterAsNotRun() {
        Judgement deadlock = Scorer.score(SPEC, observation(run(List.of(new Event.Planned(List.of("t1", "t2", "t3")),
                test("t1", TestStatus.PASSED), new Event.Deadlock("t2", "all threads are asleep", List.of(), List.of()))),
                false));
        assertEquals(List.of(TestStatus.PASSED, TestStatus.DEADLOCKED, TestStatus.NOT_RUN),
                deadlock.tests().stream().map(Judgement.TestOutcome::status).toList());
        Judgement timeout = Scorer.score(SPEC, observation(run(List.of(new Event.Planned(List.of("t1", "t2")),
                new Event.Timeout("t1", 5100, 5000, List.of()))), false));
        assertEquals(List.of(TestStatus.TIMED_OUT, TestStatus.NOT_RUN),
                timeout.tests().stream().map(Judgement.TestOutcome::status).toList());
        assertEquals(5100, timeout.tests().getFirst().millis());
    }

    @Test
    void aChildThatNeverStartedIsTheJudgesError() {
        Judgement j = Scorer.score(SPEC, new Observation(List.of(), 1, false, 10, "Error: agent", 60_000));
        assertEquals(Verdict.JUDGE_ERROR, j.verdict());
        assertEquals(0, j.score().total());
        assertTrue(j.findings().getFirst().details().contains("Error: agent"), j.findings().toString());
    }

    @Test
    void aPlainTestsJvmThatNeverStartedIsTheJudgesErrorNotTheLearners() {
        Observation main = new Observation(List.of(new Event.Started("25", 2, "learner.Solution"),
                test("t1", TestStatus.PASSED), new Event.Finished(false)), 0, false, 10, "", 60_000);
        Observation plain = new Observation(List.of(), 1, false, 10, "Error: could not find module", 60_000);
        Judgement j = Scorer.score(SPEC, main.merge(plain, List.of("katas.x.Lin")));
        assertEquals(Verdict.JUDGE_ERROR, j.verdict(), j.findings().toString());
        assertEquals(0, j.score().total());
    }

    @Test
    void aThreadTheSystemRefusedIsTooManyThreadsNotMemory() {
        Observation seen = new Observation(List.of(new Event.Started("25", 2, "learner.Solution"),
                new Event.Planned(List.of("t1", "t2")),
                new Event.TestFinished("t1", "t1", TestStatus.ERROR, "unable to create native thread: possibly out of "
                        + "memory or process/resource limits reached", "java.lang.OutOfMemoryError", List.of(), 1, "", 0),
                new Event.TestFinished("t2", "t2", TestStatus.ERROR, "Java heap space", "java.lang.OutOfMemoryError",
                        List.of(), 1, "", 0), new Event.Finished(false)), 0, false, 10, "", 60_000);
        List<Verdict> verdicts = Scorer.score(SPEC, seen).findings().stream().map(Finding::verdict).toList();
        assertTrue(verdicts.contains(Verdict.TOO_MANY_THREADS), verdicts::toString);
        assertTrue(verdicts.contains(Verdict.MEMORY_LIMIT), "a full heap is still memory: " + verdicts);
    }

    @Test
    void aBombOfTheJdksHelperThreadsSaysWhoseTheyAre() {
        List<Event> events = new ArrayList<>(List.of(new Event.Started("25", 2, "learner.Solution")));
        events.add(new Event.TooManyThreads("T.a", 401, 400, List.of(), 399));
        events.add(new Event.Finished(true));
        Finding f = Scorer.score(SPEC, new Observation(events, 0, false, 10, "", 60_000)).findings().getFirst();
        assertEquals(Verdict.TOO_MANY_THREADS, f.verdict());
        assertTrue(f.details().getFirst().startsWith("399 of them are threads the JDK started for your calls"),
                f.details().toString());
    }

    @Test
    void aPlainTestsJvmReportingOnATestItWasNotGivenIsTamperingNotAPass() {
        Observation main = new Observation(List.of(new Event.Started("25", 2, "learner.Solution"),
                new Event.Planned(List.of("t1")), test("t1", TestStatus.FAILED), new Event.Finished(false)),
                0, false, 10, "", 60_000);
        Observation plain = new Observation(List.of(new Event.Started("25", 2, "learner.Solution"),
                new Event.Planned(List.of("Lin.check", "t1")), test("Lin.check", TestStatus.PASSED),
                test("t1", TestStatus.PASSED), new Event.Finished(false)), 0, false, 10, "", 60_000);
        Judgement j = Scorer.score(SPEC, main.merge(plain, List.of("katas.x.Lin")));
        assertEquals(Verdict.RUNTIME_ERROR, j.verdict(), j.findings().toString());
        assertTrue(j.findings().getFirst().toString().contains("t1, which it was not given"), j.findings().toString());
    }

    @Test
    void aChildThatEndedWithoutFinishingIsARuntimeError() {
        List<Event> events = new ArrayList<>(List.of(new Event.Started("25", 2, "learner.Solution")));
        events.addAll(passed(2));
        Judgement j = Scorer.score(SPEC, new Observation(events, 137, false, 10, "", 60_000));
        assertEquals(Verdict.RUNTIME_ERROR, j.verdict());
        assertTrue(j.findings().getFirst().headline().contains("ended unexpectedly (exit code 137)"));
    }

    @Test
    void anOutOfMemoryExitIsAMemoryLimitUnlessTheRunWasAlreadyStopped() {
        String jvm = "Terminating due to java.lang.OutOfMemoryError: Java heap space\n";
        List<Event> events = new ArrayList<>(List.of(new Event.Started("25", 2, "learner.Solution")));
        assertEquals(Verdict.MEMORY_LIMIT, Scorer.score(SPEC, new Observation(events, 3, false, 10, jvm, 60_000)).verdict());
        events.add(new Event.TooManyThreads("T.a", 600, 400, List.of(), 0));
        assertEquals(Verdict.TOO_MANY_THREADS,
                Scorer.score(SPEC, new Observation(events, 3, false, 10, jvm, 60_000)).verdict(),
                "a thread bomb that fills the heap while the JVM halts is the bomb");
        assertEquals(Verdict.TOO_MANY_THREADS,
                Scorer.score(SPEC, new Observation(events, -1, true, 10, "", 60_000)).verdict(),
                "and one that takes past the run's limit to halt");
    }

    @Test
    void aChildTheKernelStoppedAtALimitGetsThatLimitsVerdictNotACrash() {
        List<Event> events = new ArrayList<>(List.of(new Event.Started("25", 2, "learner.Solution")));
        events.addAll(passed(2));
        List<Event> memory = new ArrayList<>(events);
        memory.add(new Event.KernelLimit(Event.KernelLimit.Kind.MEMORY, "832 MB"));
        Judgement m = Scorer.score(SPEC, new Observation(memory, 137, false, 10, "", 60_000));
        assertEquals(Verdict.MEMORY_LIMIT, m.verdict(), m.findings().toString());
        assertTrue(m.findings().getFirst().headline().contains("832 MB"), m.findings().toString());
        assertTrue(m.findings().stream().noneMatch(f -> f.verdict() == Verdict.RUNTIME_ERROR),
                "the kill is the limit's, not a crash: " + m.findings());

        // Refused a thread, the JVM ends on its own OutOfMemoryError: the limit is the tasks', not the heap's.
        List<Event> tasks = new ArrayList<>(events);
        tasks.add(new Event.KernelLimit(Event.KernelLimit.Kind.TASKS, "656 threads and processes"));
        String jvm = "Terminating due to java.lang.OutOfMemoryError: unable to create native thread\n";
        Judgement t = Scorer.score(SPEC, new Observation(tasks, 3, false, 10, jvm, 60_000));
        assertEquals(Verdict.TOO_MANY_THREADS, t.verdict(), t.findings().toString());
        assertTrue(t.findings().stream().noneMatch(f -> f.verdict() == Verdict.MEMORY_LIMIT), t.findings().toString());
    }

    @Test
    void aTamperedChannelIsARuntimeErrorNamingIt() {
        List<Event> events = new ArrayList<>(List.of(new Event.Started("25", 2, "learner.Solution")));
        events.addAll(passed(2));
        events.add(new Event.Finished(false));
        Judgement j = Scorer.score(SPEC, new Observation(events, 0, false, 10, "", 60_000,
                List.of("message 3 missing from the judge's result channel"), new katajudge.run.Sandbox(true, "t")));
        assertEquals(Verdict.RUNTIME_ERROR, j.verdict());
        assertTrue(j.findings().getFirst().headline().contains("tampered with: message 3 missing"), j.findings()::toString);
    }

    @Test
    void notMeasuredKeepsItsReasonInTheResult() {
        Judgement j = Scorer.score(SPEC, observation(run(tests(TestStatus.FAILED),
                Event.SpeedupMeasured.skipped("speed only counts once every hidden test passes")), false));
        assertEquals("not measured: speed only counts once every hidden test passes", j.speedup().error());
        assertTrue(j.findings().stream().allMatch(f -> f.verdict() == Verdict.WRONG_ANSWER), j.findings().toString());
    }

    @Test
    void findingsAreSortedMostSevereFirst() {
        Judgement j = Scorer.score(SPEC, observation(run(tests(TestStatus.FAILED),
                new Event.ThreadLeak("t1", List.of(thread("a"))), new Event.BusyWait("t1", 1, 500, thread("b"))),
                false));
        List<Verdict> order = j.findings().stream().map(Finding::verdict).toList();
        assertEquals(order.stream().sorted().toList(), order);
        assertEquals(Verdict.WRONG_ANSWER, j.verdict());
    }

    // ------------------------------------------------------------------ building observations

    static ProblemSpec spec(String leaks) {
        return new ProblemSpec(1, "t", "c", "katas.day01.Api", List.of("katas.day01.hidden.T"), null,
                new ProblemSpec.Limits(5000, 60000, 256, 1000), new ProblemSpec.Weights(60, 25, 15),
                new ProblemSpec.Speedup("katas.W", "katas.B", 3, 4.0, false),
                new ProblemSpec.Hygiene(40, leaks, true), null, null);
    }

    static List<Event> run(Object... parts) {
        List<Event> events = new ArrayList<>();
        events.add(new Event.Started("25", 2, "learner.Solution"));
        for (Object p : parts) {
            if (p instanceof Event e) {
                events.add(e);
            } else {
                for (Object e : (List<?>) p) {
                    events.add((Event) e);
                }
            }
        }
        return events;
    }

    static Observation observation(List<Event> events, boolean killed) {
        List<Event> all = new ArrayList<>(events);
        if (all.stream().noneMatch(e -> e instanceof Event.ThreadTotals)) {
            all.add(new Event.ThreadTotals(0, 10, 10, 0));
        }
        if (!killed) {
            all.add(new Event.Finished(false));
        }
        return new Observation(all, killed ? -1 : 0, killed, 1000, "", 60_000);
    }

    static List<Event> passed(int n) {
        return tests(Stream.generate(() -> TestStatus.PASSED).limit(n).toArray(TestStatus[]::new));
    }

    static List<Event> tests(TestStatus... statuses) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            out.add(test("t" + (i + 1), statuses[i]));
        }
        return out;
    }

    static Event test(String name, TestStatus status) {
        return new Event.TestFinished(name, name, status, status.passed() ? null : "expected 3 but was 2",
                status == TestStatus.ERROR ? "java.lang.IllegalStateException" : null, List.of(), 5, "", 1);
    }

    /** Interleaved runs: three of the baseline at {@code baseMs}, three of the submission at {@code subMs}. */
    static Event speedup(long baseMs, long subMs) {
        List<Long> base = List.of(baseMs * 1_000_000, baseMs * 1_000_000, baseMs * 1_000_000);
        List<Long> sub = List.of(subMs * 1_000_000, subMs * 1_000_000, subMs * 1_000_000);
        return new Event.SpeedupMeasured(base, sub, null, null, false);
    }

    static ThreadSnapshot thread(String name) {
        return new ThreadSnapshot(name, 1, false, "LEARNER", "WAITING", null, null, null,
                List.of("> learner.Solution.lambda$run$0(Solution.java:9)"), List.of(), "main", "t1");
    }
}
