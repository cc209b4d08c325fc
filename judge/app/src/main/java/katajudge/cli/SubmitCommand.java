package katajudge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import katajudge.Judge;
import katajudge.report.ConsoleReport;
import katajudge.report.Result;
import katajudge.report.ResultStore;
import katajudge.report.Style;
import katajudge.run.BadInputException;
import katajudge.run.CleanupOnExit;
import katajudge.run.JudgeHome;
import katajudge.run.ModuleBuilder;
import katajudge.run.RunRequest;
import katajudge.run.Submission;
import katajudge.score.Verdict;
import katajudge.spec.Problem;
import katajudge.trace.ReportFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "submit", sortOptions = false,
        description = {
                "Judges one day of a learner's solutions and prints the verdict, the score and why.",
                "",
                "The submission runs in a fresh JVM under the judge's agent: hidden tests first, then the speedup workload (baseline and submission interleaved), with leaks, deadlocks, busy waiting and time limits watched throughout. The result is written as JSON to <results>/dayNN.json and the attempt appended to <results>/history.jsonl; beside it, dayNN.html shows the threads over time (from dayNN.jfr, a flight recording JDK Mission Control opens)."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  judge submit --day 1 --module submissions/alice",
                "  judge submit --day 3 --jar build/mine.jar --who bob --json out/day03.json"})
final class SubmitCommand extends JudgeCommand {

    @Option(names = "--day", required = true, paramLabel = "N", converter = Day.class,
            description = "The day to judge, 1..30.")
    int day;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--jar", paramLabel = "PATH", description = "A built jar with the solution.")
        Path jar;

        @Option(names = "--module", paramLabel = "DIR",
                description = "A learner's module: the judge compiles its src/main/java (BUILD_FAILED if the day's files do not compile).")
        Path module;
    }

    @Mixin
    Learner learner;

    @Mixin
    LimitScale limitScale;

    @Option(names = "--json", paramLabel = "PATH", description = "Write the result here instead of <results>/dayNN.json.")
    Path json;

    @Option(names = "--no-recording",
            description = "Do not record the threads (JDK Flight Recorder): the page then has no timeline.")
    boolean noRecording;

    @Option(names = "--results", paramLabel = "DIR",
            description = "The learner's results folder (default: <module>/results, or submissions/<who>/results).")
    Path results;

    /** When this JVM started: the whole judging, as the learner waits for it, counts from here. */
    private final long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    private long compileMillis;
    private Progress progress;
    private long startMillis;
    private long commandStart;
    /** The recording, read while the judging is scored and its verdict printed. */
    private final ReportFiles.Reading reading = new ReportFiles.Reading();
    private static final java.util.concurrent.atomic.AtomicBoolean FIRST_IN_THIS_JVM =
            new java.util.concurrent.atomic.AtomicBoolean(true);

    @Override
    public Integer call() throws Exception {
        // The JVM's own start is this judging's only for the first command a JVM runs (a CLI call);
        // a long-lived JVM that judges again (tests, tools) started long before this judging.
        commandStart = System.currentTimeMillis();
        startMillis = FIRST_IN_THIS_JVM.getAndSet(false) ? commandStart - jvmStart : 0;
        progress = Progress.forThisTerminal(err(), Style.detect());
        JudgeHome home = home();
        home.checkBuilt();
        Problem problem = Problems.load(home, day);
        String name = learner.or(source.module != null
                ? source.module.toAbsolutePath().normalize().getFileName().toString() : "anonymous");
        new Learner.Name().convert(name);
        ResultStore store = new ResultStore(results != null ? results : source.module != null
                ? source.module.resolve("results") : home.projectRoot().resolve("submissions").resolve(name).resolve("results"));
        Path resultFile = json != null ? json : store.fileFor(day);
        // The last judging's recording must not pass for this one's (a build failure records nothing).
        Files.deleteIfExists(ReportFiles.recordingFor(resultFile));
        Path jar = source.jar;
        List<String> warnings = List.of();
        if (source.module != null) {
            if (!Files.isDirectory(source.module)) {
                throw new BadInputException("no module folder at " + source.module + " (make new WHO=" + name + ")");
            }
            progress.step("compiling " + source.module);
            long compileStart = System.nanoTime();
            var built = ModuleBuilder.build(source.module, home.apiJar(), problem.spec().api());
            compileMillis = (System.nanoTime() - compileStart) / 1_000_000;
            if (built instanceof ModuleBuilder.Outcome.Failed failed) {
                return report(Judge.buildFailed(problem, name, source.module.toString(), failed.errors()), store,
                        List.of());
            }
            var ok = (ModuleBuilder.Outcome.Built) built;
            jar = ok.jar();
            warnings = ok.warnings();
        }
        Submission submission;
        try {
            submission = Submission.inspect(jar, problem.spec().api());
        } catch (BadInputException e) {
            throw source.module == null ? e : new BadInputException(inModuleTerms(e.getMessage(), jar, source.module));
        }
        progress.step("starting a child JVM under the judge's agent for " + submission.implementation());
        RunRequest request = RunRequest.builder().home(home).problem(problem).submission(submission)
                .recordTo(noRecording ? null : ReportFiles.recordingFor(resultFile)).recorded(reading::recorded)
                .progress(progress).limitScale(limitScale.factor).build();
        Result result = Judge.judge(request, name);
        return report(result, store, warnings);
    }

    /**
     * A problem with the jar the judge built, said in the learner's terms: their module instead of the
     * built jar, and their source files instead of class names ("two implementations" names both files).
     */
    static String inModuleTerms(String message, Path jar, Path module) {
        String text = message.replace(jar.toString(), "your module " + module);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([\\w.$]+(?:, [\\w.$]+)*)]").matcher(text);
        if (!m.find()) {
            return text;
        }
        String files = java.util.Arrays.stream(m.group(1).split(", "))
                .map(c -> module.resolve("src/main/java").resolve(c.replaceAll("\\$.*", "").replace('.', '/') + ".java")
                        .toString())
                .collect(java.util.stream.Collectors.joining(", "));
        return text.substring(0, m.start()) + "(" + files + ")" + text.substring(m.end());
    }

    private int report(Result result, ResultStore store, List<String> warnings) throws Exception {
        if (CleanupOnExit.stopping()) {
            // Stopped half-way (Ctrl-C): the child was killed by the judge, not by the learner's code.
            return JudgeCli.BAD_INPUT;
        }
        result = result.withTiming(result.timing().whole(startMillis, compileMillis,
                System.currentTimeMillis() - commandStart + startMillis));
        Style style = Style.detect();
        progress.done();
        warnings.forEach(w -> out().println(style.yellow("Warning  ") + w));
        new ConsoleReport(out(), style).print(result);
        Path saved = store.save(result, json);
        out().println("Result   " + saved);
        Path sources = source.module == null ? null : source.module.resolve("src/main/java");
        out().println("Report   " + ReportFiles.writePage(result, saved, sources, reading).toAbsolutePath().toUri()
                + "   (threads over time; make report DAY=" + result.day() + " opens it)");
        out().flush();
        return result.verdict() == Verdict.JUDGE_ERROR ? JudgeCli.JUDGE_FAULT : JudgeCli.OK;
    }
}
