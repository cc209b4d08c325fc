package katajudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What one test leaves behind for the next: the fixture's program is run by
 * two tests in turn ({@code FixtureTwiceTest}), on one class, so static state
 * (a pool never shut down) carries over. Each case is a real judging.
 */
@Execution(ExecutionMode.SAME_THREAD)
class AcrossTestsTest {

    private static final Path TWICE = Fixture.variant(spec -> spec.replace("katas.fixture.hidden.FixtureTest",
            "katas.fixture.hidden.FixtureTwiceTest"));

    // ------------------------------------------------------------------ leaked threads stay in view

    /** Day 1's shape: a static cached pool, leaked by the first test, runs the second test's task. */
    @Test
    void aLeakedPoolThatWorksAgainForALaterTestIsNotADeadlock() {
        Fixture.Outcome o = judgeTwice("StaticPool", """
                static final ExecutorService POOL = Executors.newCachedThreadPool();
                static final AtomicInteger RUNS = new AtomicInteger();
                public void run() throws Exception {
                    if (RUNS.getAndIncrement() == 0) POOL.submit(() -> {}).get();
                    else POOL.submit(() -> sleep(700)).get();
                }
                """);
        assertEquals("THREAD_LEAK", o.verdict(), o::toString);
        assertEquals(List.of("PASSED", "PASSED"), statuses(o), o::toString);
    }

    /** Day 15's shape: a static scheduler, leaked by the first test, runs the second test's delayed task. */
    @Test
    void aLeakedSchedulerThatWorksAgainForALaterTestIsNotADeadlock() {
        Fixture.Outcome o = judgeTwice("StaticScheduler", """
                static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(1);
                static final AtomicInteger RUNS = new AtomicInteger();
                public void run() throws Exception {
                    long delay = RUNS.getAndIncrement() == 0 ? 10 : 700;
                    TIMER.schedule(() -> {}, delay, TimeUnit.MILLISECONDS).get();
                }
                """);
        assertEquals("THREAD_LEAK", o.verdict(), o::toString);
        assertEquals(List.of("PASSED", "PASSED"), statuses(o), o::toString);
    }

    /** The other way: a leaked worker that only idles does not hide a later test's real deadlock. */
    @Test
    void aLeakedWorkerThatIdlesDoesNotHideADeadlock() {
        Fixture.Outcome o = judgeTwice("IdlePoolThenStuck", """
                static final ExecutorService POOL = Executors.newCachedThreadPool();
                static final AtomicInteger RUNS = new AtomicInteger();
                public void run() throws Exception {
                    POOL.submit(() -> {}).get();
                    if (RUNS.getAndIncrement() == 1) new CompletableFuture<Void>().get();
                }
                """);
        assertEquals("DEADLOCK", o.verdict(), o::toString);
        assertFalse(o.result().get("findings").toString().contains("TOO_MANY_THREADS"), o::toString);
    }

    // ------------------------------------------------------------------ one stopped test costs that test only

    @Test
    void aDeadlockCostsTheTestItHappensInAndTheNextTestsStillRun() throws Exception {
        Fixture.Outcome o = judgeTwice("DeadlocksFirst", """
                public void run() throws Exception {
                    if (inTest("first")) new CompletableFuture<Void>().get();
                }
                """);
        assertEquals("DEADLOCK", o.verdict(), o::toString);
        assertEquals(List.of("DEADLOCKED", "PASSED"), sorted(statuses(o)), o::toString);
        assertEquals(42.5, o.result().get("score").get("correctness").asDouble(), o::toString);
        assertSecondTestNamedUnrecorded("DeadlocksFirst");
    }

    @Test
    void aTimeLimitCostsTheTestItHappensInAndTheNextTestsStillRun() throws Exception {
        Fixture.Outcome o = judgeTwice("SpinsFirst", """
                public void run() throws Exception {
                    if (inTest("first")) while (true) Thread.sleep(50);
                }
                """);
        assertEquals("TIME_LIMIT", o.verdict(), o::toString);
        assertEquals(List.of("PASSED", "TIMED_OUT"), sorted(statuses(o)), o::toString);
        assertSecondTestNamedUnrecorded("SpinsFirst");
    }

    // ------------------------------------------------------------------ helpers

    private static Fixture.Outcome judgeTwice(String name, String members) {
        String source = "package learner;\nimport java.util.*; import java.util.concurrent.*; "
                + "import java.util.concurrent.atomic.*;\n"
                + "public class " + name + " implements katas.fixture.Program {\n"
                + "  static void sleep(long ms) { try { Thread.sleep(ms); } catch (InterruptedException e) { "
                + "Thread.currentThread().interrupt(); } }\n"
                + "  static boolean inTest(String method) { return StackWalker.getInstance().walk(s -> "
                + "s.anyMatch(f -> f.getMethodName().equals(method))); }\n" + members + "}\n";
        Path jar = Fixture.learnerJar(name, Map.of("learner." + name, source));
        Path json = Fixture.ROOT.resolve("results/twice-" + name + ".json");
        return Fixture.runRaw(json, "submit", "--problems", TWICE.toString(), "--day", "1", "--jar", jar.toString(),
                "--who", "test", "--json", json.toString());
    }

    /** Only the stopped JVM is recorded: the judging's report page names the test the fresh one ran. */
    private static void assertSecondTestNamedUnrecorded(String name) throws Exception {
        String dom = katajudge.testing.Pages.open(java.nio.file.Files.createDirectories(Fixture.ROOT.resolve("pages")))
                .dom(Fixture.ROOT.resolve("results/twice-" + name + ".html"), "", 1400, 900);
        String note = katajudge.testing.Pages.text(dom, "p class=\"note\" id=\"tlnote\"");
        assertTrue(note.contains("Not in this timeline: FixtureTwiceTest.second, run after the stop in a fresh JVM"),
                note);
    }

    private static List<String> sorted(List<String> statuses) {
        return statuses.stream().sorted().toList();
    }

    private static List<String> statuses(Fixture.Outcome o) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : o.result().get("tests")) {
            out.add(t.get("status").asText());
        }
        return out;
    }
}
