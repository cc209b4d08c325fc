package katajudge.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Cuts the judge pack (every day's tests and kept solutions, compiled
 * together) into the two jars a judging sees, so that a kept solution is
 * judged exactly as a learner's jar:
 * <ul>
 *   <li>{@link #extract}: one kept solution, the class and its nested classes,
 *       nothing else (what a learner submits);</li>
 *   <li>{@link #testsOnly}: the pack without any kept solution but the day's
 *       sequential baseline (what the child's class path holds for every
 *       judging, and what a bundle holds: {@link #partOfProblemSet}). With the solutions on it, a tool that loads classes by name
 *       from the system class path (Lincheck) found a kept solution's nested
 *       class there, and never a learner's: verify passed where submit
 *       failed.</li>
 * </ul>
 */
public final class SolutionJar {

    /** Kept solutions in the pack: {@code katas/<day>/solutions/<verdict>/...} (the judge's fixture's too). */
    private static final Pattern KEPT_SOLUTION = Pattern.compile("katas/[^/]+/solutions/.*");

    private SolutionJar() {}

    public static Path extract(Path packJar, String className, Path dir) throws IOException {
        Path jar = dir.resolve(className + ".jar");
        int written = copy(packJar, jar, name -> isClassOrNested(name, className));
        if (written == 0) {
            throw new IOException(className + " is not in " + packJar + ": rebuild with 'make build'");
        }
        return jar;
    }

    /**
     * The pack without kept solutions, written to {@code dir}; {@code baseline}
     * (the class the speedup is measured against, may be null) stays: it is the
     * judge's code, loaded by the problem loader for learners too.
     */
    public static Path testsOnly(Path packJar, String baseline, Path dir) throws IOException {
        Path jar = dir.resolve("katas-tests.jar");
        Set<String> baselines = baseline == null ? Set.of() : Set.of(baseline);
        copy(packJar, jar, name -> partOfProblemSet(name, baselines));
        return jar;
    }

    /**
     * Whether an entry of the pack belongs to the problem set: tests and
     * workloads, and of the kept solutions ({@code katas/<day>/solutions/...})
     * only the speedup baselines with their nested classes.
     */
    public static boolean partOfProblemSet(String entry, Set<String> baselines) {
        if (!KEPT_SOLUTION.matcher(entry).matches()) {
            return true;
        }
        return entry.endsWith(".class") && baselines.stream().anyMatch(b -> isClassOrNested(entry, b));
    }

    private static boolean isClassOrNested(String entry, String className) {
        String path = className.replace('.', '/');
        return entry.equals(path + ".class") || entry.startsWith(path + "$") && entry.endsWith(".class");
    }

    /** Copies the entries whose names pass {@code keep}; returns how many class files were written. */
    private static int copy(Path source, Path target, Predicate<String> keep) throws IOException {
        int classes = 0;
        try (ZipFile pack = new ZipFile(source.toFile());
             OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : java.util.Collections.list(pack.entries())) {
                if (!keep.test(e.getName())) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = pack.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
                classes += e.getName().endsWith(".class") ? 1 : 0;
            }
        }
        return classes;
    }
}
