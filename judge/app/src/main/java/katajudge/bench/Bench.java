package katajudge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * ratio against a baseline run side by side (interleaved, medians):
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
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JudgeHome home;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path tmp;

    private Bench(JudgeHome home) throws IOException {
        this.home = home;
        this.tmp = Files.createTempDirectory("katas-bench-");
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> parts = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("overhead", "agent", "stability");
        Bench bench = new Bench(JudgeHome.locate(null));
        System.out.printf("machine: %d cores, load average %.2f, %s%n%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.version());
        if (parts.contains("overhead")) {
            bench.judgeOverhead(runs);
        }
        if (parts.contains("agent")) {
            bench.agentOverhead(runs);
        }
        if (parts.contains("stability")) {
            bench.stability(runs);
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
            JsonNode timing = JSON.readTree(json.toFile()).get("timing");
            learner.add(timing.get("testMillis").asDouble() + timing.get("speedupMillis").asDouble());
            speedupRuns.add(timing.get("speedupMillis").asDouble());
            List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-cp",
                    home.appJar().toString(), PlainJUnit.class.getName(), home.apiJar().toString(),
                    home.packJar().toString(), jar.toString(), day1.spec().api(), reference.className()));
            cmd.addAll(day1.spec().tests());
            start = System.nanoTime();
            exec(cmd);
            plain.add((System.nanoTime() - start) / 1e6);
        }
        double overhead = median(diff(wall, learner));
        double judgeTests = median(diff(wall, speedupRuns));
        System.out.println("1. Fixed judge overhead, day 1 reference (" + runs + " interleaved runs, medians)");
        System.out.printf("   judge submit, whole          %7.0f ms%n", median(wall));
        System.out.printf("   of which inside learner code %7.0f ms (hidden tests + timed workload runs)%n", median(learner));
        System.out.printf("   fixed overhead               %7.0f ms   target < 1000 ms   %s%n", overhead,
                overhead < 1000 ? "met" : "NOT met");
        System.out.printf("   judge without workload runs  %7.0f ms vs plain JUnit, no agent, %5.0f ms: %.2fx%n%n",
                judgeTests, median(plain), judgeTests / median(plain));
    }

    // ------------------------------------------------------------------ 2. agent overhead

    private void agentOverhead(int runs) throws Exception {
        System.out.println("2. Agent overhead (" + runs + " interleaved runs each, medians; with the agent the "
                + "work runs in a judged region as learner code)");
        record Case(String name, String workload, int rounds, double target) {}
        for (Case c : List.of(new Case("100,000 virtual threads, park once", "virtual-park", 100_000, 1.5),
                new Case("1,000,000 park/unpark round trips", "park-unpark", 1_000_000, 1.1),
                new Case("10,000 platform threads start+join", "platform-start", 10_000, 1.1))) {
            List<Double> without = new ArrayList<>();
            List<Double> with = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                without.add(workload(false, c.workload(), c.rounds()));
                with.add(workload(true, c.workload(), c.rounds()));
            }
            double ratio = median(with) / median(without);
            System.out.printf("   %-38s without %7.1f ms  with %7.1f ms  %.2fx  target <= %.1fx  %s%n", c.name(),
                    median(without), median(with), ratio, c.target(), ratio <= c.target() ? "met" : "NOT met");
        }
        System.out.println();
    }

    private double workload(boolean agent, String name, int rounds) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC"));
        if (agent) {
            cmd.add("-javaagent:" + home.agentJar() + "=cache=" + home.libDir().resolveSibling("agent-cache"));
        }
        cmd.addAll(List.of("-cp", home.appJar().toString(), AgentWorkloads.class.getName(), name,
                String.valueOf(rounds)));
        String out = exec(cmd).strip();
        String last = out.lines().reduce((a, b) -> b).orElse("");
        return Long.parseLong(last.substring(last.lastIndexOf(' ') + 1)) / 1e6;
    }

    // ------------------------------------------------------------------ 3. stability

    private void stability(int runs) throws Exception {
        System.out.println("3. Stability: each day's reference judged " + runs + " times in a row");
        System.out.printf("   %-4s %-36s %-22s %-28s %s%n", "day", "reference", "verdicts", "speedups", "spread");
        ProblemSet set = new ProblemSet(home.problemsDir());
        for (Path dir : set.dayFolders()) {
            Problem p = set.read(dir);
            Solution reference = p.solutions().stream().filter(s -> s.expected().equals("accepted")).findFirst()
                    .orElseThrow();
            Path jar = SolutionJar.extract(home.packJar(), reference.className(), tmp);
            Map<String, Integer> verdicts = new TreeMap<>();
            List<Double> speedups = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path json = tmp.resolve("stability.json");
                exec(List.of(java.toString(), "-jar", home.appJar().toString(), "submit", "--day",
                        String.valueOf(p.day()), "--jar", jar.toString(), "--who", "bench", "--json", json.toString(),
                        "--results", tmp.toString()));
                JsonNode r = JSON.readTree(json.toFile());
                verdicts.merge(r.get("verdict").asText(), 1, Integer::sum);
                JsonNode sp = r.get("speedup");
                if (sp != null && !sp.isNull() && sp.get("ratio").asDouble() > 0) {
                    speedups.add(sp.get("ratio").asDouble());
                }
            }
            String spread = speedups.isEmpty() ? "-" : String.format("%.3f %s",
                    speedups.stream().mapToDouble(d -> d).max().orElse(0) / speedups.stream().mapToDouble(d -> d).min().orElse(1),
                    speedups.stream().mapToDouble(d -> d).max().orElse(0) / speedups.stream().mapToDouble(d -> d).min().orElse(1) <= 1.15 ? "met" : "NOT met");
            System.out.printf("   %-4d %-36s %-22s %-28s %s%n", p.day(), reference.file().getFileName(), verdicts,
                    speedups.stream().map(d -> String.format("%.1f", d)).toList(), spread);
        }
    }

    // ------------------------------------------------------------------ helpers

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
