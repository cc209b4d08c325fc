package katajudge.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import katajudge.protocol.ChildConfig;
import katajudge.protocol.Policy;
import katajudge.protocol.ProtocolJson;
import katajudge.protocol.Event;
import katajudge.spec.ProblemSpec;

/**
 * Forks the child JVM for one judging and watches it from outside: a fresh
 * JVM with the agent, a heap cap, a hard wall-clock limit after which the
 * whole process tree is killed, and a result channel only the judge can
 * write to ({@link ResultChannel}). The child runs inside the OS
 * {@link Sandbox} when it is on, and in a locked-down JVM either way: no
 * native access for learner code, no attach, bounded direct memory and
 * stacks, and the first OutOfMemoryError (caught or not) ends the run. The
 * judge's code there is the named module {@code katajudge.child}, which opens
 * and exports nothing ({@link JudgeHome#childModuleOptions}): the JVM refuses
 * learner code any reflection into it.
 */
public final class ChildProcess {

    /** Learner output that reaches the real standard error is kept up to this size. */
    private static final int STDERR_KEEP = 8 * 1024;
    /** How long a child JVM may take to start (before the run's own limit applies). */
    private static final long STARTUP_LIMIT_MS = Policy.DEFAULT.startupLimitMs();
    /** Extra heap headroom the JVM itself needs beyond the kata's limit. */
    private static final int JVM_HEADROOM_MB = Policy.DEFAULT.jvmHeadroomMb();

    private ChildProcess() {}

    /** The modules a judging child can use; everything else in the JDK is absent from it. */
    private static final String CHILD_MODULES = "java.se,jdk.httpserver,jdk.net,jdk.unsupported,jdk.charsets,"
            + "jdk.localedata,jdk.crypto.ec,jdk.zipfs";

    /**
     * Added when the judging is recorded for its report page. Absent otherwise (verify, grading): with
     * jdk.jfr present JUnit registers flight-recording listeners of its own, about 0.15 s of CPU per child.
     */
    private static final String RECORDING_MODULE = "jdk.jfr";

    /** The child's entry point. */
    private static final String CHILD_MAIN = "katajudge.child.ChildMain";

    /** Direct (off-heap) memory a judging may use. */
    private static final int DIRECT_MEMORY_MB = 64;
    /** Class metadata a judging may load (JUnit, Lincheck and Kotlin take about a tenth of it). */
    private static final int METASPACE_MB = 256;
    /**
     * Memory besides the heap the kernel lets a judging use (where it can
     * bound it, Cgroups): the JVM's own (code, metadata, its threads),
     * thread stacks, direct buffers.
     */
    private static final int NATIVE_MEMORY_MB = 512;
    /**
     * All the files a sandboxed child writes in its run folder together: a flight recording's chunks (a few
     * MB), Lincheck's and the learner's scratch files. Memory, not disk: charged to the child's memory
     * group where there is one.
     */
    private static final int SCRATCH_MB = 256;

    /**
     * Each child starts in a session of its own, where the machine has {@code setsid}: a Ctrl-C at the
     * terminal signals the terminal's process group, and a child in it would die at once, racing the judge's
     * own stop (a judging could be scored, even saved, as the learner's crash before the judge knew it was
     * stopping). Out of the group, only the judge hears it, marks itself stopping, then ends its children
     * (CleanupOnExit). A judge killed outright takes them with it all the same: the sandbox dies with its
     * parent, and the child halts when the judge's end of its standard input closes (JudgeLine).
     * A process the JVM starts leads no process group, so setsid makes the session in place and execs: the
     * child keeps its pid, which the judge tracks.
     */
    private static final List<String> OWN_SESSION = Files.isExecutable(Path.of("/usr/bin/setsid"))
            ? List.of("/usr/bin/setsid") : List.of(); // no options: BusyBox's has none of util-linux's long ones

    /** Judges the day's code of the submission ({@code scope}: another day's classes cannot be reached, even by name). */
    public static Observation run(RunRequest request, DayScope scope, Sandbox sandbox) throws IOException {
        ProblemSpec spec = request.problem().spec();
        double scale = request.limitScale();
        // Absolute: the child starts in the folder's work folder, and reads the judge's files from their paths.
        Path dir = (request.workDir() != null ? Files.createTempDirectory(request.workDir(), "run-")
                : Files.createTempDirectory("katas-run-")).toAbsolutePath();
        CleanupOnExit.track(dir);
        try {
            Path recording = request.recordTo() == null ? null : dir.resolve("recording.jfr");
            ProblemSpec.Speedup speedup = spec.speedup();
            Path testsJar = SolutionJar.testsOnly(request.home().packJar(),
                    speedup == null ? null : speedup.baseline(), dir);
            Path submission = scope.narrowed(dir);
            ChildConfig config = configFor(request, scale, recording, testsJar, submission);
            Path configFile = dir.resolve("child.json");
            Files.writeString(configFile, ProtocolJson.write(config));
            long runLimit = Math.round(spec.limits().runTimeoutMs() * scale);
            Observation main = fork(request.home(), spec, config, configFile, dir, runLimit, true, sandbox,
                    request.progress(), request.machine());
            // A deadlock, time limit or thread bomb costs the test it stopped, not the day: the tests not yet
            // run go to a fresh child (the stopped one's threads cannot be trusted), within the run's limit.
            // Each fresh child skips more tests than the one before (the stopped test at least), so this ends.
            Observation last = main;
            int skipped = 0;
            for (String stopped; (stopped = last.stoppedTest()) != null; ) {
                List<String> skip = main.testsToSkip(stopped);
                long left = runLimit - testMillis(main);
                if (skip == null || skip.size() <= skipped || left <= 0) {
                    break;
                }
                skipped = skip.size();
                Path next = dir.resolve("child-" + skipped + ".json");
                ChildConfig continuing = config.continuing(skip);
                Files.writeString(next, ProtocolJson.write(continuing));
                last = fork(request.home(), spec, continuing, next, dir, left, true, sandbox, request.progress(),
                        request.machine());
                main = main.continuedBy(last, spec.speedup() != null);
            }
            if (keepRecording(recording, request.recordTo())) {
                request.recorded().accept(request.recordTo());
            }
            if (spec.plainTests().isEmpty() || !main.finished() || main.first(Event.Finished.class).aborted()) {
                return main;
            }
            ChildConfig plain = plainConfig(config, spec.plainTests());
            Path plainFile = dir.resolve("plain.json");
            Files.writeString(plainFile, ProtocolJson.write(plain));
            // Lincheck's plain JVM runs in the same sandbox as the main child: it gets its instrumentation from
            // an agent started with the JVM, not by attaching (JudgeHome.plainAgentOptions).
            return main.merge(fork(request.home(), spec, plain, plainFile, dir, runLimit, false, sandbox,
                    request.progress(), request.machine()), spec.plainTests());
        } finally {
            deleteTree(dir);
            CleanupOnExit.forget(dir);
        }
    }

    /** Whether the kata's timed runs keep the cores busy (its spec says so): they need the machine and C2. */
    private static boolean cpuBound(ProblemSpec spec) {
        return spec.speedup() != null && spec.speedup().cpuBound();
    }

    /** What the run's limit was spent on so far: the tests, finished or stopped (JVM starts are the judge's). */
    private static long testMillis(Observation seen) {
        return seen.all(Event.TestFinished.class).stream().mapToLong(Event.TestFinished::millis).sum()
                + seen.all(Event.Timeout.class).stream().mapToLong(Event.Timeout::elapsedMs).sum();
    }

    /** Copies the child's recording out of the run folder (deleted after the run); none is no error. */
    private static boolean keepRecording(Path recording, Path target) {
        if (recording == null) {
            return false;
        }
        try {
            Files.deleteIfExists(target);
            if (Files.isRegularFile(recording) && Files.size(recording) > 0) {
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.copy(recording, target);
                return true;
            }
        } catch (IOException ignored) {
            // the page then has no timeline; the verdict does not depend on it
        }
        return false;
    }

    static ChildConfig configFor(RunRequest request, double scale, Path recording, Path testsJar, Path submission) {
        ProblemSpec spec = request.problem().spec();
        JudgeHome home = request.home();
        ProblemSpec.Speedup speedup = spec.speedup();
        return new ChildConfig(spec.api(), request.submission().implementation(),
                submission.toString(),
                List.of(home.apiJar().toString(), testsJar.toString()),
                spec.tests(),
                speedup == null ? null : speedup.workload(),
                speedup == null ? null : speedup.baseline(),
                speedup == null ? 0 : speedup.runs(),
                Math.round(spec.limits().testTimeoutMs() * scale),
                spec.limits().lingerMs(),
                Policy.DEFAULT.scaled(scale),
                spec.hygiene().busyWait() ? Policy.DEFAULT.busyWaitShare() : 0,
                Policy.DEFAULT.threadCap(spec.hygiene().maxThreads()),
                Policy.DEFAULT.outputLimitBytes(),
                true,
                recording == null ? null : recording.toString(),
                spec.explore() == null ? null
                        : spec.explore().seed() != null ? spec.explore().seed() : new SecureRandom().nextLong(),
                List.of(),
                spec.hygiene().maxThreads(),
                scale);
    }

    /** The same judging's tests for tools with agents of their own: no agent of ours, no detection but time. */
    private static ChildConfig plainConfig(ChildConfig c, List<String> tests) {
        return new ChildConfig(c.api(), c.implementation(), c.submissionJar(), c.problemJars(), tests, null, null, 0, c.testTimeoutMs(), 0, c.policy(), 0, Integer.MAX_VALUE,
                c.outputLimitBytes(), false, null, null, List.of(), 0, c.limitScale());
    }

    private static Observation fork(JudgeHome home, ProblemSpec spec, ChildConfig config, Path configFile, Path dir,
                                    long runLimit, boolean instrumented, Sandbox sandbox,
                                    java.util.function.Consumer<Event> progress, MachineShare.Use machine)
            throws IOException {
        // The child's own folder, its working directory and temporary folder, the one place its code may write
        // (the judge's files beside it are not: the guard refuses, the sandbox binds them read-only).
        Path work = Files.createDirectories(dir.resolve("work"));
        int threadCap = config.threadCap() == Integer.MAX_VALUE ? 4096 : config.threadCap();
        // Processes and threads the kernel allows: the cap, plus the JVM's own threads and a margin.
        int tasks = threadCap + 256;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        List<String> java = new ArrayList<>(List.of(javaBinary.toString()));
        // With the agent its runtime is patched into java.base and the agent opens what the judge needs to
        // the judge alone; tools with agents of their own (Lincheck) get theirs from Byte Buddy's agent.
        java.addAll(instrumented ? home.agentOptions() : home.plainAgentOptions());
        // Only the JDK's standard modules and the few others katas use: no jdk.management (heap dumps
        // that would put the channel's key in a file), no attach, no serviceability agent, no JFR.
        String modules = CHILD_MODULES + (config.recording() == null ? "" : "," + RECORDING_MODULE);
        // The judge runs as a named module: it is named in the limit too, or its dependencies on the module path
        // would not be seen; the JDK's are added as roots, or only the judge module's requires would be resolved
        // (the kata's and the learner's code use them).
        java.addAll(List.of("--limit-modules", modules + "," + JudgeHome.CHILD_MODULE, "--add-modules", modules));
        if (!instrumented) {
            // Without our agent its runtime is patched into java.base all the same (the judge's module reads it
            // there, as in the other JVM; nothing is woven), and Lincheck, its Kotlin and Byte Buddy's agent
            // are on the class path, where the hidden Lincheck checks find them.
            java.addAll(List.of("--patch-module", "java.base=" + home.libDir().resolve("judge-agent-runtime.jar"),
                    "-cp", home.appJar().toString()));
        }
        // No attach, in either JVM: nothing may load an agent into a judging.
        java.add("-XX:+DisableAttachMechanism");
        if (!(instrumented && cpuBound(spec))) {
            // C1 only: a judging JVM lives seconds, and C2 compiling JUnit's, the judge's and Lincheck's code
            // costs more than it saves (day 3 reference: 0.81x CPU for the whole judging; day 20's, whose
            // Lincheck check is most of it: 0.62x CPU, 0.59x wall). The child that times a CPU-bound kata's
            // speedup keeps C2: that speedup is about compiled code, as a real JVM runs it.
            java.add("-XX:TieredStopAtLevel=1");
        }
        java.addAll(List.of(
                // sun.misc.Unsafe reads and writes any memory, the channel's key included: denied where our
                // agent runs (its woven classes come from the cache, no Byte Buddy injection in a judging).
                // Allowed in Lincheck's plain JVM, which needs it: denied there, its model checker reported
                // day 19's reference as "The execution has hung" (a WRONG_ANSWER that was Lincheck's own).
                "--sun-misc-unsafe-memory-access=" + (instrumented ? "deny" : "allow"),
                // Learner code may not call native code (FFM downcalls, System.load): the JDK only warns
                // by default. The judge's own modules need none, nor do Lincheck and Byte Buddy's agent.
                "--illegal-native-access=deny",
                // No JVM signal handlers: a SIGTERM or SIGINT ends the child at once, running no learner
                // shutdown hook (the child itself always ends with halt, which runs none either).
                "-Xrs",
                "-XX:MaxDirectMemorySize=" + DIRECT_MEMORY_MB + "m",
                "-XX:MaxMetaspaceSize=" + METASPACE_MB + "m",
                "-Xss" + katajudge.runtime.ThreadStacks.MAX_BYTES / 1024 + "k", // and no thread gets more
                // An OutOfMemoryError ends the run even when learner code catches it: MEMORY_LIMIT.
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+DisplayVMOutputToStderr", // the JVM's own last words are not on the result channel
                "-Xmx" + (spec.limits().heapMb() + JVM_HEADROOM_MB) + "m",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + work,
                // The recording starts before the child reads its configuration (Recorder), so it is named here.
                "-D" + katajudge.child.Recorder.PROPERTY + "=" + Objects.requireNonNullElse(config.recording(), "")));
        // In both JVMs the judge's code runs as a named module no learner code can reach (JudgeHome).
        java.addAll(home.childModuleOptions(CHILD_MAIN));
        java.add(configFile.toString());
        // The one file the child writes that the judge reads back: its recording (made here, so the sandbox
        // can bind it; an empty one is no recording).
        List<Path> writeBack = new ArrayList<>();
        if (config.recording() != null) {
            Path recording = Path.of(config.recording());
            if (!Files.exists(recording)) {
                Files.createFile(recording);
            }
            writeBack.add(recording);
        }
        Sandbox.Launch launch = sandbox.wrap(java, dir, work, writeBack, new Sandbox.Limits(
                // CPU of every core for the whole run, and start-up: a backstop behind the wall-clock kill.
                (STARTUP_LIMIT_MS + runLimit) / 1000 * Math.max(1, Runtime.getRuntime().availableProcessors()),
                tasks, 1L << 30, 4096, SCRATCH_MB * 1024L * 1024L));
        // Where the machine allows it, the kernel bounds memory (heap and native) and tasks too (Cgroups).
        long memoryBytes = (spec.limits().heapMb() + JVM_HEADROOM_MB + NATIVE_MEMORY_MB + SCRATCH_MB) * 1024L * 1024L;
        Cgroups.Group group = sandbox.on() ? Cgroups.open(Cgroups.available(), memoryBytes, tasks) : null;
        List<String> command = new ArrayList<>(OWN_SESSION);
        command.addAll(group == null ? List.of() : group.enter());
        command.addAll(launch.command());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        // The child sees none of the judge's environment (a grading key, tokens): only what a JVM needs.
        var env = builder.environment();
        env.keySet().retainAll(List.of("PATH", "LANG", "LC_ALL", "TZ"));
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            if (group != null) {
                group.close();
            }
            throw e;
        }
        CleanupOnExit.track(process);
        OutputStream stdin = process.getOutputStream();
        try {
            stdin.write((HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
        } catch (IOException ignored) {
            // the child died at once; what it wrote on stderr tells why
        }
        // Only a workload that keeps the cores busy needs the machine to itself; a sleep-bound one is timed
        // beside other judgings as it would be anywhere.
        SpeedupGate gate = new SpeedupGate(cpuBound(spec) ? machine : null,
                stdin);
        ResultChannel channel = new ResultChannel(key, e -> {
            gate.onEvent(e);
            progress.accept(e);
        });
        List<Event> events = channel.events();
        StringBuilder stderr = new StringBuilder();
        Thread out = Thread.ofVirtual().start(() -> channel.read(process.getInputStream()));
        Thread err = Thread.ofVirtual().start(() -> keepTail(process.getErrorStream(), stderr));
        boolean killed = false;
        boolean ended = false;
        TestClock.Overrun overran = null;
        try {
            // The run's limit starts once the child is up: a slow JVM start (the first weave of the
            // agent, an overloaded machine) is the judge's time, not the learner's.
            long startupDeadline = System.nanoTime() + STARTUP_LIMIT_MS * 1_000_000L;
            while (process.isAlive() && events.stream().noneMatch(e -> e instanceof Event.Started)
                    && System.nanoTime() < startupDeadline) {
                Thread.sleep(10);
            }
            // The run's limit, and each test's from the events: the child's watchdog is the first to stop
            // a test, the parent the one learner code cannot reach.
            TestClock clock = new TestClock(config);
            long runDeadline = System.nanoTime() + runLimit * 1_000_000L;
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                if (channel.finished()) {
                    // Its last event is in (sent after its recording was written) and a halt(0) is all that
                    // follows: the JVM's own exit, 0.1 s, 0.35 s once JFR ran (the VM waits for JFR's
                    // threads), is no one's time.
                    ended = true;
                    killTree(process);
                    break;
                }
                if (gate.waiting()) {
                    continue; // waiting for the machine to time the workload: the judge's time, not the run's
                }
                TestClock.Overrun overrun = clock.check(events,
                        Math.min(channel.silentMillis(), gate.millisSinceGo()));
                if (overrun != null) {
                    overran = overrun;
                    killTree(process);
                } else if (System.nanoTime() > runDeadline + gate.waitedNanos()) {
                    killed = true;
                    killTree(process);
                }
            }
            out.join(2_000);
            err.join(2_000);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
        }
        gate.close();
        CleanupOnExit.forget(process);
        Cgroups.Hits hits = group == null ? new Cgroups.Hits(false, false) : group.hits();
        if (group != null) {
            group.close();
        }
        // The child's own time: waiting for the machine (other judgings ending) is not part of it.
        long wall = (System.nanoTime() - start - gate.waitedNanos()) / 1_000_000;
        String tail;
        synchronized (stderr) {
            tail = stderr.toString();
        }
        List<Event> seen = new ArrayList<>(events);
        if (overran != null) {
            seen.add(overran.asEvent());
        }
        if (hits.memory()) {
            seen.add(new Event.KernelLimit(Event.KernelLimit.Kind.MEMORY, group.memoryBytes() / (1024 * 1024) + " MB"));
        }
        if (hits.tasks()) {
            seen.add(new Event.KernelLimit(Event.KernelLimit.Kind.TASKS, group.tasks() + " threads and processes"));
        }
        return new Observation(List.copyOf(seen), killed ? -1 : ended ? 0 : process.exitValue(), killed, wall, tail,
                runLimit,
                channel.verdictOnEnd(), sandbox);
    }

    private static void keepTail(InputStream in, StringBuilder tail) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (tail) {
                    tail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (tail.length() > 2 * STDERR_KEEP) {
                        tail.delete(0, tail.length() - STDERR_KEEP);
                    }
                }
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    /** Kills the child and everything it started, children first. */
    static void killTree(Process process) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is not worth failing a verdict for
        }
    }
}
