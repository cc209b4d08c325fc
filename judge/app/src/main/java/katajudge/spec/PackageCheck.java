package katajudge.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import katajudge.run.JudgeHome;
import katajudge.score.Verdict;

/**
 * The fast problem-package check that {@code make test} runs before the slow
 * {@code judge verify}: no JVM is forked and nothing is judged. Every day
 * folder must read (its {@code spec.json} parses and validates), every class
 * its spec names must be in the compiled jars (the API in the API jar; the
 * tests, plain tests, speedup workload and baseline, and every kept solution
 * in the pack jar), every solution folder must name a verdict, and each day
 * must keep {@link #MIN_WRONG_SOLUTIONS} wrong solutions beside its reference.
 *
 * <p>{@code java -cp judge.jar katajudge.spec.PackageCheck}: prints each
 * problem found and exits 1, or prints a one-line summary and exits 0.
 */
public final class PackageCheck {

    /** Wrong solutions a day keeps at least, so its detections are shown firing. */
    public static final int MIN_WRONG_SOLUTIONS = 3;

    private PackageCheck() {}

    public static void main(String[] args) throws Exception {
        JudgeHome home = JudgeHome.locate(null);
        long start = System.nanoTime();
        List<String> problems = check(new ProblemSet(home.problemsDir()), home.apiJar(), home.packJar());
        problems.forEach(p -> System.out.println("BROKEN " + p));
        int days = new ProblemSet(home.problemsDir()).dayFolders().size();
        System.out.printf("problem packages: %d days, %d problems, in %d ms%n", days, problems.size(),
                (System.nanoTime() - start) / 1_000_000);
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** Every problem of every day folder, each naming the file or field; empty when all is well. */
    public static List<String> check(ProblemSet set, Path apiJar, Path packJar) throws IOException {
        List<String> out = new ArrayList<>();
        Set<String> api = classesIn(apiJar, out);
        Set<String> pack = classesIn(packJar, out);
        if (!out.isEmpty()) {
            return out;
        }
        List<Path> folders = set.dayFolders();
        if (folders.isEmpty()) {
            out.add(set.root() + ": no day folders");
        }
        for (Path dir : folders) {
            Problem p;
            try {
                p = set.read(dir);
            } catch (SpecException e) {
                out.add(e.getMessage());
                continue;
            }
            out.addAll(check(p, api, pack));
        }
        return out;
    }

    /** One day's problems, given the classes compiled into the API and pack jars. */
    static List<String> check(Problem p, Set<String> api, Set<String> pack) {
        List<String> out = new ArrayList<>();
        Path spec = p.dir().resolve("spec.json");
        ProblemSpec s = p.spec();
        if (!api.contains(s.api())) {
            out.add(spec + ": api class " + s.api() + " is not in the API jar");
        }
        for (String test : s.tests()) {
            requireClass(out, pack, spec, "tests", test);
        }
        for (String test : s.plainTests()) {
            requireClass(out, pack, spec, "plainTests", test);
        }
        if (s.speedup() != null) {
            requireClass(out, pack, spec, "speedup.workload", s.speedup().workload());
            requireClass(out, pack, spec, "speedup.baseline", s.speedup().baseline());
        }
        int wrong = 0;
        int accepted = 0;
        for (Solution solution : p.solutions()) {
            Verdict verdict;
            try {
                verdict = Verdict.ofFolder(solution.expected());
            } catch (IllegalArgumentException e) {
                out.add(solution.file() + ": folder '" + solution.expected() + "' names no verdict");
                continue;
            }
            if (verdict == Verdict.ACCEPTED) {
                accepted++;
            } else {
                wrong++;
            }
            if (!pack.contains(solution.className())) {
                out.add(solution.file() + ": class " + solution.className() + " is not in the pack jar");
            }
        }
        if (accepted == 0) {
            out.add(p.dir().resolve("solutions/accepted") + ": no accepted reference");
        }
        if (wrong < MIN_WRONG_SOLUTIONS) {
            out.add(p.dir().resolve("solutions") + ": " + wrong + " wrong solutions, at least "
                    + MIN_WRONG_SOLUTIONS + " needed");
        }
        return out;
    }

    private static void requireClass(List<String> out, Set<String> pack, Path spec, String field, String name) {
        if (!pack.contains(name)) {
            out.add(spec + ": " + field + " class " + name + " is not in the pack jar");
        }
    }

    /** The binary names of the classes in a jar ({@code a.b.C}, {@code a.b.C$D}). */
    static Set<String> classesIn(Path jar, List<String> problems) throws IOException {
        if (!Files.isRegularFile(jar)) {
            problems.add(jar + " is missing: run 'make build' first");
            return Set.of();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toSet());
        }
    }
}
