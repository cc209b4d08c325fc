package katajudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code judge run} on programs that are not katas: a deadlock is reported Go
 * style at once with its cycle, threads alive at the end are listed with
 * their creation sites, and a good program runs as if the judge were not
 * there.
 */
class RunCommandTest {

    private record Ran(int exit, String out, String err) {}

    @Test
    void aDeadlockedProgramIsReportedGoStyleWithItsCycle() throws Exception {
        Ran r = run("Bank", """
                import java.util.concurrent.locks.ReentrantLock;
                public class Bank {
                    public static void main(String[] args) throws Exception {
                        ReentrantLock a = new ReentrantLock(), b = new ReentrantLock();
                        Thread t1 = new Thread(() -> { a.lock(); nap(); b.lock(); }, "transfer");
                        Thread t2 = new Thread(() -> { b.lock(); nap(); a.lock(); }, "audit");
                        t1.start(); t2.start();
                        t1.join();
                    }
                    static void nap() { try { Thread.sleep(100); } catch (InterruptedException e) { } }
                }
                """);
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("all threads are asleep - deadlock!"), r.err());
        assertTrue(r.err().contains("lock cycle"), r.err());
        assertTrue(r.err().contains("thread 'transfer'") && r.err().contains("held by 'audit'"), r.err());
        assertTrue(r.err().contains("created at Bank.main(Bank.java:7)"), r.err());
    }

    @Test
    void aQueueWaitNobodyAnswersIsADeadlockToo() throws Exception {
        Ran r = run("Lonely", """
                import java.util.concurrent.SynchronousQueue;
                public class Lonely {
                    public static void main(String[] args) throws Exception {
                        new SynchronousQueue<String>().put("nobody takes this");
                    }
                }
                """);
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("all threads are asleep"), r.err());
    }

    @Test
    void threadsAliveAtTheEndAreListedWithWhereTheyWereMade() throws Exception {
        Ran r = run("Leaky", """
                public class Leaky {
                    public static void main(String[] args) {
                        Thread t = new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } },
                                "forgotten-daemon");
                        t.setDaemon(true);
                        t.start();
                        System.out.println("done");
                    }
                }
                """);
        assertEquals(0, r.exit(), r::toString);
        assertEquals("done", r.out().strip());
        assertTrue(r.err().contains("still alive at exit") && r.err().contains("forgotten-daemon"), r.err());
        assertTrue(r.err().contains("created at Leaky.main(Leaky.java:6)"), r.err());
    }

    @Test
    void aGoodProgramRunsAsIfTheJudgeWereNotThere() throws Exception {
        Ran r = run("Fine", """
                import java.util.concurrent.*;
                public class Fine {
                    public static void main(String[] args) throws Exception {
                        try (var ex = Executors.newVirtualThreadPerTaskExecutor()) {
                            for (int i = 0; i < 100; i++) ex.submit(() -> { Thread.sleep(10); return null; });
                        }
                        System.out.println("ok " + args.length);
                        System.exit(args.length);
                    }
                }
                """, "a", "b");
        assertEquals(2, r.exit(), "the program's own exit code");
        assertEquals("ok 2", r.out().strip());
        assertFalse(r.err().contains("judge run:"), r.err());
    }

    private static Ran run(String main, String source, String... args) throws IOException, InterruptedException {
        Path jar = Fixture.learnerJar("run-" + main, Map.of(main, source));
        Path judgeJar = Path.of(System.getProperty("katas.root")).resolve("judge/app/target/judge.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", judgeJar.toString(), "run", "--jar", jar.toString(), "--main", main, "--timeout", "20"));
        if (args.length > 0) {
            command.add("--");
            command.addAll(List.of(args));
        }
        Path err = Files.createTempFile("run-err", ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return new Ran(exit, out, Files.readString(err));
    }
}
