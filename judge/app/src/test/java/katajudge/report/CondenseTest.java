package katajudge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import katajudge.protocol.TestStatus;
import katajudge.protocol.ThreadSnapshot;
import katajudge.score.Finding;
import katajudge.score.Judgement;
import katajudge.score.Verdict;
import org.junit.jupiter.api.Test;

/** One finding per cause, trimmed stacks and a bounded result, on results built by hand (no fork). */
class CondenseTest {

    /** A JUnit-deep creation stack with the learner's frame in the middle, as the agent records it. */
    private static List<String> creation(String learnerFrame) {
        List<String> frames = new ArrayList<>(List.of("java.lang.Thread.start(Thread.java:1)",
                "java.util.concurrent.ThreadPoolExecutor.addWorker(ThreadPoolExecutor.java:2)",
                "java.util.concurrent.ThreadPoolExecutor.execute(ThreadPoolExecutor.java:3)",
                "> " + learnerFrame));
        IntStream.range(0, 60).forEach(i -> frames.add("org.junit.platform.engine.Frame" + i + ".call(F.java:" + i + ")"));
        return frames;
    }

    private static List<String> parked(String learnerFrame) {
        List<String> frames = new ArrayList<>(List.of("jdk.internal.misc.Unsafe.park(Unsafe.java)",
                "java.util.concurrent.locks.LockSupport.park(LockSupport.java:369)",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionNode.block(AQS.java:520)",
                "java.util.concurrent.ForkJoinPool.unmanagedBlock(ForkJoinPool.java:4364)",
                "java.util.concurrent.ForkJoinPool.managedBlock(ForkJoinPool.java:4310)",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await(AQS.java:1752)",
                "java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)",
                "java.util.concurrent.ThreadPoolExecutor.getTask(ThreadPoolExecutor.java:1070)"));
        if (learnerFrame != null) {
            frames.add("> " + learnerFrame);
        }
        IntStream.range(0, 20).forEach(i -> frames.add("java.lang.Thread.run" + i + "(Thread.java)"));
        return frames;
    }

    private static ThreadSnapshot thread(int i, String createdAt) {
        return new ThreadSnapshot("pool-1-thread-" + i, i, false, "learner", "WAITING", "cond@1", 1000L, null,
                parked(null), creation(createdAt), "main", "Day01HiddenTest.t" + i);
    }

    private static Finding leak(String phase, String createdAt, int threads) {
        return new Finding(Verdict.THREAD_LEAK, threads + " threads still alive after " + phase,
                List.of("each with where it was created and where it is stuck now:"),
                IntStream.range(0, threads).mapToObj(i -> thread(i, createdAt)).toList());
    }

    private static Result result(List<Finding> findings, List<Judgement.TestOutcome> tests) {
        return new Result(Result.SCHEMA, "alice", 1, "day01", "Goroutines", "2026-01-01T00:00:00Z", "x.jar", "X",
                Verdict.THREAD_LEAK, "leaked", new Judgement.Score(85, 60, 60, 25, 25, 0, 15), tests, findings, null,
                null, new Result.Timing(1, 1, 0, 0, 1, 1.0, 0, 0), null, null);
    }

    @Test
    void theSameLeakInEightTestsAndRunsIsOneFindingThatSaysSo() {
        List<Finding> findings = IntStream.range(0, 8).mapToObj(i -> leak("test " + i, "Mine.runAll(Mine.java:17)", 16)).toList();
        Result r = Condense.of(result(findings, List.of()));
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertTrue(r.findings().getFirst().headline().endsWith("(also in 7 more tests/runs)"), r.findings().getFirst().headline());
    }

    @Test
    void leaksFromDifferentPlacesStayApartAndFindingsWithoutThreadsAreNeverMerged() {
        List<Finding> findings = List.of(leak("test 1", "Mine.a(Mine.java:1)", 2), leak("test 2", "Mine.b(Mine.java:2)", 2),
                Finding.of(Verdict.WRONG_ANSWER, "t1 failed: expected 3"), Finding.of(Verdict.WRONG_ANSWER, "t1 failed: expected 3"));
        assertEquals(4, Condense.of(result(findings, List.of())).findings().size());
    }

    @Test
    void stacksKeepTheLearnersFramesAndWhereTheThreadIsStuck() {
        Result r = Condense.of(result(List.of(leak("test", "Mine.runAll(Mine.java:17)", 1)), List.of()));
        ThreadSnapshot t = r.findings().getFirst().threads().getFirst();
        assertTrue(t.createdAt().contains("> Mine.runAll(Mine.java:17)"), t.createdAt().toString());
        assertTrue(t.createdAt().size() < 12, t.createdAt().toString());
        assertTrue(t.createdAt().getLast().matches("\\.\\.\\. \\d+ frames"), t.createdAt().toString());
        assertEquals("java.util.concurrent.LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)", t.stuckAt());
        assertEquals("Mine.runAll(Mine.java:17)", t.createdAtFrame());
        assertTrue(t.stack().contains("java.util.concurrent.ThreadPoolExecutor.getTask(ThreadPoolExecutor.java:1070)"),
                "the frame that tells an idle pool worker is kept: " + t.stack());
    }

    @Test
    void aHugeResultIsKeptUnderFiftyKilobytes() {
        // 117 leaked threads from 117 places (nothing alike), in 10 findings, and 10 tests that printed 16 KB each.
        List<Finding> findings = IntStream.range(0, 10).mapToObj(f -> new Finding(Verdict.THREAD_LEAK, "leak " + f,
                List.of("x".repeat(3000)), IntStream.range(0, 117).mapToObj(i -> thread(i, "Mine.m" + f + "_" + i + "(Mine.java:" + i + ")"))
                        .toList())).toList();
        List<Judgement.TestOutcome> tests = IntStream.range(0, 10).mapToObj(i -> new Judgement.TestOutcome("T.t" + i,
                TestStatus.FAILED, 10, 5000, "m".repeat(20_000), "java.lang.AssertionError", creation("Mine.x(Mine.java:1)"),
                "o".repeat(16 * 1024))).toList();
        Result big = result(findings, tests);
        assertTrue(Condense.jsonBytes(big) > 1_000_000, "the input is big: " + Condense.jsonBytes(big));
        Result r = Condense.of(big);
        assertTrue(Condense.jsonBytes(r) <= Condense.MAX_JSON_BYTES, "bytes: " + Condense.jsonBytes(r));
        assertEquals(10, r.findings().size());
        assertEquals(10, r.tests().size());
        assertEquals(Verdict.THREAD_LEAK, r.verdict());
    }

    @Test
    void aSmallResultIsLeftAsItWas() {
        Result small = result(List.of(Finding.of(Verdict.WRONG_ANSWER, "t failed")), List.of(
                new Judgement.TestOutcome("T.t", TestStatus.FAILED, 1, 5000, "expected 1", "java.lang.AssertionError",
                        List.of("> Mine.x(Mine.java:1)"), "")));
        assertEquals(small, Condense.of(small));
    }
}
