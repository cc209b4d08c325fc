package katajudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import katajudge.run.Cgroups;
import katajudge.run.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile submissions by kind (forged verdict, killing the judge, files
 * outside the run folder, native code, guard bypass, limits), at least two
 * routes each, run with the OS sandbox on and off. Every attack is checked
 * for: an honest verdict (never ACCEPTED, the judge's own exit code 0 and a
 * result), canary files outside the run folder unchanged (hash, mode, mtime),
 * no process left, and the agent's woven-class cache unchanged.
 *
 * <p>Each attack says which layer is claimed to stop it: {@code BOTH} (the
 * locked-down JVM and the judge's channel alone stop it) or {@code SANDBOX}
 * (only the OS sandbox does). With the sandbox off, SANDBOX attacks are run
 * when they are safe to run (never one that would kill the test JVM) and
 * their outcome is printed, not asserted: the table at the end says which
 * attacks the JVM layer alone stops.
 *
 * <p>A second set attacks from the JVM that runs a kata's plain tests (Lincheck's checks, without the
 * judge's agent): the OS sandbox alone contains it, so those attacks are asserted with the sandbox on.
 */
class HostileCatalogueTest {

    private static final String IMPORTS = "import java.io.*; import java.net.*; import java.nio.file.*; "
            + "import java.util.*; import java.util.concurrent.*; import java.util.concurrent.locks.*; "
            + "import java.lang.foreign.*; import java.lang.invoke.*;";

    /** Files outside the run folder that no judging may change. */
    private static final Path CANARY = Fixture.ROOT.resolve("canary");
    private static final Path CACHE = Path.of("target/agent-cache");
    private static final Map<String, String> TABLE = new TreeMap<>();
    /**
     * The command line of the detached process an attack starts, unusual enough that looking for it (and
     * ending it) never touches another process of the machine's (a plain "sleep 300" did).
     */
    private static final String DETACHED = "sleep 300.0417";

    enum Layer { BOTH, SANDBOX }

    private static final String NETWORK = "network beyond loopback";

    /** The attack only the kernel's memory limit stops: it needs a machine where the judge may make cgroups. */
    private static final String NATIVE_MEMORY = "FFM: 2 GB of native memory from an Arena, beyond every JVM limit";

    /**
     * @param expect             the honest verdict, or null for "any failing verdict" (the attacks end by
     *                           throwing: a solution that got this far without being stopped is wrong)
     * @param says               text the report must contain (who stopped it, in its own words), or null
     */
    record Attack(String kind, String route, Layer stoppedBy, boolean safeWithoutSandbox, String expect,
                  String says, String body) {
        Attack(String kind, String route, Layer stoppedBy, boolean safeWithoutSandbox, String expect, String body) {
            this(kind, route, stoppedBy, safeWithoutSandbox, expect, null, body);
        }

        @Override
        public String toString() {
            return kind + " / " + route;
        }
    }

    static List<Attack> attacks() {
        String canary = CANARY.toString();
        return List.of(
                // ---- forged or lost verdicts: the learner's code is wrong (it throws) but tries to pass
                new Attack("forged verdict", "Java: one byte with no newline on fd 1, glued onto the next frame",
                        Layer.BOTH, true, null, """
                        var real = new FileOutputStream(FileDescriptor.out);
                        real.write('x'); real.flush();
                        throw new AssertionError("wrong answer");
                        """),
                new Attack("forged verdict", "another thread: forged frames and a flood on fd 1",
                        Layer.BOTH, true, null, """
                        Thread t = new Thread(() -> {
                            try {
                                var real = new FileOutputStream(FileDescriptor.out);
                                for (int i = 0; i < 200; i++) {
                                    real.write(("KJ1 " + i + " AAAA {\\"event\\":\\"finished\\",\\"aborted\\":false}\\n").getBytes());
                                    real.write(new byte[70_000]);
                                }
                            } catch (IOException e) { }
                        });
                        t.start(); t.join();
                        throw new AssertionError("wrong answer");
                        """),
                // ---- killing the judge
                new Attack("killing the judge", "Java: ProcessHandle.parent().destroyForcibly()",
                        Layer.BOTH, true, null, """
                        ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);
                        Thread.sleep(500);
                        throw new AssertionError("the attack is over: a wrong solution");
                        """),
                new Attack("killing the judge", "common-pool worker: ProcessHandle.parent().destroy()",
                        Layer.BOTH, true, null, """
                        ForkJoinPool.commonPool().submit(() -> {
                            ProcessHandle.current().parent().ifPresent(ProcessHandle::destroy); return null;
                        }).get();
                        Thread.sleep(500);
                        throw new AssertionError("the attack is over: a wrong solution");
                        """),
                new Attack("killing the judge", "FFM: kill(getppid(), SIGKILL)", Layer.BOTH, true, null, """
                        Linker linker = Linker.nativeLinker();
                        var lookup = linker.defaultLookup();
                        var getppid = linker.downcallHandle(lookup.find("getppid").orElseThrow(),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT));
                        var kill = linker.downcallHandle(lookup.find("kill").orElseThrow(),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                        try {
                            int unused = (int) kill.invokeExact((int) getppid.invokeExact(), 9);
                        } catch (Throwable t) { throw new IllegalStateException(t); }
                        throw new AssertionError("the attack is over: a wrong solution");
                        """),
                // ---- files outside the run folder
                new Attack("files outside the run folder", "Java: a hard and a symbolic link made inside the run folder",
                        Layer.BOTH, true, null, """
                        Path link = Path.of("link-out");
                        try {
                            Files.createLink(Path.of("hard-link-out"), Path.of("%s/canary.txt"));
                            Files.writeString(Path.of("hard-link-out"), "pwned through a hard link");
                        } catch (SecurityException | IOException refusedOrCrossDevice) { }
                        Files.createSymbolicLink(link, Path.of("%s"));
                        Files.writeString(link.resolve("pwned-by-link"), "x");
                        throw new AssertionError("the attack is over: a wrong solution");
                        """.formatted(canary, canary)),
                // The judge's files for the child (its hidden tests' jar, its configuration, its recording) are
                // beside the work folder the child starts in: changing one could change what is judged.
                new Attack("files outside the run folder", "Java: the judge's own files beside the work folder "
                        + "(the tests' jar, the configuration, the recording)", Layer.BOTH, true, null, """
                        Exception last = null;
                        for (String file : List.of("../katas-tests.jar", "../child.json", "../recording.jfr")) {
                            try {
                                Files.write(Path.of(file), new byte[] {1}, StandardOpenOption.WRITE);
                                return; // reached only if the judge's file was changed: this wrong solution passes
                            } catch (SecurityException | IOException refused) {
                                last = refused;
                            }
                        }
                        throw new AssertionError("every file refused", last);
                        """),
                new Attack("files outside the run folder", "common-pool worker: a hard link to the judge's tests' jar, "
                        + "written through", Layer.BOTH, true, null, """
                        ForkJoinPool.commonPool().submit(() -> {
                            Files.createLink(Path.of("jar-link"), Path.of("../katas-tests.jar"));
                            Files.write(Path.of("jar-link"), new byte[] {1}, StandardOpenOption.WRITE);
                            return null;
                        }).get();
                        // Reached only if the judge's jar was changed: returning makes this wrong solution pass.
                        """),
                new Attack("files outside the run folder", "JDK: a heap dump written by HotSpotDiagnosticMXBean",
                        Layer.BOTH, true, null, """
                        var bean = java.lang.management.ManagementFactory.getPlatformMXBean(
                                com.sun.management.HotSpotDiagnosticMXBean.class);
                        bean.dumpHeap("%s/pwned.hprof", false);
                        throw new AssertionError("the attack is over: a wrong solution");
                        """.formatted(canary)),
                new Attack("files outside the run folder", "common-pool worker: write with Files",
                        Layer.SANDBOX, true, null, """
                        ForkJoinPool.commonPool().submit(() -> {
                            Files.writeString(Path.of("%s/pwned-by-pool"), "x"); return null;
                        }).get();
                        throw new AssertionError("the attack is over: a wrong solution");
                        """.formatted(canary)),
                // ---- filling the machine's disk or memory with files (each one under the per-file limit)
                new Attack("filling the disk", "Java: 24 files of 64 MB in the run folder (1.5 GB)",
                        Layer.SANDBOX, true, null, "No space left on device", """
                        byte[] block = new byte[1 << 20];
                        for (int i = 0; i < 24; i++) {
                            try (var out = new FileOutputStream("fill-" + i)) {
                                for (int m = 0; m < 64; m++) out.write(block);
                            }
                        }
                        throw new AssertionError("1.5 GB written in the run folder and no limit stopped it");
                        """),
                new Attack("filling the disk", "a virtual thread: one 900 MB file through a FileChannel",
                        Layer.SANDBOX, true, null, "No space left on device", """
                        try (var virtual = Executors.newVirtualThreadPerTaskExecutor()) {
                            virtual.submit(() -> {
                                try (var channel = java.nio.channels.FileChannel.open(Path.of("fill"),
                                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                                    var block = java.nio.ByteBuffer.allocate(1 << 20);
                                    for (int m = 0; m < 900; m++) {
                                        block.clear();
                                        while (block.hasRemaining()) channel.write(block);
                                    }
                                }
                                return null;
                            }).get();
                        }
                        throw new AssertionError("900 MB written in the run folder and no limit stopped it");
                        """),
                // ---- the network beyond loopback: a listener of the test's own on this machine's non-loopback
                // address counts every connection that reaches it (none may)
                new Attack(NETWORK, "Java: a socket to this machine's own non-loopback address",
                        Layer.BOTH, true, null, """
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress("%1$s", %2$d), 1000);
                        }
                        // Reached only if the connection was made: returning makes this wrong solution pass.
                        """.formatted(Outside.host(), Outside.port())),
                new Attack(NETWORK, "JDK: an HttpClient request to it (the client's own threads "
                        + "connect)", Layer.BOTH, true, null, """
                        var client = java.net.http.HttpClient.newHttpClient();
                        client.send(java.net.http.HttpRequest.newBuilder(URI.create("http://%1$s:%2$d/")).build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding());
                        // Reached only if the request was answered: returning makes this wrong solution pass.
                        """.formatted(Outside.host(), Outside.port())),
                // ---- switching the judge's guard or tracking off from learner code
                new Attack("guard bypass", "reflection: a private lookup into the guard, then a write outside",
                        Layer.BOTH, true, null, """
                        var guard = MethodHandles.privateLookupIn(Class.forName("katajudge.runtime.Guard"),
                                MethodHandles.lookup());
                        guard.findStaticVarHandle(guard.lookupClass(), "sandbox", Path.class).set((Path) null);
                        Files.writeString(Path.of("%s/pwned-by-lookup"), "x");
                        throw new AssertionError("the attack is over: a wrong solution");
                        """.formatted(canary)),
                // The child's runner and its channel are the named module katajudge.child, which opens and
                // exports nothing: the JVM refuses these (its own exception is in the report), not the agent.
                new Attack("forged verdict", "reflection: a private lookup into the child's event channel for its key",
                        Layer.BOTH, true, "RUNTIME_ERROR", "module katajudge.child does not open katajudge.child", """
                        Class<?> channel = Class.forName("katajudge.child.EventChannel", false,
                                ClassLoader.getSystemClassLoader());
                        MethodHandles.privateLookupIn(channel, MethodHandles.lookup())
                                .findVarHandle(channel, "key", byte[].class);
                        // Reached only if the key is readable: returning makes this wrong solution pass.
                        """),
                new Attack("forged verdict", "reflection: setAccessible on the child's event channel's key field",
                        Layer.BOTH, true, "RUNTIME_ERROR", "does not \"opens katajudge.child\"", """
                        var key = Class.forName("katajudge.child.EventChannel", false, ClassLoader.getSystemClassLoader())
                                .getDeclaredField("key");
                        if (!key.trySetAccessible()) key.setAccessible(true);
                        // Reached only if the key field was opened: returning makes this wrong solution pass.
                        """),
                new Attack("forged verdict", "a public method of the judge's channel called by reflection (no setAccessible)",
                        Layer.BOTH, true, "RUNTIME_ERROR", "does not export katajudge.protocol", """
                        // No setAccessible, no private lookup: a route the agent's check never saw. Run from the
                        // class path the judge's public classes answered anyone.
                        Object frame = Class.forName("katajudge.protocol.ChannelFrame", false,
                                ClassLoader.getSystemClassLoader())
                                .getMethod("encode", byte[].class, long.class, String.class)
                                .invoke(null, new byte[32], 0L, "{}");
                        // Reached only if the judge's public methods answer learner code: this wrong solution passes.
                        """),
                new Attack("forged verdict", "sun.misc.Unsafe: read the process's memory (where the key lives)",
                        Layer.BOTH, true, null, """
                        var f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
                        f.setAccessible(true);
                        var unsafe = f.get(null);
                        long at = (long) unsafe.getClass().getMethod("allocateMemory", long.class).invoke(unsafe, 8L);
                        unsafe.getClass().getMethod("getLong", long.class).invoke(unsafe, at);
                        // Reached only if raw memory is readable: returning makes this wrong solution pass.
                        """),
                new Attack("guard bypass", "a public registry method that hides a leaked thread",
                        Layer.BOTH, true, null, """
                        Thread leak = new Thread(() -> { while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { } } });
                        leak.setDaemon(true);
                        leak.start();
                        Class.forName("katajudge.runtime.ThreadRegistry").getMethod("onEnd", Thread.class)
                                .invoke(null, leak);
                        """),
                // ---- native code
                new Attack("native code", "FFM: libc system() starting a detached process", Layer.BOTH, true, null, """
                        Linker linker = Linker.nativeLinker();
                        var system = linker.downcallHandle(linker.defaultLookup().find("system").orElseThrow(),
                                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
                        try (Arena arena = Arena.ofConfined()) {
                            int unused = (int) system.invokeExact(arena.allocateFrom(
                                    "touch %s/pwned-by-ffm; (setsid %s &)"));
                        } catch (Throwable t) { throw new IllegalStateException(t); }
                        throw new AssertionError("the attack is over: a wrong solution");
                        """.formatted(canary, DETACHED)),
                new Attack("native code", "JNI: System.load of a library", Layer.BOTH, true, null, """
                        System.load("/lib/x86_64-linux-gnu/libz.so.1");
                        Files.writeString(Path.of("%s/pwned-by-jni"), "x");
                        throw new AssertionError("the attack is over: a wrong solution");
                        """.formatted(canary)),
                // ---- limits
                // Native memory from an Arena counts against no JVM limit (not the heap, not direct buffers,
                // and allocating needs no native access): the kernel's limit on the child's group is the bound.
                new Attack("limits", NATIVE_MEMORY, Layer.SANDBOX, true, "MEMORY_LIMIT",
                        "the kernel ended the JVM", """
                        try (Arena arena = Arena.ofConfined()) {
                            MemorySegment hog = arena.allocate(2L << 30);
                            hog.fill((byte) 1);
                        }
                        throw new AssertionError("2 GB of native memory, and no limit stopped it");
                        """),
                new Attack("limits", "a caught OutOfMemoryError", Layer.BOTH, true, "MEMORY_LIMIT", """
                        List<long[]> hog = new ArrayList<>();
                        try { while (true) hog.add(new long[1 << 20]); } catch (OutOfMemoryError e) { hog.clear(); }
                        """),
                // Threads started where the registry tracks nobody: they returned normally, uncounted, before
                // every thread started in a judged region was counted.
                new Attack("limits", "600 threads started by a common-pool worker completing a stage (JDK frames only)",
                        Layer.BOTH, true, "TOO_MANY_THREADS", """
                        var pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory());
                        CountDownLatch started = new CountDownLatch(600);
                        Runnable hold = () -> { started.countDown(); LockSupport.parkNanos(3_000_000_000L); };
                        // The learner's lambda has returned when the worker completes the gate and starts them all.
                        CompletableFuture<Void> gate = CompletableFuture.runAsync(() -> LockSupport.parkNanos(300_000_000L));
                        for (int i = 0; i < 600; i++) gate.thenRunAsync(hold, pool);
                        started.await();
                        """),
                new Attack("limits", "600 threads started by method-handle proxies run on the common pool",
                        Layer.BOTH, true, "TOO_MANY_THREADS", """
                        var start = MethodHandles.lookup().findVirtual(Thread.class, "start", MethodType.methodType(void.class));
                        CountDownLatch started = new CountDownLatch(600);
                        for (int i = 0; i < 600; i++) {
                            Thread t = Thread.ofPlatform().daemon().unstarted(
                                    () -> { started.countDown(); LockSupport.parkNanos(3_000_000_000L); });
                            ForkJoinPool.commonPool().execute(
                                    MethodHandleProxies.asInterfaceInstance(Runnable.class, start.bindTo(t)));
                        }
                        started.await();
                        """),
                new Attack("limits", "3000 HttpClients, each with a selector thread (the JDK's, not counted as the "
                        + "learner's)", Layer.BOTH, true, "TOO_MANY_THREADS", "threads the JDK started for your calls", """
                        // Kept alive: a selector thread ends only when its client is unreachable.
                        List<Object> clients = new ArrayList<>();
                        for (int i = 0; i < 3000; i++) clients.add(java.net.http.HttpClient.newHttpClient());
                        """),
                new Attack("limits", "3000 Cleaners, each with a thread of its own (the JDK's system threads)",
                        Layer.BOTH, true, "TOO_MANY_THREADS", "threads the JDK started for your calls", """
                        List<Object> cleaners = new ArrayList<>();
                        for (int i = 0; i < 3000; i++) cleaners.add(java.lang.ref.Cleaner.create());
                        """),
                new Attack("limits", "4 threads asking for 1 GB stacks, recursing 5,000,000 deep",
                        Layer.BOTH, true, "RUNTIME_ERROR", "StackOverflowError", """
                        // Beside a 256 MB heap, stacks no JVM flag counts: 1 GB and more held where no kernel
                        // limit counts memory. Each thread gets the judging's 1 MB at most and overflows.
                        java.util.function.LongUnaryOperator[] deep = new java.util.function.LongUnaryOperator[1];
                        deep[0] = n -> n == 0 ? 0 : 1 + deep[0].applyAsLong(n - 1);
                        java.util.concurrent.atomic.AtomicInteger overflowed = new java.util.concurrent.atomic.AtomicInteger();
                        Thread[] threads = new Thread[4];
                        for (int i = 0; i < threads.length; i++) {
                            threads[i] = new Thread(null, () -> {
                                try {
                                    deep[0].applyAsLong(5_000_000);
                                } catch (StackOverflowError e) {
                                    overflowed.incrementAndGet();
                                }
                            }, "big-stack-" + i, 1L << 30);
                            threads[i].start();
                        }
                        for (Thread t : threads) t.join();
                        // Seen by the verdict: a RUNTIME_ERROR is the bound's doing (the stacks it gave were too
                        // small); ACCEPTED, the stacks it was asked for; MEMORY_LIMIT, the kernel's limit.
                        if (overflowed.get() > 0) throw new StackOverflowError(overflowed + " threads ran out of stack");
                        """),
                new Attack("limits", "600 threads started by a learner's hidden class on the common pool",
                        Layer.BOTH, true, "TOO_MANY_THREADS", """
                        // A hidden class's frames are not in a stack walk unless asked for: its starts looked
                        // like the common pool's own.
                        class Starter implements Runnable {
                            public void run() {
                                for (int i = 0; i < 600; i++) {
                                    Thread t = new Thread(() -> LockSupport.parkNanos(3_000_000_000L));
                                    t.setDaemon(true);
                                    t.start();
                                }
                            }
                        }
                        byte[] bytes;
                        try (var in = getClass().getResourceAsStream(getClass().getSimpleName() + "$1Starter.class")) {
                            bytes = in.readAllBytes();
                        }
                        var starter = MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass()
                                .getDeclaredConstructors()[0];
                        ForkJoinPool.commonPool().submit((Runnable) starter.newInstance(this)).get();
                        Thread.sleep(500);
                        """),
                // A thread that keeps running is no deadlock: the honest verdict is the test's own time limit,
                // seen at the test's limit by the watchdog (not at the run's outer kill).
                new Attack("limits", "another thread interrupts the judge's threads every 2 ms, then waits forever",
                        Layer.BOTH, true, "TIME_LIMIT", """
                        Thread pest = new Thread(() -> {
                            while (true) {
                                for (Thread t : Thread.getAllStackTraces().keySet()) {
                                    if (t != Thread.currentThread() && t.getName().startsWith("judge")) t.interrupt();
                                }
                                try { Thread.sleep(2); } catch (InterruptedException e) { }
                            }
                        });
                        pest.setDaemon(true);
                        pest.start();
                        new CountDownLatch(1).await();
                        """));
    }

    /** {@code -Dkatas.catalogue.only=TEXT} runs only the attacks whose kind / route contains TEXT. */
    static Stream<Arguments> runs() {
        String only = System.getProperty("katas.catalogue.only", "");
        return Stream.of(true, false).flatMap(on -> attacks().stream()
                .filter(a -> a.toString().contains(only)).map(a -> Arguments.of(on, a)));
    }

    /**
     * The same routes used well stay silent: threads started by a common-pool
     * worker or a method-handle proxy, ended before the test does, count like
     * any others and are no finding; reading the process's own handles is no
     * refusal.
     */
    static Stream<Arguments> goodPrograms() {
        return Stream.of(
                Arguments.of("a pool fed by the common pool's completions, closed", """
                        try (var pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
                            CompletableFuture<Void> gate = CompletableFuture.runAsync(() -> LockSupport.parkNanos(100_000_000L));
                            List<CompletableFuture<Void>> all = new ArrayList<>();
                            for (int i = 0; i < 8; i++) all.add(gate.thenRunAsync(() -> LockSupport.parkNanos(20_000_000L), pool));
                            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
                        }
                        """),
                Arguments.of("threads started by method-handle proxies on the common pool, joined", """
                        var start = MethodHandles.lookup().findVirtual(Thread.class, "start", MethodType.methodType(void.class));
                        List<Thread> ts = new ArrayList<>();
                        for (int i = 0; i < 4; i++) {
                            Thread t = new Thread(() -> LockSupport.parkNanos(20_000_000L));
                            ts.add(t);
                            ForkJoinPool.commonPool().submit(MethodHandleProxies.asInterfaceInstance(Runnable.class,
                                    start.bindTo(t))).get();
                        }
                        for (Thread t : ts) t.join();
                        """),
                Arguments.of("executors, virtual threads, CompletableFuture, parallel streams, own process handles", """
                        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
                        if (parent == ProcessHandle.current().pid()) throw new AssertionError();
                        try (var pool = Executors.newFixedThreadPool(4); var virtual = Executors.newVirtualThreadPerTaskExecutor()) {
                            List<Future<Integer>> fs = new ArrayList<>();
                            for (int i = 0; i < 8; i++) { int n = i; fs.add(pool.submit(() -> n)); fs.add(virtual.submit(() -> n)); }
                            for (Future<Integer> f : fs) f.get();
                        }
                        int sum = CompletableFuture.supplyAsync(() -> 20)
                                .thenApplyAsync(n -> n + 1, CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS)).join()
                                + java.util.stream.IntStream.range(0, 100).parallel().sum();
                        if (sum != 4971) throw new AssertionError(sum);
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodPrograms")
    void aGoodProgramOnTheSameRoutesStaysSilent(String what, String body) {
        Fixture.Outcome o = Fixture.submit(Fixture.program("Good" + Integer.toHexString(body.hashCode()), IMPORTS,
                body));
        assertEquals("ACCEPTED", o.verdict(), o::toString);
        assertEquals(0, o.result().get("findings").size(), o::toString);
    }

    @ParameterizedTest(name = "sandbox {0}: {1}")
    @MethodSource("runs")
    void anAttackGetsAnHonestVerdictAndChangesNothingOutside(boolean sandbox, Attack attack) throws Exception {
        if (sandbox) {
            Assumptions.assumeTrue(Sandbox.probe().available(), "no bubblewrap here: " + Sandbox.probe().detail());
        }
        Assumptions.assumeTrue(sandbox || attack.safeWithoutSandbox(),
                "would harm the test JVM itself without the sandbox");
        Assumptions.assumeTrue(!(sandbox && attack.route().equals(NATIVE_MEMORY)) || Cgroups.available() != null,
                "no cgroup the judge may write here: the sandbox has no memory limit to stop it");
        plantCanaries();
        Map<String, String> canaries = fingerprint(CANARY);
        Map<String, String> cache = fingerprint(CACHE);
        if (attack.kind().equals(NETWORK)) {
            Assumptions.assumeTrue(Outside.offLoopback(), "this machine has no address but loopback");
            Outside.checkItCounts();
        }
        int reached = Outside.connections();
        Fixture.Outcome o = withSandbox(sandbox, () -> Fixture.submit(Fixture.program(
                "Attack" + Integer.toHexString(attack.body().hashCode()), IMPORTS, attack.body())));
        List<String> broken = new ArrayList<>();
        if (o.exitCode() != 0 || o.result() == null) {
            broken.add("no verdict (exit " + o.exitCode() + ")");
        } else if ("ACCEPTED".equals(o.verdict()) || "JUDGE_ERROR".equals(o.verdict())
                || attack.expect() != null && !attack.expect().equals(o.verdict())) {
            broken.add("verdict " + o.verdict());
        } else if (o.out().contains("the whole run took more than")) {
            broken.add("seen only at the run's outer limit");
        } else if (attack.says() != null && !o.out().contains(attack.says())) {
            broken.add("the report does not say \"" + attack.says() + "\"");
        }
        if (!fingerprint(CANARY).equals(canaries)) {
            broken.add("canary files changed");
        }
        if (!fingerprint(CACHE).equals(cache)) {
            broken.add("agent cache changed");
        }
        if (Outside.connections() != reached) {
            broken.add("a connection reached this machine's non-loopback address");
        }
        List<String> left = leftBehind();
        if (!left.isEmpty()) {
            broken.add("processes left: " + left);
            left.forEach(p -> ProcessHandle.of(Long.parseLong(p.split(" ")[0])).ifPresent(ProcessHandle::destroyForcibly));
        }
        String outcome = broken.isEmpty() ? "stopped (" + o.verdict() + ")" : "GOT THROUGH: " + broken;
        TABLE.put(attack + (sandbox ? "  [sandbox on]" : "  [JVM layer only]"), outcome);
        if (sandbox || attack.stoppedBy() == Layer.BOTH) {
            assertEquals(List.of(), broken, () -> attack + " with the sandbox " + (sandbox ? "on" : "off") + ":\n" + o);
            assertTrue(o.out().contains(sandbox ? "Sandbox  bubblewrap" : "Sandbox  no sandbox"), o::toString);
        }
    }

    /** The refusal reaches the learner as every other does: a SecurityException that says what and why. */
    @org.junit.jupiter.api.Test
    void endingTheJudgeIsRefusedWithAClearMessage() {
        Fixture.Outcome o = withSandbox(false, () -> Fixture.submit(Fixture.program("EndsItsParent", IMPORTS, """
                ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);
                """)));
        assertEquals("RUNTIME_ERROR", o.verdict(), o::toString);
        assertTrue(o.out().contains("refused by the judge: ending process "), o::toString);
    }

    // ------------------------------------------------------------------ Lincheck's plain JVM

    /** The project's own problems: the attacks below need a kata with plain (Lincheck) tests, day 19. */
    private static final Path PROBLEMS = Path.of(System.getProperty("katas.root", "../..")).resolve("problems");
    /** The command line of a process of the test's that an attack tries to end (unlike {@link #DETACHED}). */
    private static final String VICTIM = "300.0419";

    /**
     * An attack from learner code that the judge runs in the JVM of a kata's plain tests (Lincheck's
     * linearizability check of day 19): a JVM without the judge's agent, so no guard, no refusal, only the
     * locked-down flags and the OS sandbox. The submission is a correct bank that attacks once, when
     * Lincheck is on the stack: the hidden tests under the agent see nothing wrong. It prints "attack ran"
     * in the check's output either way, so a case whose attack never ran fails rather than passing.
     */
    record PlainAttack(String kind, String route, boolean safeWithoutSandbox, String body) {
        @Override
        public String toString() {
            return kind + " / Lincheck's plain JVM: " + route;
        }
    }

    static List<PlainAttack> plainAttacks() {
        return List.of(
                new PlainAttack("files outside the run folder", "a file written beside the canary", true, """
                        Files.writeString(Path.of("%s/pwned-by-lincheck"), "x");
                        """.formatted(CANARY)),
                // Unsafe without the sandbox: the judge is the test JVM itself.
                new PlainAttack("killing the judge", "its parent and another process of the machine destroyed",
                        false, """
                        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("%s"))
                                .forEach(ProcessHandle::destroyForcibly);
                        ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);
                        Thread.sleep(500);
                        """.formatted(VICTIM)),
                // No guard in this JVM: only the module boundary keeps the channel's key from learner code.
                // Were the key field opened, the JVM would end without the judge's last frame: not ACCEPTED.
                new PlainAttack("forged verdict", "setAccessible on the channel's key field (no guard here)", true, """
                        Class.forName("katajudge.child.EventChannel", false, ClassLoader.getSystemClassLoader())
                                .getDeclaredField("key").setAccessible(true);
                        Runtime.getRuntime().halt(3);
                        """));
    }

    static Stream<Arguments> plainRuns() {
        String only = System.getProperty("katas.catalogue.only", "");
        return Stream.of(true, false).flatMap(on -> plainAttacks().stream()
                .filter(a -> a.toString().contains(only)).map(a -> Arguments.of(on, a)));
    }

    @ParameterizedTest(name = "sandbox {0}: {1}")
    @MethodSource("plainRuns")
    void anAttackFromLincheckPlainJvmChangesNothingOutside(boolean sandbox, PlainAttack attack) throws Exception {
        if (sandbox) {
            Assumptions.assumeTrue(Sandbox.probe().available(), "no bubblewrap here: " + Sandbox.probe().detail());
        }
        Assumptions.assumeTrue(sandbox || attack.safeWithoutSandbox(),
                "would harm the test JVM itself without the sandbox");
        Assumptions.assumeTrue(!(sandbox && attack.route().equals(NATIVE_MEMORY)) || Cgroups.available() != null,
                "no cgroup the judge may write here: the sandbox has no memory limit to stop it");
        Path api = PROBLEMS.resolve("api/target/katas-api.jar");
        Assumptions.assumeTrue(Files.isRegularFile(PROBLEMS.resolve("pack/target/katas-pack.jar"))
                && Files.isRegularFile(api), "the katas are not built: make build");
        plantCanaries();
        Map<String, String> canaries = fingerprint(CANARY);
        Map<String, String> cache = fingerprint(CACHE);
        String name = "PlainAttack" + Integer.toHexString(attack.body().hashCode());
        Path jar = Fixture.learnerJar(name, Map.of("learner." + name, hostileBank(name, attack.body())), api);
        Path json = Fixture.ROOT.resolve("results/" + name + ".json");
        Process victim = new ProcessBuilder("sleep", VICTIM).start();
        Fixture.Outcome o;
        boolean victimAlive;
        try {
            o = withSandbox(sandbox, () -> Fixture.runRaw(json, "submit", "--problems", PROBLEMS.toString(),
                    "--day", "19", "--jar", jar.toString(), "--who", "test", "--no-recording",
                    "--results", Fixture.ROOT.resolve("results").toString(), "--json", json.toString()));
        } finally {
            victimAlive = victim.isAlive();
            victim.destroyForcibly().waitFor();
        }
        List<String> broken = new ArrayList<>();
        if (o.exitCode() != 0 || o.result() == null) {
            broken.add("no verdict (exit " + o.exitCode() + ")");
        } else if (!"ACCEPTED".equals(o.verdict())) {
            broken.add("verdict " + o.verdict() + " (a correct bank whose attack did nothing is ACCEPTED)");
        }
        if (!fingerprint(CANARY).equals(canaries)) {
            broken.add("canary files changed");
        }
        if (!fingerprint(CACHE).equals(cache)) {
            broken.add("agent cache changed");
        }
        if (!victimAlive) {
            broken.add("another process ended");
        }
        List<String> left = leftBehind();
        if (!left.isEmpty()) {
            broken.add("processes left: " + left);
            left.forEach(p -> ProcessHandle.of(Long.parseLong(p.split(" ")[0])).ifPresent(ProcessHandle::destroyForcibly));
        }
        TABLE.put(attack + (sandbox ? "  [sandbox on]" : "  [JVM layer only]"),
                broken.isEmpty() ? "stopped (" + o.verdict() + ")" : "GOT THROUGH: " + broken);
        if (o.result() != null) {
            String checked = java.util.stream.StreamSupport.stream(o.result().get("tests").spliterator(), false)
                    .filter(t -> t.get("name").asText().startsWith("Day19Linearizability"))
                    .map(t -> t.path("output").asText()).findFirst().orElse("");
            assertTrue(checked.contains("attack ran"), () -> "the attack never ran under Lincheck:\n" + o);
        }
        if (sandbox) {
            assertEquals(List.of(), broken, () -> attack + " with the sandbox on:\n" + o);
            assertTrue(o.out().contains("Sandbox  bubblewrap"), o::toString);
            assertTrue(o.result().path("environment").path("sandbox").asText().startsWith("bubblewrap"),
                    o::toString);
        }
    }

    /** Day 19's kept bank, right in every call (one lock): the attacks' carrier. */
    private static final Path ONE_LOCK = PROBLEMS.resolve("day19-mutex/solutions/accepted/OneLock.java");

    /**
     * Day 19's kept {@code OneLock} bank, as class {@code learner.NAME}, that runs {@code attack} once under
     * Lincheck's check, at the head of {@code open}.
     */
    private static String hostileBank(String name, String attack) throws IOException {
        String bank = Files.readString(ONE_LOCK);
        bank = replaceOnce(bank, "package katas.day19.solutions.accepted;", "package learner;\n" + IMPORTS);
        bank = replaceOnce(bank, "class OneLock implements Bank {", """
                class %s implements Bank {
                    private static final java.util.concurrent.atomic.AtomicBoolean ATTACKED =
                            new java.util.concurrent.atomic.AtomicBoolean();
                """.formatted(name));
        return replaceOnce(bank, "void open(int accounts, long initialBalance) {", """
                void open(int accounts, long initialBalance) {
                    if (StackWalker.getInstance().walk(s -> s.anyMatch(f -> f.getClassName().contains(".lincheck.")))
                            && ATTACKED.compareAndSet(false, true)) {
                        try {
                            %s
                            System.out.println("attack ran: nothing refused it");
                        } catch (Throwable t) {
                            System.out.println("attack ran: " + t);
                        }
                    }
                """.formatted(attack));
    }

    /** {@code source} with its one {@code anchor} replaced: a kept solution rewritten so, fails clearly. */
    private static String replaceOnce(String source, String anchor, String with) {
        int at = source.indexOf(anchor);
        if (at < 0 || source.indexOf(anchor, at + 1) >= 0) {
            throw new IllegalStateException(ONE_LOCK + " no longer holds '" + anchor + "' once: the attack "
                    + "cannot be put into it");
        }
        return source.substring(0, at) + with + source.substring(at + anchor.length());
    }

    /** Runs one judging with the OS sandbox on or off (the judge reads {@code katas.sandbox}). */
    private static Fixture.Outcome withSandbox(boolean on, java.util.function.Supplier<Fixture.Outcome> judging) {
        String old = System.getProperty("katas.sandbox");
        System.setProperty("katas.sandbox", on ? "on" : "off");
        try {
            return judging.get();
        } finally {
            if (old == null) {
                System.clearProperty("katas.sandbox");
            } else {
                System.setProperty("katas.sandbox", old);
            }
        }
    }

    @AfterAll
    static void printWhatTheJvmLayerAloneStops() {
        System.out.println("Hostile catalogue (which layer stops what):");
        TABLE.forEach((k, v) -> System.out.printf("  %-100s %s%n", k, v));
    }

    /**
     * A listener on this machine's first non-loopback address (an address off the loopback that needs no
     * network beyond the machine), counting the connections it accepts; on loopback when there is none (the
     * network attacks are then skipped).
     */
    static final class Outside {
        private static final java.util.concurrent.atomic.AtomicInteger ACCEPTED = new java.util.concurrent.atomic.AtomicInteger();
        private static final java.net.ServerSocket SERVER = open();

        static String host() {
            return SERVER.getInetAddress().getHostAddress();
        }

        static int port() {
            return SERVER.getLocalPort();
        }

        static int connections() {
            return ACCEPTED.get();
        }

        static boolean offLoopback() {
            return !SERVER.getInetAddress().isLoopbackAddress();
        }

        /** A connection from the test itself is counted: the attacks' zero means something. */
        static void checkItCounts() throws IOException, InterruptedException {
            int before = ACCEPTED.get();
            try (java.net.Socket s = new java.net.Socket(SERVER.getInetAddress(), SERVER.getLocalPort())) {
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (ACCEPTED.get() == before && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            assertTrue(ACCEPTED.get() > before, "the listener on " + host() + " counts no connection");
        }

        private static java.net.ServerSocket open() {
            try {
                java.net.InetAddress address = java.net.NetworkInterface.networkInterfaces()
                        .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (java.net.SocketException e) { return false; } })
                        .flatMap(java.net.NetworkInterface::inetAddresses)
                        .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
                        .findFirst().orElse(java.net.InetAddress.getLoopbackAddress());
                java.net.ServerSocket server = new java.net.ServerSocket(0, 50, address);
                Thread.ofPlatform().daemon().name("catalogue-outside-listener").start(() -> {
                    while (true) {
                        try (java.net.Socket s = server.accept()) {
                            ACCEPTED.incrementAndGet();
                        } catch (IOException e) {
                            return;
                        }
                    }
                });
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void plantCanaries() throws IOException {
        Files.createDirectories(CANARY);
        try (var files = Files.list(CANARY)) {
            for (Path p : files.toList()) {
                Files.delete(p); // what a previous attack wrote, if one got through
            }
        }
        Path c = CANARY.resolve("canary.txt");
        Files.writeString(c, "do not touch");
        Files.setPosixFilePermissions(c, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** Each file under {@code dir}: content hash, mode and modification time. */
    private static Map<String, String> fingerprint(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                byte[] sum = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(sum) + " "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        assertNotNull(out);
        return out;
    }

    private static List<String> leftBehind() throws InterruptedException {
        for (int i = 0; i < 50 && ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive); i++) {
            Thread.sleep(100);
        }
        List<String> left = new ArrayList<>(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
        // A detached process escapes the descendants: look for the marker command line by ps.
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(DETACHED))
                .forEach(p -> left.add(p.pid() + " " + p.info().commandLine().orElse("?")));
        assertNotEquals(null, left);
        return left;
    }
}
