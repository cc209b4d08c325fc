package katajudge.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import katajudge.run.JudgeHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast problem-package check, in process: silent on the real katas, and each broken piece named. */
class PackageCheckTest {

    private static JudgeHome home;
    private static Problem day1;
    private static Set<String> api;
    private static Set<String> pack;

    @BeforeAll
    static void load() throws Exception {
        home = JudgeHome.locate(null);
        day1 = new ProblemSet(home.problemsDir()).load(1);
        List<String> none = new ArrayList<>();
        api = PackageCheck.classesIn(home.apiJar(), none);
        pack = PackageCheck.classesIn(home.packJar(), none);
        assertEquals(List.of(), none);
    }

    @Test
    void everyKeptKataPasses() throws Exception {
        assertEquals(List.of(), PackageCheck.check(new ProblemSet(home.problemsDir()), home.apiJar(), home.packJar()));
    }

    /** A change to day 1 (its problem, or the jars' class sets) and the message it must produce. */
    record Breakage(String name, UnaryOperator<Problem> problem, String missingApi, String missingPack,
                    String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> breakages() {
        String reference = day1.solutions().stream().filter(s -> s.expected().equals("accepted")).findFirst()
                .orElseThrow().className();
        return Stream.of(
                new Breakage("api class not compiled", p -> p, day1.spec().api(), null, "api class katas.day01"),
                new Breakage("hidden test not compiled", p -> p, null, day1.spec().tests().getFirst(),
                        "tests class katas.day01.hidden.Day01HiddenTest is not in the pack jar"),
                new Breakage("speedup workload not compiled", p -> p, null, day1.spec().speedup().workload(),
                        "speedup.workload class"),
                new Breakage("speedup baseline not compiled", p -> p, null, day1.spec().speedup().baseline(),
                        "speedup.baseline class"),
                new Breakage("solution not compiled", p -> p, null, reference, "is not in the pack jar"),
                new Breakage("folder names no verdict", p -> withSolutions(p, Stream.concat(p.solutions().stream(),
                        Stream.of(new Solution(p.dir().resolve("solutions/fast/X.java"), reference, "fast")))
                        .toList()), null, null, "folder 'fast' names no verdict"),
                new Breakage("no reference", p -> withSolutions(p, p.solutions().stream()
                        .filter(s -> !s.expected().equals("accepted")).toList()), null, null, "no accepted reference"),
                new Breakage("too few wrong solutions", p -> withSolutions(p, p.solutions().stream()
                        .filter(s -> s.expected().equals("accepted")).toList()), null, null,
                        "0 wrong solutions, at least 3 needed"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void eachBrokenPieceIsNamed(Breakage b) {
        Set<String> apiClasses = new HashSet<>(api);
        Set<String> packClasses = new HashSet<>(pack);
        apiClasses.remove(b.missingApi());
        packClasses.remove(b.missingPack());
        List<String> problems = PackageCheck.check(b.problem().apply(day1), apiClasses, packClasses);
        // The baseline is also a kept solution, so removing it is named twice: any match, nothing unrelated.
        assertTrue(problems.stream().anyMatch(p -> p.contains(b.message())), problems.toString());
        assertTrue(problems.size() <= 2, problems.toString());
    }

    @Test
    void anUnreadableSpecIsNamedAndTheOtherDaysStillChecked(@TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("day01-goroutines");
        copy(day1.dir(), broken);
        Files.writeString(broken.resolve("spec.json"), "{\"day\": 1,");
        List<String> problems = PackageCheck.check(new ProblemSet(tmp), home.apiJar(), home.packJar());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("spec.json: not valid JSON"), problems.getFirst());
    }

    @Test
    void missingJarsSayHowToBuildThem(@TempDir Path tmp) throws Exception {
        List<String> problems = PackageCheck.check(new ProblemSet(home.problemsDir()), tmp.resolve("api.jar"),
                home.packJar());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("run 'make build' first"), problems.getFirst());
    }

    private static Problem withSolutions(Problem p, List<Solution> solutions) {
        return new Problem(p.dir(), p.spec(), solutions);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path f : all.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
