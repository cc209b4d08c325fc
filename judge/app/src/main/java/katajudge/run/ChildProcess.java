package katajudge.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import katajudge.protocol.ChildConfig;
import katajudge.protocol.Policy;
import katajudge.protocol.Event;
import katajudge.spec.ProblemSpec;

/**
 * Forks the child JVM for one judging and watches it from outside: a fresh
 * JVM with the agent, a heap cap, a hard wall-clock limit after which the
 * whole process tree is killed, and a result channel only the judge can
 * write to (a per-run secret prefixes each event line).
 */
public final class ChildProcess {

    /** Learner output that reaches the real standard error is kept up to this size. */
    private static final int STDERR_KEEP = 8 * 1024;
    /** How long a child JVM may take to start (before the run's own limit applies). */
    private static final long STARTUP_LIMIT_MS = Policy.DEFAULT.startupLimitMs();
    /** Extra heap headroom the JVM itself needs beyond the kata's limit. */
    private static final int JVM_HEADROOM_MB = Policy.DEFAULT.jvmHeadroomMb();

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChildProcess() {}

    public static Observation run(RunRequest request) throws IOException {
        ProblemSpec spec = request.problem().spec();
        double scale = request.limitScale();
        Path dir = request.workDir() != null ? Files.createTempDirectory(request.workDir(), "run-")
                : Files.createTempDirectory("katas-run-");
        CleanupOnExit.track(dir);
        try {
            Path recording = request.recordTo() == null ? null : dir.resolve("recording.jfr");
            ProblemSpec.Speedup speedup = spec.speedup();
            Path testsJar = SolutionJar.testsOnly(request.home().packJar(),
                    speedup == null ? null : speedup.baseline(), dir);
            ChildConfig config = configFor(request, scale, recording, testsJar);
            Path configFile = dir.resolve("child.json");
            JSON.writeValue(configFile.toFile(), config);
            long runLimit = Math.round(spec.limits().runTimeoutMs() * scale);
            Observation main = fork(request.home(), spec, configFile, dir, runLimit, true, request.progress());
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
                JSON.writeValue(next.toFile(), config.continuing(skip));
                last = fork(request.home(), spec, next, dir, left, true, request.progress());
                main = main.continuedBy(last, spec.speedup() != null);
            }
            keepRecording(recording, request.recordTo());
            if (spec.plainTests().isEmpty() || !main.finished() || main.first(Event.Finished.class).aborted()) {
                return main;
            }
            ChildConfig plain = plainConfig(config, spec.plainTests());
            Path plainFile = dir.resolve("plain.json");
            JSON.writeValue(plainFile.toFile(), plain);
            return main.merge(fork(request.home(), spec, plainFile, dir, runLimit, false, request.progress()));
        } finally {
            deleteTree(dir);
            CleanupOnExit.forget(dir);
        }
    }

    /** What the run's limit was spent on so far: the tests, finished or stopped (JVM starts are the judge's). */
    private static long testMillis(Observation seen) {
        return seen.all(Event.TestFinished.class).stream().mapToLong(Event.TestFinished::millis).sum()
                + seen.all(Event.Timeout.class).stream().mapToLong(Event.Timeout::elapsedMs).sum();
    }

    /** Copies the child's recording out of the run folder (deleted after the run); none is no error. */
    private static void keepRecording(Path recording, Path target) {
        if (recording == null) {
            return;
        }
        try {
            Files.deleteIfExists(target);
            if (Files.isRegularFile(recording)) {
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.copy(recording, target);
            }
        } catch (IOException ignored) {
            // the page then has no timeline; the verdict does not depend on it
        }
    }

    static ChildConfig configFor(RunRequest request, double scale, Path recording, Path testsJar) {
        ProblemSpec spec = request.problem().spec();
        JudgeHome home = request.home();
        ProblemSpec.Speedup speedup = spec.speedup();
        return new ChildConfig(spec.api(), request.submission().implementation(),
                request.submission().jar().toString(),
                List.of(home.apiJar().toString(), testsJar.toString()),
                spec.tests(),
                speedup == null ? null : speedup.workload(),
                speedup == null ? null : speedup.baseline(),
                speedup == null ? 0 : speedup.runs(),
                Math.round(spec.limits().testTimeoutMs() * scale),
                spec.limits().lingerMs(),
                Policy.DEFAULT.scaled(scale).deadlockWindowMs(),
                spec.hygiene().busyWait() ? Policy.DEFAULT.busyWaitShare() : 0,
                Policy.DEFAULT.threadCap(spec.hygiene().maxThreads()),
                Policy.DEFAULT.outputLimitBytes(),
                true,
                recording == null ? null : recording.toString(),
                spec.explore() == null ? null
                        : spec.explore().seed() != null ? spec.explore().seed() : new SecureRandom().nextLong(),
                List.of(),
                spec.hygiene().maxThreads());
    }

    /** The same judging's tests for tools with agents of their own: no agent of ours, no detection but time. */
    private static ChildConfig plainConfig(ChildConfig c, List<String> tests) {
        return new ChildConfig(c.api(), c.implementation(), c.submissionJar(), c.problemJars(), tests, null, null, 0, c.testTimeoutMs(), 0, 0, 0, Integer.MAX_VALUE,
                c.outputLimitBytes(), false, null, null, List.of(), 0);
    }

    private static Observation fork(JudgeHome home, ProblemSpec spec, Path configFile, Path dir, long runLimit,
                                    boolean instrumented, java.util.function.Consumer<Event> progress) throws IOException {
        String secret = HexFormat.of().formatHex(SecureRandom.getSeed(16));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                instrumented ? home.agentOption()
                        : "-XX:+EnableDynamicAgentLoading",
                "--sun-misc-unsafe-memory-access=allow",
                "-Xmx" + (spec.limits().heapMb() + JVM_HEADROOM_MB) + "m",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "--add-opens", "java.base/java.util.concurrent.locks=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + dir,
                "-cp", home.appJar().toString(),
                "katajudge.child.ChildMain", configFile.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        CleanupOnExit.track(process);
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the child died at once; what it wrote on stderr tells why
        }
        List<Event> events = new CopyOnWriteArrayList<>();
        StringBuilder stderr = new StringBuilder();
        Thread out = Thread.ofVirtual().start(() -> readEvents(process.getInputStream(), secret, events, progress));
        Thread err = Thread.ofVirtual().start(() -> keepTail(process.getErrorStream(), stderr));
        boolean killed = false;
        try {
            // The run's limit starts once the child is up: a slow JVM start (the first weave of the
            // agent, an overloaded machine) is the judge's time, not the learner's.
            long startupDeadline = System.nanoTime() + STARTUP_LIMIT_MS * 1_000_000L;
            while (process.isAlive() && events.stream().noneMatch(e -> e instanceof Event.Started)
                    && System.nanoTime() < startupDeadline) {
                Thread.sleep(10);
            }
            if (!process.waitFor(runLimit, TimeUnit.MILLISECONDS)) {
                killed = true;
                killTree(process);
            }
            out.join(2_000);
            err.join(2_000);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
        }
        CleanupOnExit.forget(process);
        long wall = (System.nanoTime() - start) / 1_000_000;
        String tail;
        synchronized (stderr) {
            tail = stderr.toString();
        }
        return new Observation(List.copyOf(events), killed ? -1 : process.exitValue(), killed, wall, tail, runLimit);
    }

    /**
     * Reads the child's standard output: lines that start with the run's
     * secret are events; anything else (a learner writing to the real
     * descriptor) is dropped, and a line is never kept past
     * {@link #MAX_EVENT_LINE}, so a flood costs no memory.
     */
    private static void readEvents(InputStream in, String secret, List<Event> events,
                                   java.util.function.Consumer<Event> progress) {
        String prefix = secret + " ";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = boundedLine(reader)) != null; ) {
                if (line.startsWith(prefix)) {
                    try {
                        Event event = JSON.readValue(line.substring(prefix.length()), Event.class);
                        events.add(event);
                        progress.accept(event);
                    } catch (IOException e) {
                        events.add(new Event.Fault("unreadable event from the child: " + e.getMessage()));
                    }
                }
            }
        } catch (IOException ignored) {
            // the child is gone; what it said is kept
        }
    }

    private static final int MAX_EVENT_LINE = 4 * 1024 * 1024;

    private static String boundedLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (line.length() < MAX_EVENT_LINE) {
                line.append((char) c);
            }
        }
        return c == -1 && line.isEmpty() ? null : line.toString();
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
