package katajudge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import katajudge.child.Recorder;
import katajudge.protocol.Policy;
import katajudge.protocol.ProgramConfig;
import katajudge.protocol.ProtocolJson;
import katajudge.run.BadInputException;
import katajudge.run.JudgeHome;
import katajudge.trace.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", sortOptions = false,
        description = {
                "Runs any Java program under the judge's agent, with its own input and output, and tells",
                "you on standard error, Go style:",
                "  - \"all threads are asleep - deadlock!\" as soon as every thread of the program waits",
                "    forever (locks, monitors, queues, latches, futures; platform and virtual threads),",
                "    with every thread's stack, where it was created, what it waits on, who holds it,",
                "    and the lock cycle when there is one;",
                "  - the threads still alive when the program ends, with where each was created;",
                "  - where every thread is when the time limit runs out.",
                "Assertions are on (as java -ea) unless --no-ea. With --explore N it runs the program",
                "up to N times, each under a different seeded schedule (threads held back for a moment",
                "at field accesses, locks, atomics, wait/notify, thread start), and stops at the first",
                "schedule that fails: an exception or failed assert in any thread, a deadlock, the time",
                "limit, or a non-zero System.exit. It prints that schedule's seed; --seed replays it.",
                "",
                "Exit code: the program's own; 1 when an uncaught exception ended any of its threads",
                "(plain java says 0 unless it was main); 2 after a deadlock (as Go); 3 after the time",
                "limit."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  judge run --jar problems/day26-*/demo/deadlock.jar",
                "  judge run --jar app.jar --main com.example.Main --timeout 30 -- --port 8080",
                "  judge run --jar racy.jar --explore 200",
                "  judge run --jar racy.jar --seed 7046029254386353131"})
final class RunCommand extends JudgeCommand {

    @Option(names = "--jar", required = true, paramLabel = "PATH", description = "The program's jar.")
    Path jar;

    @Option(names = "--main", paramLabel = "CLASS", description = "The main class (default: the jar's Main-Class).")
    String mainClass;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Wall-clock limit (default: ${DEFAULT-VALUE} s).")
    long timeoutSeconds;

    @Option(names = "--deadlock-window", paramLabel = "MS",
            description = "How long every thread must stay asleep before it is called a deadlock "
                    + "(default: ${DEFAULT-VALUE} ms).")
    long deadlockWindowMs = Policy.DEFAULT.programDeadlockWindowMs();

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also record the run (JDK Flight Recorder) and write a page: a timeline of every thread "
                    + "coloured by state, and the wait-for graph of a deadlock. The recording is kept beside it "
                    + "(FILE with .jfr) for JDK Mission Control.")
    Path html;

    @Option(names = "--no-ea", description = "Do not check the program's assert statements (checked by default).")
    boolean noAssertions;

    @Option(names = "--explore", paramLabel = "N", description = "Run the program up to N times under different "
            + "seeded schedules; stop at the first that fails and print its seed.")
    Integer schedules;

    @Option(names = "--seed", paramLabel = "S", description = "The schedule seed: with --explore, the first "
            + "schedule's (default: random); alone, replays that one schedule.")
    Long seed;

    /** For the judge's own tests: several explorations from different base seeds in one JVM. */
    @Option(names = "--explorations", hidden = true, defaultValue = "1")
    int explorations;

    @Parameters(paramLabel = "ARGS", description = "The program's arguments (after --).")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        JudgeHome home = home();
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException("no jar at " + jar);
        }
        if (schedules != null && schedules < 1 || explorations < 1) {
            throw new BadInputException("--explore takes a number of schedules, 1 or more");
        }
        String main = mainClass != null ? mainClass : mainClassOf(jar);
        // --seed alone replays one schedule; --explore alone starts from a random seed.
        int scheduleCount = schedules != null ? schedules : seed != null ? 1 : 0;
        long firstSeed = seed != null ? seed : new java.util.SplittableRandom().nextLong();
        Path dir = Files.createTempDirectory("katas-run-");
        Path config = dir.resolve("program.json");
        Files.writeString(config, ProtocolJson.write(new ProgramConfig(jar.toAbsolutePath().toString(), main, args,
                timeoutSeconds * 1000, deadlockWindowMs, Policy.DEFAULT.programLingerMs(), !noAssertions,
                scheduleCount, firstSeed, explorations)));
        Path recording = html == null ? null : ReportFiles.recordingFor(html).toAbsolutePath();
        if (recording != null) {
            Files.createDirectories(recording.getParent());
            Files.deleteIfExists(recording);
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                home.agentOption(),
                "-D" + Recorder.PROPERTY + "=" + (recording == null ? "" : recording),
                "--sun-misc-unsafe-memory-access=allow",
                "--add-opens", "java.base/java.util.concurrent.locks=ALL-UNNAMED",
                "-cp", home.appJar().toString(), "katajudge.child.ProgramMain", config.toString());
        Process p = new ProcessBuilder(command).inheritIO().start();
        int code = p.waitFor();
        if (html != null) {
            err().println("judge run: threads over time in " + ReportFiles.writeRunPage(html, jar, recording)
                    .toAbsolutePath().toUri());
        }
        Files.deleteIfExists(config);
        Files.deleteIfExists(dir);
        return code;
    }

    private static String mainClassOf(Path jar) throws BadInputException {
        try (JarFile f = new JarFile(jar.toFile())) {
            var manifest = f.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            if (main == null) {
                throw new BadInputException(jar + " names no Main-Class: pass --main CLASS");
            }
            return main;
        } catch (IOException e) {
            throw new BadInputException(jar + " cannot be read: " + e.getMessage());
        }
    }
}
