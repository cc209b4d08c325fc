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
}
