package katajudge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import katajudge.Judge;
import katajudge.report.Result;
import katajudge.report.ResultStore;
import katajudge.report.Style;
import katajudge.run.BadInputException;
import katajudge.run.JudgeHome;
import katajudge.run.MachineShare;
import katajudge.run.RunRequest;
import katajudge.run.SolutionJar;
import katajudge.run.Submission;
import katajudge.score.Verdict;
import katajudge.spec.Problem;
import katajudge.spec.ProblemSet;
import katajudge.spec.Solution;
import katajudge.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", sortOptions = false,
        description = {
                "Judges every solution kept in the problem folders and fails unless each gets the",
                "verdict its folder names (solutions/accepted, solutions/slow, solutions/thread_leak...).",
                "Accepted solutions must also score 100. With --sensitivity each solution is judged",
                "again at 1.5x the limits and the hidden tests' tolerances, and a verdict that flips is",
                "reported as sensitive to the time limit (as Kattis does): limits should have margins,",
                "not sit at the edge."})
final class VerifyCommand extends JudgeCommand {

    static final int MIN_WRONG_SOLUTIONS = katajudge.spec.PackageCheck.MIN_WRONG_SOLUTIONS;

    @Option(names = "--day", paramLabel = "N", description = "Only this day (default: every day).")
    Integer day;

    @Option(names = "--sensitivity", description = "Also judge at 1.5x the limits and the tests' tolerances (times "
            + "--limit-scale, at most " + SENSITIVITY_MAX + ") and warn when a verdict flips.")
    boolean sensitivity;

    /** The stretch of --sensitivity, and its ceiling: the factor the tests' tolerances accept at most. */
    static final double SENSITIVITY = 1.5;
    static final double SENSITIVITY_MAX = katas.support.Tolerance.MAX_FACTOR;

    @picocli.CommandLine.Mixin
    LimitScale limitScale;

    @Option(names = "--verbose", description = "Print the full report of every mismatch.")
    boolean verbose;

    @Option(names = "--retry", description = "Judge a solution that misses its verdict once more; it fails only if "
            + "it misses twice, and the first miss is printed as 'unstable' (for CI on a shared, noisy machine).")
    boolean retry;

    @Option(names = "--results", paramLabel = "DIR", description = "Also write each solution's result JSON here, "
            + "as dayNN-<folder>-<Class>.json (the same JSON 'judge submit --jar' writes for that solution); "
            + "an unstable one's missed first verdict beside it, as dayNN-<folder>-<Class>-first.json.")
    Path results;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Judge N solutions at a time (default: ${DEFAULT-VALUE}). Katas are mostly sleep-bound; "
                    + "each speedup is timed with the machine to itself (the other judgings end first, none starts).")
    int jobs;

    private record Row(int day, String solution, String expected, String got, double score, long millis,
                       boolean ok, String note) {}

    @Override
    public Integer call() throws Exception {
        JudgeHome home = home();
        java.io.PrintWriter out = out();
        home.checkBuilt();
        ProblemSet set = new ProblemSet(home.problemsDir());
        List<Problem> problems = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        if (day != null) {
            problems.add(Problems.load(home, day));
        } else {
            for (Path dir : set.dayFolders()) {
                try {
                    problems.add(set.read(dir));
                } catch (SpecException e) {
                    broken.add(e.getMessage());
                }
            }
        }
        Style style = Style.detect();
        List<Row> rows = new ArrayList<>();
        Path tmp = Files.createTempDirectory("katas-verify-");
        long start = System.nanoTime();
        // Printed in day order, as each one's turn comes; started in startOrder.
        java.util.Map<Solution, java.util.concurrent.FutureTask<Row>> pending = new java.util.LinkedHashMap<>();
        machine = MachineShare.of(Math.max(1, jobs));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, jobs))) {
            for (Problem p : problems) {
                long wrong = p.solutions().stream().filter(s -> !s.expected().equals("accepted")).count();
                if (wrong < MIN_WRONG_SOLUTIONS) {
                    broken.add(p.dir().resolve("solutions") + ": " + wrong + " wrong solutions, at least "
                            + MIN_WRONG_SOLUTIONS + " needed");
                }
                for (Solution s : p.solutions()) {
                    pending.put(s, new java.util.concurrent.FutureTask<>(() -> verifyOne(home, p, s, tmp)));
                }
            }
            startOrder(List.copyOf(pending.keySet())).forEach(s -> pool.execute(pending.get(s)));
            for (var f : pending.values()) {
                Row row = f.get();
                rows.add(row);
                out.printf("%s day %-2d %-44s expected %-16s got %-16s %6.1f %6d ms%s%n",
                        row.ok() ? style.green("ok  ") : style.red("FAIL"), row.day(), row.solution(),
                        row.expected(), row.got(), row.score(), row.millis(),
                        row.note().isEmpty() ? "" : "  " + style.yellow(row.note()));
                out.flush();
            }
        }
        long failed = rows.stream().filter(r -> !r.ok()).count();
        broken.forEach(b -> out.println(style.red("BROKEN ") + b));
        out.printf("verify: %d solutions of %d days, %d as expected, %d not, %d broken, in %.1f s%n",
                rows.size(), problems.size(), rows.size() - failed, failed, broken.size(),
                (System.nanoTime() - start) / 1e9);
        return failed == 0 && broken.isEmpty() ? JudgeCli.OK : JudgeCli.MISMATCH;
    }

    /**
     * A solution's judging as verify decides it.
     *
     * @param result      the result that stands (the retry's, when the first missed and the retry did not)
     * @param ok          whether it is as expected (an accepted solution scoring 100)
     * @param note        why not, or that it was unstable; "" when neither
     * @param missedFirst an unstable solution's missed first result, or null
     */
    record Decided(Result result, boolean ok, String note, Result missedFirst) {

        /**
         * Writes the result that stands as {@code NAME.json} into {@code dir} and, for an unstable solution,
         * the missed first verdict beside it as {@code NAME-first.json}: what a maintainer needs to see.
         */
        void write(Path dir, String name) throws java.io.IOException {
            Files.createDirectories(dir);
            ResultStore.JSON.writeValue(dir.resolve(name + ".json").toFile(), result);
            if (missedFirst != null) {
                ResultStore.JSON.writeValue(dir.resolve(name + "-first.json").toFile(), missedFirst);
            }
        }
    }

    /**
     * Whether {@code first} is as {@code expected}; with {@code retry}, a miss is judged once more by
     * {@code again}. A shared, noisy machine can flip a timing band once; a real mismatch repeats: a miss
     * then a hit is ok but noted as unstable (instability is never hidden), two misses keep the first.
     */
    static Decided decide(Verdict expected, Result first, boolean retry, java.util.concurrent.Callable<Result> again)
            throws Exception {
        if (asExpected(expected, first)) {
            return new Decided(first, true, "", null);
        }
        if (retry) {
            Result second = again.call();
            if (asExpected(expected, second)) {
                return new Decided(second, true, "unstable: got " + first.verdict() + " " + first.score().total()
                        + " first" + why(first) + ", as expected on retry", first);
            }
        }
        String note = first.verdict() == expected ? "accepted but scored " + first.score().total() + ", not 100" : "";
        return new Decided(first, false, note, null);
    }

    /**
     * What made a missed verdict, in a line: the headline of its first finding of that verdict (the test that
     * failed and how), so a flip in CI can be read from the log alone.
     */
    static String why(Result r) {
        return r.findings().stream().filter(f -> f.verdict() == r.verdict()).findFirst()
                .map(f -> f.headline().strip().lines().findFirst().orElse(""))
                .filter(line -> !line.isEmpty())
                .map(line -> " (" + (line.length() > 200 ? line.substring(0, 199) + "…" : line) + ")")
                .orElse("");
    }

    private static boolean asExpected(Verdict expected, Result r) {
        return r.verdict() == expected && (expected != Verdict.ACCEPTED || r.score().total() == 100.0);
    }

    /**
     * The order judgings start in: solutions kept for TIME_LIMIT first (each
     * runs out its tests' limits, up to a minute, and started last it would be
     * the whole run's tail), then the others in day order.
     */
    static List<Solution> startOrder(List<Solution> solutions) {
        List<Solution> order = new ArrayList<>(solutions);
        order.sort(java.util.Comparator.comparing(s -> !Verdict.TIME_LIMIT.name().equalsIgnoreCase(s.expected())));
        return order;
    }

    /** Judgings share the machine (--jobs), each timing its speedup alone; a retry takes the machine alone. */
    private MachineShare machine;

    private Row verifyOne(JudgeHome home, Problem p, Solution s, Path tmp) throws Exception {
        String label = s.expected() + "/" + s.file().getFileName();
        Verdict expected;
        try {
            expected = Verdict.ofFolder(s.expected());
        } catch (IllegalArgumentException e) {
            return new Row(p.day(), label, s.expected(), "-", 0, 0, false, "unknown verdict folder");
        }
        Submission submission;
        try {
            submission = Submission.inspect(SolutionJar.extract(home.packJar(), s.className(), tmp), p.spec().api());
        } catch (BadInputException e) {
            return new Row(p.day(), label, expected.name(), "-", 0, 0, false, e.getMessage());
        }
        RunRequest.Builder request = RunRequest.builder().home(home).problem(p).submission(submission)
                .limitScale(limitScale.factor);
        Result first;
        try (MachineShare.Use use = machine.share()) {
            first = Judge.judge(request.machine(use).build(), "verify");
        }
        String resultName = String.format("day%02d-%s-%s", p.day(), s.expected(),
                s.file().getFileName().toString().replace(".java", ""));
        Decided decided = decide(expected, first, retry, () -> {
            // Judged alone: with --jobs the other job's load is the likeliest cause of a flip (a CPU-bound
            // speedup cannot reach its target while another judging holds a core).
            try (MachineShare.Use use = machine.whole()) {
                return Judge.judge(request.machine(use).build(), "verify");
            }
        });
        if (results != null) {
            decided.write(results, resultName);
        }
        Result r = decided.result();
        boolean ok = decided.ok();
        String note = decided.note();
        if (!ok && verbose) {
            java.io.PrintWriter out = out();
            synchronized (out) {
                new katajudge.report.ConsoleReport(out, Style.detect()).print(r);
            }
        }
        if (sensitivity) {
            double stretch = Math.min(SENSITIVITY_MAX, SENSITIVITY * limitScale.factor);
            Result stretched;
            try (MachineShare.Use use = machine.share()) {
                stretched = Judge.judge(request.machine(use).limitScale(stretch).build(), "verify");
            }
            if (stretched.verdict() != r.verdict()) {
                note = (note.isEmpty() ? "" : note + "; ") + "sensitive to time limit: " + stretched.verdict()
                        + " at " + stretch + "x";
            }
        }
        return new Row(p.day(), label, expected.name(), r.verdict().name(), r.score().total(),
                r.timing().childMillis(), ok, note); // the child's own time: a wait for the machine is not the solution's
    }
}
