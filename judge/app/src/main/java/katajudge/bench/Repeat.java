package katajudge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Repeatability: every kept solution (references and wrong ones) judged N
 * times in a row while another process keeps one core busy. Prints, per
 * solution, the verdicts seen and the score spread; a solution is stable
 * when it gets its verdict N of N times and its scores stay within 2 points.
 *
 * <p>Usage: {@code judge/bench/repeat [N] [DAY...]} (default 10 runs, every day).
 * Exit code 1 if any solution is unstable.
 */
public final class Repeat {

    private Repeat() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Integer> days = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            days.add(Integer.parseInt(args[i]));
        }
        JudgeHome home = JudgeHome.locate(null);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path tmp = Files.createTempDirectory("katas-repeat-");
        Process burn = new ProcessBuilder(java.toString(), "-cp", home.appJar().toString(), Burn.class.getName())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int unstable = 0;
        try {
            System.out.printf("%d runs each, with one core kept busy by another process (pid %d)%n%n", runs, burn.pid());
            System.out.printf("%-4s %-46s %-16s %-34s %-12s %s%n", "day", "solution", "expected", "verdicts",
                    "score", "stable");
            ProblemSet set = new ProblemSet(home.problemsDir());
            for (Path dir : set.dayFolders()) {
                Problem p = set.read(dir);
                if (!days.isEmpty() && !days.contains(p.day())) {
                    continue;
                }
                for (Solution s : p.solutions()) {
                    Path jar = SolutionJar.extract(home.packJar(), s.className(), tmp);
                    Map<String, Integer> verdicts = new TreeMap<>();
                    double min = Double.MAX_VALUE;
                    double max = -1;
                    for (int i = 0; i < runs; i++) {
                        Path json = tmp.resolve("r.json");
                        Files.deleteIfExists(json);
                        new ProcessBuilder(java.toString(), "-jar", home.appJar().toString(), "submit", "--day",
                                String.valueOf(p.day()), "--jar", jar.toString(), "--who", "repeat", "--json",
                                json.toString(), "--results", tmp.toString())
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                        if (!Files.exists(json)) {
                            verdicts.merge("(none)", 1, Integer::sum);
                            continue;
                        }
                        JsonNode r = new ObjectMapper().readTree(json.toFile());
                        verdicts.merge(r.get("verdict").asText(), 1, Integer::sum);
                        double score = r.get("score").get("total").asDouble();
                        min = Math.min(min, score);
                        max = Math.max(max, score);
                    }
                    String expected = s.expected().toUpperCase();
                    boolean stable = verdicts.getOrDefault(expected, 0) == runs && max - min <= 2.0;
                    unstable += stable ? 0 : 1;
                    System.out.printf("%-4d %-46s %-16s %-34s %-12s %s%n", p.day(),
                            s.expected() + "/" + s.file().getFileName(), expected, verdicts,
                            String.format("%.1f-%.1f", min, max), stable ? "yes" : "NO");
                }
            }
        } finally {
            burn.destroyForcibly();
        }
        System.out.println(unstable == 0 ? "\nall stable" : "\n" + unstable + " unstable");
        System.exit(unstable == 0 ? 0 : 1);
    }
}
