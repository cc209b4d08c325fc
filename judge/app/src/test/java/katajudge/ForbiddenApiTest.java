package katajudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A kata that forbids APIs names each use with class, method and line, and lets other programs through. */
class ForbiddenApiTest {

    private static final Path PROBLEMS = Fixture.variant(spec -> spec.replace("\"hygiene\": {",
            "\"forbidden\": {\"apis\": [\"java.lang.Thread#sleep\", \"java.util.concurrent.TimeUnit#sleep\","
                    + " \"java.util.concurrent.locks.*\"], \"noSynchronized\": true,"
                    + " \"why\": \"rebuild it from queues\"}, \"hygiene\": {"));

    @Test
    void eachForbiddenUseIsNamedWithItsLine() {
        Path jar = Fixture.learnerJar("Sleepy", Map.of("learner.Sleepy", """
                package learner;
                import java.util.concurrent.TimeUnit;
                import java.util.concurrent.locks.ReentrantLock;
                public class Sleepy implements katas.fixture.Program {
                    private final Object lock = new Object();
                    public void run() throws Exception {
                        Thread.sleep(1);
                        TimeUnit.MILLISECONDS.sleep(1);
                        new ReentrantLock().lock();
                        synchronized (lock) { }
                    }
                }
                """));
        Path json = Fixture.ROOT.resolve("results/forbidden.json");
        Fixture.Outcome o = Fixture.runRaw(json, "submit", "--problems", PROBLEMS.toString(), "--day", "1", "--jar",
                jar.toString(), "--json", json.toString(), "--results", Fixture.ROOT.resolve("results").toString());
        assertEquals("FORBIDDEN_API", o.verdict(), o::toString);
        String details = o.result().get("findings").get(0).get("details").toString();
        assertTrue(details.contains("learner.Sleepy.run (line 7): java.lang.Thread.sleep"), details);
        assertTrue(details.contains("(line 8): java.util.concurrent.TimeUnit.sleep"), details);
        assertTrue(details.contains("(line 9): java.util.concurrent.locks.ReentrantLock"), details);
        assertTrue(details.contains("(line 10): a synchronized block"), details);
        assertTrue(details.contains("rebuild it from queues"), details);
    }

    @Test
    void aProgramWithinTheRulesIsJudgedNormally() {
        Path jar = Fixture.learnerJar("Queues", Map.of("learner.Queues", """
                package learner;
                import java.util.concurrent.*;
                public class Queues implements katas.fixture.Program {
                    public void run() throws Exception {
                        BlockingQueue<Integer> q = new ArrayBlockingQueue<>(1);
                        Thread t = Thread.ofVirtual().start(() -> q.add(1));
                        q.take();
                        t.join();
                    }
                }
                """));
        Path json = Fixture.ROOT.resolve("results/queues.json");
        Fixture.Outcome o = Fixture.runRaw(json, "submit", "--problems", PROBLEMS.toString(), "--day", "1", "--jar",
                jar.toString(), "--json", json.toString(), "--results", Fixture.ROOT.resolve("results").toString());
        assertEquals("ACCEPTED", o.verdict(), o::toString);
    }

    // ------------------------------------------------------------------ allow-list ("queues and atomics only")

    private static final katajudge.spec.ProblemSpec.Forbidden QUEUES_ONLY = new katajudge.spec.ProblemSpec.Forbidden(
            java.util.List.of("java.lang.Thread#sleep"),
            new katajudge.spec.ProblemSpec.Only(java.util.List.of("java.util.concurrent"), java.util.List.of(
                    "java.util.concurrent.BlockingQueue", "java.util.concurrent.LinkedBlockingQueue",
                    "java.util.concurrent.TimeUnit", "java.util.concurrent.atomic.*")),
            true, "queues and atomics only");

    @Test
    void anAllowListForbidsEveryOtherClassOfItsPackages() throws Exception {
        Path jar = Fixture.learnerJar("FutureGroup", Map.of("learner.FutureGroup", """
                package learner;
                import java.util.concurrent.*;
                import java.util.concurrent.locks.LockSupport;
                public class FutureGroup implements katas.fixture.Program {
                    public void run() throws Exception {
                        CompletableFuture<Void> done = new CompletableFuture<>();
                        done.complete(null);
                        done.get();
                        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) { }
                        LockSupport.parkNanos(1);
                    }
                }
                """));
        String uses = katajudge.run.ForbiddenApiScan.scan(jar, QUEUES_ONLY).toString();
        assertTrue(uses.contains("(line 6): java.util.concurrent.CompletableFuture (not among the allowed"), uses);
        assertTrue(uses.contains("(line 9): java.util.concurrent.Executors"), uses);
        assertTrue(uses.contains("(line 10): java.util.concurrent.locks.LockSupport"), uses);
    }

    @Test
    void anAllowListLetsItsClassesThrough() throws Exception {
        Path jar = Fixture.learnerJar("QueueGroup", Map.of("learner.QueueGroup", """
                package learner;
                import java.util.*;
                import java.util.concurrent.*;
                import java.util.concurrent.atomic.*;
                public class QueueGroup implements katas.fixture.Program {
                    public void run() throws Exception {
                        AtomicReference<BlockingQueue<Object>> gate = new AtomicReference<>(new LinkedBlockingQueue<>());
                        Thread t = Thread.ofVirtual().start(() -> gate.get().add(1));
                        gate.get().poll(1, TimeUnit.SECONDS);
                        t.join();
                        List<Integer> plain = new ArrayList<>(Map.of(1, 2).values());
                        new AtomicInteger(plain.size()).incrementAndGet();
                    }
                }
                """));
        assertEquals(java.util.List.of(), katajudge.run.ForbiddenApiScan.scan(jar, QUEUES_ONLY));
    }

    /** A statement that forbids by allow-list names exactly what its checker allows and denies. */
    @Test
    void everyStatementWithAnAllowListNamesWhatItsCheckerChecks() throws Exception {
        Path problems = katajudge.run.JudgeHome.locate(null).problemsDir();
        katajudge.spec.ProblemSet set = new katajudge.spec.ProblemSet(problems);
        int checked = 0;
        for (Path dir : set.dayFolders()) {
            var forbidden = set.read(dir).spec().forbidden();
            if (forbidden == null || forbidden.only() == null) {
                continue;
            }
            String readme = java.nio.file.Files.readString(dir.resolve("README.md"));
            java.util.List<String> names = new java.util.ArrayList<>(forbidden.only().allowed());
            names.addAll(forbidden.apis());
            for (String pattern : names) {
                String shown = pattern.endsWith(".*") ? pattern.substring(0, pattern.length() - 2)
                        : pattern.substring(pattern.lastIndexOf('.', pattern.contains("#") ? pattern.indexOf('#')
                        : pattern.length()) + 1).replace('#', '.');
                assertTrue(readme.contains("`" + shown + "`"), dir + "/README.md does not name `" + shown + "`");
            }
            assertTrue(readme.contains("synchronized") == forbidden.noSynchronized(), dir + ": synchronized");
            checked++;
        }
        assertTrue(checked >= 1, "day 30 forbids by allow-list");
    }
}
