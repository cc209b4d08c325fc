package katajudge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import katajudge.run.JudgeHome;
import katajudge.run.SolutionJar;
import katajudge.spec.Problem;
import katajudge.spec.ProblemSet;
import katajudge.spec.Solution;

/**
 * {@code make bench}: prints the judge's performance figures, each as a
 * ratio against a baseline run side by side (interleaved, medians), and the
 * leaderboard and grading times:
 * <ol>
 *   <li>fixed judge overhead on day 1: a whole {@code judge submit} minus the
 *       time inside learner code, and the judge against a plain JVM running
 *       the same JUnit tests without agent or fork;</li>
 *   <li>agent overhead: 100,000 virtual threads each parking once, and
 *       1,000,000 park/unpark round trips, with and without the agent;</li>
 *   <li>stability: each day's reference judged several times: verdicts and
 *       the spread (max/min) of the measured speedup.</li>
 * </ol>
 * Figures, not assertions: a busy machine makes them worse, never a test red.
 * But every benchmark checks that what it measured happened (the submission
 * was judged and accepted, the plain run passed the same tests, the agent
 * recorded the threads the workload started, every day was graded) and
 * stops with a {@link BenchFailure} otherwise: a figure is never printed for
 * work that did not take place. {@code BenchTest} runs every benchmark at
 * {@link Size#TINY} in {@code make test}.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every benchmark, in the order they print. */
    public static final List<String> PARTS = List.of("overhead", "agent", "stability", "leaderboard", "grade");

    /**
     * How big each benchmark is.
     *
     * @param runs          repetitions of each measurement
     * @param virtual       virtual threads started in the agent benchmark
     * @param roundTrips    park/unpark round trips in the agent benchmark
     * @param platform      platform threads started in the agent benchmark
     * @param maxDays       days judged by the stability and grade benchmarks (the first ones)
     * @param learners      learners in the generated leaderboard
     */
    public record Size(int runs, int virtual, int roundTrips, int platform, int maxDays, int learners) {
        public static final Size TINY = new Size(1, 200, 2_000, 20, 1, 3);

        static Size full(int runs) {
            return new Size(runs, 100_000, 1_000_000, 10_000, Integer.MAX_VALUE, 100);
        }
    }

    /** A benchmark whose measurement did not happen as described: no figure, a loud failure. */
    public static final class BenchFailure extends RuntimeException {
        public BenchFailure(String message) {
            super(message);
        }
    }

    private final JudgeHome home;
    private final Size size;
    private final PrintStream out;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path tmp;

    private Bench(JudgeHome home, Size size, PrintStream out) throws IOException {
        this.home = home;
        this.size = size;
        this.out = out;
        this.tmp = Files.createTempDirectory("katas-bench-");
    }

    /**
     * Usage: {@code Bench [RUNS|tiny] [days=N] [PART...]} (default: 5 runs, every day, every part); {@code days=N}
     * limits the stability and grade benchmarks to the first N days. Exit 1 when a benchmark failed.
     */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        Size size = rest.isEmpty() ? Size.full(5)
                : rest.getFirst().equals("tiny") ? Size.TINY : Size.full(Integer.parseInt(rest.getFirst()));
        if (!rest.isEmpty()) {
            rest.removeFirst();
        }
        if (!rest.isEmpty() && rest.getFirst().startsWith("days=")) {
            int days = Integer.parseInt(rest.removeFirst().substring("days=".length()));
            size = new Size(size.runs(), size.virtual(), size.roundTrips(), size.platform(), days, size.learners());
        }
        List<String> parts = rest.isEmpty() ? PARTS : rest;
        try {
            run(JudgeHome.locate(null), size, parts, System.out);
        } catch (BenchFailure e) {
            System.out.flush();
            System.err.println("benchmark failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the named benchmarks; throws {@link BenchFailure} at the first one that did not measure what it says. */
    public static void run(JudgeHome home, Size size, List<String> parts, PrintStream out) throws Exception {
        for (String part : parts) {
            if (!PARTS.contains(part)) {
                throw new BenchFailure("unknown benchmark '" + part + "': one of " + PARTS);
            }
        }
        Bench bench = new Bench(home, size, out);
        out.printf("machine: %d cores, load average %.2f, %s%n%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.version());
        if (parts.contains("overhead")) {
            bench.judgeOverhead(size.runs());
        }
        if (parts.contains("agent")) {
            bench.agentOverhead(size.runs());
        }
        if (parts.contains("stability")) {
            bench.stability(size.runs());
        }
        if (parts.contains("leaderboard")) {
            bench.leaderboard(size.runs());
        }
        if (parts.contains("grade")) {
            bench.grade();
        }
    }

    // ------------------------------------------------------------------ 1. judge overhead

    private void judgeOverhead(int runs) throws Exception {
        Problem day1 = new ProblemSet(home.problemsDir()).load(1);
        Solution reference = day1.solutions().stream().filter(s -> s.expected().equals("accepted")).findFirst()
                .orElseThrow();
        Path jar = SolutionJar.extract(home.packJar(), reference.className(), tmp);
        List<Double> wall = new ArrayList<>();
        List<Double> learner = new ArrayList<>();
        List<Double> speedupRuns = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path json = tmp.resolve("overhead-" + i + ".json");
            long start = System.nanoTime();
            exec(List.of(java.toString(), "-jar", home.appJar().toString(), "submit", "--day", "1", "--jar",
                    jar.toString(), "--who", "bench", "--json", json.toString(), "--results", tmp.toString()));
            wall.add((System.nanoTime() - start) / 1e6);
            JsonNode result = judged(json, "day 1 reference");
            if (!result.get("verdict").asText().equals("ACCEPTED")) {
                throw new BenchFailure("day 1 reference judged " + result.get("verdict").asText()
                        + ", not ACCEPTED: the overhead of a judging that did not run the tests is no figure");
            }
            int judgedTests = result.get("tests").size();
            JsonNode timing = result.get("timing");
            learner.add(timing.get("testMillis").asDouble() + timing.get("speedupMillis").asDouble());
            speedupRuns.add(timing.get("speedupMillis").asDouble());
            List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-cp",
                    home.appJar().toString(), PlainJUnit.class.getName(), home.apiJar().toString(),
                    home.packJar().toString(), jar.toString(), day1.spec().api(), reference.className()));
            cmd.addAll(day1.spec().tests());
            start = System.nanoTime();
            String passed = exec(cmd).lines().filter(l -> l.startsWith("passed ")).findFirst().orElse("");
            plain.add((System.nanoTime() - start) / 1e6);
            if (!passed.equals("passed " + judgedTests + " failed 0")) {
                throw new BenchFailure("the plain JUnit baseline did not pass the " + judgedTests
                        + " tests the judge ran: '" + passed + "'");
            }
        }
        double overhead = median(diff(wall, learner));
        double judgeTests = median(diff(wall, speedupRuns));
        out.println("1. Fixed judge overhead, day 1 reference (" + runs + " interleaved runs, medians)");
        out.printf("   judge submit, whole          %7.0f ms%n", median(wall));
        out.printf("   of which inside learner code %7.0f ms (hidden tests + timed workload runs)%n", median(learner));
        out.printf("   fixed overhead               %7.0f ms   target < 1000 ms   %s%n", overhead,
                overhead < 1000 ? "met" : "NOT met");
        out.printf("   judge without workload runs  %7.0f ms vs plain JUnit, no agent, %5.0f ms: %.2fx%n%n",
                judgeTests, median(plain), judgeTests / median(plain));
    }

    // ------------------------------------------------------------------ 2. agent overhead

    private void agentOverhead(int runs) throws Exception {
        out.println("2. Agent overhead (" + runs + " interleaved runs each, medians; with the agent the "
                + "work runs in a judged region as learner code)");
        record Case(String name, String workload, int rounds, double target) {}
        for (Case c : List.of(
                new Case(String.format("%,d virtual threads, park once", size.virtual()), "virtual-park",
                        size.virtual(), 1.5),
                new Case(String.format("%,d park/unpark round trips", size.roundTrips()), "park-unpark",
                        size.roundTrips(), 1.1),
                new Case(String.format("%,d platform threads start+join", size.platform()), "platform-start",
                        size.platform(), 1.1))) {
            List<Double> without = new ArrayList<>();
            List<Double> with = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                without.add(workload(false, c.workload(), c.rounds()));
                with.add(workload(true, c.workload(), c.rounds()));
            }
            double ratio = median(with) / median(without);
            out.printf("   %-38s without %7.1f ms  with %7.1f ms  %.2fx  target <= %.1fx  %s%n", c.name(),
                    median(without), median(with), ratio, c.target(), ratio <= c.target() ? "met" : "NOT met");
        }
        out.println();
    }

    private double workload(boolean agent, String name, int rounds) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC"));
        if (agent) {
            // As a judging's child has it: the runtime patched into java.base (where the stack bound works too),
            // the woven classes read from the cache.
            cmd.addAll(home.agentOptions());
        }
        cmd.addAll(List.of("-cp", home.appJar().toString(), AgentWorkloads.class.getName(),
                agent ? "with" : "without", name, String.valueOf(rounds)));
        String output = exec(cmd);
        String result = output.lines().filter(l -> l.startsWith("RESULT " + name + " ")).findFirst()
                .orElseThrow(() -> new BenchFailure("agent workload " + name + (agent ? " with" : " without")
                        + " the agent measured nothing:\n" + output.strip()));
        return Long.parseLong(result.substring(result.lastIndexOf(' ') + 1)) / 1e6;
    }

    // ------------------------------------------------------------------ 3. stability

    private void stability(int runs) throws Exception {
        out.println("3. Stability: each day's reference judged " + runs + " times in a row");
        out.printf("   %-4s %-36s %-22s %-28s %s%n", "day", "reference", "verdicts", "speedups", "spread");
        for (Problem p : days()) {
            Solution reference = reference(p);
            Path jar = SolutionJar.extract(home.packJar(), reference.className(), tmp);
            Map<String, Integer> verdicts = new TreeMap<>();
            List<Double> speedups = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path json = tmp.resolve("stability.json");
                Files.deleteIfExists(json);
                exec(List.of(java.toString(), "-jar", home.appJar().toString(), "submit", "--day",
                        String.valueOf(p.day()), "--jar", jar.toString(), "--who", "bench", "--json", json.toString(),
                        "--results", tmp.toString()));
                JsonNode r = judged(json, "day " + p.day() + " reference");
                verdicts.merge(r.get("verdict").asText(), 1, Integer::sum);
                JsonNode sp = r.get("speedup");
                if (sp != null && !sp.isNull() && sp.get("ratio").asDouble() > 0) {
                    speedups.add(sp.get("ratio").asDouble());
                }
            }
            double ratio = speedups.stream().mapToDouble(d -> d).max().orElse(0)
                    / speedups.stream().mapToDouble(d -> d).min().orElse(1);
            String spread = speedups.isEmpty() ? "-" : String.format("%.3f %s", ratio, ratio <= 1.15 ? "met" : "NOT met");
            out.printf("   %-4d %-36s %-22s %-28s %s%n", p.day(), reference.file().getFileName(), verdicts,
                    speedups.stream().map(d -> String.format("%.1f", d)).toList(), spread);
        }
        out.println();
    }

    // ------------------------------------------------------------------ 4. leaderboard

    /** {@code size.learners()} learners x 30 days of generated results (with histories), built into a board. */
    private void leaderboard(int runs) throws Exception {
        Path root = tmp.resolve("group");
        Random random = new Random(42);
        String[] verdicts = {"ACCEPTED", "SLOW", "WRONG_ANSWER", "THREAD_LEAK", "DEADLOCK"};
        int learners = size.learners();
        for (int l = 0; l < learners; l++) {
            Path dir = root.resolve("learner" + l).resolve("results");
            Files.createDirectories(dir);
            StringBuilder history = new StringBuilder();
            for (int d = 1; d <= 30; d++) {
                for (int a = 0; a < 3; a++) {
                    String verdict = verdicts[random.nextInt(verdicts.length)];
                    double score = verdict.equals("ACCEPTED") ? 100 : random.nextInt(90);
                    String at = Instant.parse("2026-11-01T10:00:00Z").plusSeconds(86_400L * d + 60L * a)
                            .toString();
                    var node = JSON.createObjectNode().put("schema", katajudge.report.Result.SCHEMA)
                            .put("who", "learner" + l).put("day", d).put("title", "Day " + d).put("judgedAt", at)
                            .put("verdict", verdict);
                    node.putObject("score").put("total", score);
                    history.append(JSON.createObjectNode().put("who", "learner" + l).put("judgedAt", at).put("day", d)
                            .put("verdict", verdict).put("score", score)).append('\n');
                    if (a == 2) {
                        JSON.writeValue(dir.resolve(String.format("day%02d.json", d)).toFile(), node);
                    }
                }
            }
            Files.writeString(dir.resolve("history.jsonl"), history);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            var board = new katajudge.board.LeaderboardBuilder(null).add(root).build(Instant.now());
            String page = katajudge.board.LeaderboardPage.render(board);
            JSON.writeValueAsString(board);
            times.add((System.nanoTime() - start) / 1e6);
            if (board.rows().size() != learners || page.isEmpty()) {
                throw new BenchFailure("the board has " + board.rows().size() + " rows for " + learners + " learners");
            }
        }
        out.printf("4. Leaderboard from %d learners x 30 days (%,d attempts, %,d result files), in process%n",
                learners, learners * 90, learners * 30);
        out.printf("   median %.0f ms over %d builds (first %.0f ms)   target < 2000 ms   %s%n%n", median(times),
                runs, times.getFirst(), median(times) < 2000 ? "met" : "NOT met");
    }

    // ------------------------------------------------------------------ 5. grade

    /** judge grade on a module holding every day's reference: per day, the judge's share and the learner's. */
    private void grade() throws Exception {
        Path module = tmp.resolve("all-references");
        List<Problem> days = days();
        for (Problem p : days) {
            Solution reference = reference(p);
            Path target = module.resolve("src/main/java").resolve(reference.className().replace('.', '/') + ".java");
            Files.createDirectories(target.getParent());
            Files.copy(reference.file(), target);
        }
        long start = System.nanoTime();
        List<String> grade = new ArrayList<>(List.of(java.toString(), "-jar", home.appJar().toString(), "grade",
                "--module", module.toString(), "--junit", tmp.resolve("g.xml").toString(), "--json",
                tmp.resolve("g.json").toString()));
        if (days.size() < new ProblemSet(home.problemsDir()).dayFolders().size()) {
            grade.addAll(List.of("--days", days.getFirst().day() + "-" + days.getLast().day()));
        }
        exec(grade);
        double total = (System.nanoTime() - start) / 1e9;
        JsonNode all = judged(tmp.resolve("g.json"), "grade");
        if (all.get("days") == null || all.get("days").size() != days.size()) {
            throw new BenchFailure("grade judged " + (all.get("days") == null ? 0 : all.get("days").size())
                    + " days of " + days.size());
        }
        // Timings of a reference that was not judged through are no figures: a kept reference is ACCEPTED, SLOW at
        // worst on a loaded machine. (Days 22 and 30 were FORBIDDEN_API here, for the other days' code.)
        List<String> wrong = new ArrayList<>();
        for (JsonNode r : all.get("days")) {
            String verdict = r.get("verdict").asText();
            if (!verdict.equals("ACCEPTED") && !verdict.equals("SLOW")) {
                wrong.add("day " + r.get("day").asInt() + " " + verdict);
            }
        }
        if (!wrong.isEmpty()) {
            throw new BenchFailure("in a module of every day's reference, references were not accepted: " + wrong);
        }
        out.println("5. judge grade on a module with every day's reference (one build, then each day)");
        out.printf("   %-4s %-18s %9s %11s %11s%n", "day", "verdict", "wall ms", "learner ms", "judge ms");
        double judgeTotal = 0;
        for (JsonNode r : all.get("days")) {
            JsonNode t = r.get("timing");
            double wall = t.get("wallMillis").asDouble();
            double learner = t.get("testMillis").asDouble() + t.get("speedupMillis").asDouble();
            judgeTotal += wall - learner;
            out.printf("   %-4d %-18s %9.0f %11.0f %11.0f%n", r.get("day").asInt(), r.get("verdict").asText(),
                    wall, learner, wall - learner);
        }
        out.printf("   whole grade %.1f s; the judge's own share %.1f s; %s%n%n", total, judgeTotal / 1000,
                all.get("points").asText() + "/" + all.get("maxPoints").asText() + " points");
    }

    // ------------------------------------------------------------------ helpers

    /** The days the stability and grade benchmarks judge: the first {@code size.maxDays()}. */
    private List<Problem> days() throws Exception {
        ProblemSet set = new ProblemSet(home.problemsDir());
        List<Problem> days = new ArrayList<>();
        for (Path dir : set.dayFolders()) {
            if (days.size() < size.maxDays()) {
                days.add(set.read(dir));
            }
        }
        return days;
    }

    private static Solution reference(Problem p) {
        return p.solutions().stream().filter(s -> s.expected().equals("accepted")).findFirst()
                .orElseThrow(() -> new BenchFailure("day " + p.day() + " keeps no accepted reference"));
    }

    /** The result file a judging wrote; a judging that wrote none is a failed benchmark. */
    private static JsonNode judged(Path json, String what) throws IOException {
        if (!Files.isRegularFile(json)) {
            throw new BenchFailure(what + ": the judge wrote no result (" + json + ")");
        }
        return JSON.readTree(json.toFile());
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static List<Double> diff(List<Double> a, List<Double> b) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i) - b.get(i));
        }
        return out;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
