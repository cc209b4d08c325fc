package katajudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code judge run --explore} on small programs of our own, one per kind of
 * concurrency bug, each next to a bug-free twin: the bug's schedule is one
 * the machine's natural schedule rarely or never produces. Each buggy program
 * is explored 20 times, from 20 different base seeds, in one JVM
 * ({@code --explorations 20}): the bug must be found in at least 19 of them
 * within the budget; the twin is explored 10 times and never flagged.
 */
class ExploreTest {

    /** Schedules per exploration (the lock-order deadlock took up to 17 in recorded runs). */
    private static final int BUDGET = 50;
    private static final int EXPLORATIONS = 20;
    /**
     * A twin runs every schedule of every exploration (nothing fails to stop it early): 10 explorations,
     * 500 schedules, keep the lost update's twin (200 monitor entries a schedule) under 25 s of the suite.
     */
    private static final int TWIN_EXPLORATIONS = 10;
    private static final Pattern FOUND = Pattern.compile(
            "schedule (\\d+) of \\d+ failed \\(seed (-?\\d+), step (\\d+), (\\d+) ms into the exploration\\)");

    /** A program with a bug, its fixed twin, and what the report must say when the bug is found. */
    record Case(String kind, String main, String buggy, String fixed, String evidence) {
        @Override
        public String toString() {
            return kind;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("atomicity violation", "Counter", """
                        public class Counter {
                            static int count;
                            public static void main(String[] args) throws Exception {
                                Runnable add = () -> { for (int i = 0; i < 100; i++) count++; };
                                Thread a = new Thread(add), b = new Thread(add);
                                a.start(); b.start(); a.join(); b.join();
                                assert count == 200 : "lost update: count is " + count;
                            }
                        }
                        """, """
                        public class Counter {
                            static int count;
                            static synchronized void add() { count++; }
                            public static void main(String[] args) throws Exception {
                                Runnable add = () -> { for (int i = 0; i < 100; i++) add(); };
                                Thread a = new Thread(add), b = new Thread(add);
                                a.start(); b.start(); a.join(); b.join();
                                assert count == 200 : "lost update: count is " + count;
                            }
                        }
                        """, "AssertionError: lost update"),
                new Case("order violation", "Publish", """
                        public class Publish {
                            static String config;
                            public static void main(String[] args) throws Exception {
                                Thread reader = new Thread(() -> System.out.println(config.length()));
                                reader.start();
                                config = "ready";
                                reader.join();
                            }
                        }
                        """, """
                        public class Publish {
                            static String config;
                            public static void main(String[] args) throws Exception {
                                Thread reader = new Thread(() -> System.out.println(config.length()));
                                config = "ready";
                                reader.start();
                                reader.join();
                            }
                        }
                        """, "NullPointerException"),
                new Case("data race (check-then-act)", "Lazy", """
                        import java.util.concurrent.atomic.AtomicInteger;
                        public class Lazy {
                            static final AtomicInteger made = new AtomicInteger();
                            static Object instance;
                            static Object get() {
                                if (instance == null) { made.incrementAndGet(); instance = new Object(); }
                                return instance;
                            }
                            public static void main(String[] args) throws Exception {
                                Thread a = new Thread(Lazy::get), b = new Thread(Lazy::get);
                                a.start(); b.start(); a.join(); b.join();
                                assert made.get() == 1 : "made " + made.get() + " instances of a singleton";
                            }
                        }
                        """, """
                        import java.util.concurrent.atomic.AtomicInteger;
                        public class Lazy {
                            static final AtomicInteger made = new AtomicInteger();
                            static Object instance;
                            static synchronized Object get() {
                                if (instance == null) { made.incrementAndGet(); instance = new Object(); }
                                return instance;
                            }
                            public static void main(String[] args) throws Exception {
                                Thread a = new Thread(Lazy::get), b = new Thread(Lazy::get);
                                a.start(); b.start(); a.join(); b.join();
                                assert made.get() == 1 : "made " + made.get() + " instances of a singleton";
                            }
                        }
                        """, "instances of a singleton"),
                new Case("lock-order deadlock", "Transfer", """
                        public class Transfer {
                            static final Object a = new Object(), b = new Object();
                            public static void main(String[] args) throws Exception {
                                Thread t1 = new Thread(() -> { synchronized (a) { synchronized (b) { } } });
                                Thread t2 = new Thread(() -> { synchronized (b) { synchronized (a) { } } });
                                t1.start(); t2.start(); t1.join(); t2.join();
                            }
                        }
                        """, """
                        public class Transfer {
                            static final Object a = new Object(), b = new Object();
                            public static void main(String[] args) throws Exception {
                                Thread t1 = new Thread(() -> { synchronized (a) { synchronized (b) { } } });
                                Thread t2 = new Thread(() -> { synchronized (a) { synchronized (b) { } } });
                                t1.start(); t2.start(); t1.join(); t2.join();
                            }
                        }
                        """, "lock cycle"),
                new Case("lost wake-up", "Signal", """
                        public class Signal {
                            static final Object lock = new Object();
                            static boolean ready;
                            public static void main(String[] args) throws Exception {
                                Thread waiter = new Thread(() -> {
                                    if (!ready) {
                                        synchronized (lock) {
                                            try { lock.wait(); } catch (InterruptedException e) { }
                                        }
                                    }
                                });
                                waiter.start();
                                synchronized (lock) { ready = true; lock.notifyAll(); }
                                waiter.join();
                            }
                        }
                        """, """
                        public class Signal {
                            static final Object lock = new Object();
                            static boolean ready;
                            public static void main(String[] args) throws Exception {
                                Thread waiter = new Thread(() -> {
                                    synchronized (lock) {
                                        while (!ready) {
                                            try { lock.wait(); } catch (InterruptedException e) { }
                                        }
                                    }
                                });
                                waiter.start();
                                synchronized (lock) { ready = true; lock.notifyAll(); }
                                waiter.join();
                            }
                        }
                        """, "all threads are asleep"),
                new Case("wait/notify (if, not while)", "Buffer", """
                        import java.util.LinkedList;
                        public class Buffer {
                            static final LinkedList<Integer> items = new LinkedList<>();
                            static void take() {
                                synchronized (items) {
                                    if (items.isEmpty()) {
                                        try { items.wait(); } catch (InterruptedException e) { }
                                    }
                                    items.removeFirst();
                                }
                            }
                            public static void main(String[] args) throws Exception {
                                Thread c1 = new Thread(Buffer::take), c2 = new Thread(Buffer::take);
                                c1.start(); c2.start();
                                for (int i = 0; i < 2; i++) {
                                    synchronized (items) { items.add(i); items.notifyAll(); }
                                }
                                c1.join(); c2.join();
                            }
                        }
                        """, """
                        import java.util.LinkedList;
                        public class Buffer {
                            static final LinkedList<Integer> items = new LinkedList<>();
                            static void take() {
                                synchronized (items) {
                                    while (items.isEmpty()) {
                                        try { items.wait(); } catch (InterruptedException e) { }
                                    }
                                    items.removeFirst();
                                }
                            }
                            public static void main(String[] args) throws Exception {
                                Thread c1 = new Thread(Buffer::take), c2 = new Thread(Buffer::take);
                                c1.start(); c2.start();
                                for (int i = 0; i < 2; i++) {
                                    synchronized (items) { items.add(i); items.notifyAll(); }
                                }
                                c1.join(); c2.join();
                            }
                        }
                        """, "NoSuchElementException"),
                new Case("dead lock owner", "Owner", """
                        import java.util.concurrent.ConcurrentLinkedQueue;
                        import java.util.concurrent.locks.ReentrantLock;
                        public class Owner {
                            static final ReentrantLock lock = new ReentrantLock();
                            static final ConcurrentLinkedQueue<Integer> jobs = new ConcurrentLinkedQueue<>();
                            public static void main(String[] args) throws Exception {
                                Thread worker = new Thread(() -> {
                                    lock.lock();
                                    int job = jobs.poll();   // no job yet: a NullPointerException, lock held
                                    System.out.println(job * 2);
                                    lock.unlock();
                                });
                                worker.start();
                                jobs.offer(21);
                                worker.join();
                                lock.lock();
                                lock.unlock();
                            }
                        }
                        """, """
                        import java.util.concurrent.ConcurrentLinkedQueue;
                        import java.util.concurrent.locks.ReentrantLock;
                        public class Owner {
                            static final ReentrantLock lock = new ReentrantLock();
                            static final ConcurrentLinkedQueue<Integer> jobs = new ConcurrentLinkedQueue<>();
                            public static void main(String[] args) throws Exception {
                                Thread worker = new Thread(() -> {
                                    lock.lock();
                                    try {
                                        int job = jobs.poll();
                                        System.out.println(job * 2);
                                    } finally {
                                        lock.unlock();
                                    }
                                });
                                jobs.offer(21);
                                worker.start();
                                worker.join();
                                lock.lock();
                                lock.unlock();
                            }
                        }
                        """, "a dead owner"));
    }

    private record Explored(int found, List<String> lines, String err) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theBugIsFoundInAtLeast19Of20Explorations(Case c) throws Exception {
        Explored e = explore(c.kind().replaceAll("\\W", "") + "-bug", c.main(), c.buggy(), 1, EXPLORATIONS);
        System.out.printf("explore %-28s found in %d/%d explorations: %s%n", c.kind(), e.found(), EXPLORATIONS,
                e.lines());
        assertTrue(e.found() >= 19, c.kind() + ": found in " + e.found() + " of " + EXPLORATIONS + "\n" + e.err());
        assertTrue(e.err().contains(c.evidence()), "the report names the bug (" + c.evidence() + ")\n" + e.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void itsBugFreeTwinIsNeverFlagged(Case c) throws Exception {
        Explored e = explore(c.kind().replaceAll("\\W", "") + "-twin", c.main(), c.fixed(), 2, TWIN_EXPLORATIONS);
        System.out.printf("explore twin of %-20s flagged in %d/%d explorations%n", c.kind(), e.found(),
                TWIN_EXPLORATIONS);
        assertEquals(0, e.found(), c.kind() + " twin flagged\n" + e.err());
        assertEquals(TWIN_EXPLORATIONS, e.err().split("no failure in " + BUDGET + " schedules", -1).length - 1, e.err());
    }

    @Test
    void aSeedReplaysTheSchedule() throws Exception {
        Case atomicity = cases().findFirst().orElseThrow();
        Path jar = Fixture.learnerJar("explore-replay", Map.of(atomicity.main(), atomicity.buggy()));
        String err = judgeRun(jar, atomicity.main(), "--explore", "50", "--seed", "11");
        Matcher m = FOUND.matcher(err);
        assertTrue(m.find(), err);
        String seed = m.group(2);
        assertTrue(err.contains("replay it with --seed " + seed), err);
        // A seed replays the same perturbation decisions; on real threads the failure comes back often, not always.
        int again = 0;
        for (int i = 0; i < 3; i++) {
            String replay = judgeRun(jar, atomicity.main(), "--seed", seed);
            again += replay.contains("lost update") && replay.contains("schedule 1 of 1 failed (seed " + seed) ? 1 : 0;
        }
        assertTrue(again >= 1, "replayed " + again + " of 3 times");
    }

    @Test
    void withoutExploreTheProgramRunsOnceAndAssertionsAreOn() throws Exception {
        Path jar = Fixture.learnerJar("explore-faithful", Map.of("Faithful", """
                public class Faithful {
                    public static void main(String[] args) throws Exception {
                        Thread t = new Thread(() -> { throw new IllegalStateException("boom"); });
                        System.out.println(Thread.activeCount() + " " + t.getName() + " "
                                + Thread.currentThread().getName() + " " + Thread.currentThread().getThreadGroup().getName());
                        t.start(); t.join();
                        assert args.length > 0 : "asserts are on";
                    }
                }
                """));
        ProcessResult r = judge(jar, "Faithful");
        assertEquals("1 Thread-0 main main", r.out().strip(), "the judge's threads are not the program's");
        assertEquals(1, r.exit(), "an uncaught exception in any thread: exit 1\n" + r.err());
        assertTrue(r.err().contains("AssertionError: asserts are on"), r.err());
        ProcessResult noEa = judge(jar, "Faithful", "--no-ea", "--", "x");
        assertEquals(1, noEa.exit(), "Thread-0's exception alone still says 1\n" + noEa.err());
        assertTrue(!noEa.err().contains("AssertionError") && noEa.err().contains("died of"), noEa.err());
    }

    // ------------------------------------------------------------------ plumbing

    private Explored explore(String name, String main, String source, long seed, int explorations) throws Exception {
        Path jar = Fixture.learnerJar("explore-" + name, Map.of(main, source));
        String err = judgeRun(jar, main, "--explore", String.valueOf(BUDGET), "--seed", String.valueOf(seed),
                "--explorations", String.valueOf(explorations));
        Matcher m = FOUND.matcher(err);
        List<String> lines = new ArrayList<>();
        int found = 0;
        while (m.find()) {
            found++;
            lines.add(m.group(1) + "@" + m.group(4) + "ms");
        }
        return new Explored(found, lines, err);
    }

    private record ProcessResult(int exit, String out, String err) {}

    private static String judgeRun(Path jar, String main, String... options) throws IOException, InterruptedException {
        return judge(jar, main, options).err();
    }

    private static ProcessResult judge(Path jar, String main, String... options)
            throws IOException, InterruptedException {
        Path judgeJar = Path.of(System.getProperty("katas.root")).resolve("judge/app/target/judge.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", judgeJar.toString(), "run", "--jar", jar.toString(), "--main", main, "--timeout", "20"));
        command.addAll(List.of(options));
        Path err = Files.createTempFile("explore-err", ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return new ProcessResult(exit, out, Files.readString(err));
    }
}
