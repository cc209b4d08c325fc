package katajudge.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *       judging). With the solutions on it, a tool that loads classes by name
 *       from the system class path (Lincheck) found a kept solution's nested
 *       class there, and never a learner's: verify passed where submit
 *       failed.</li>
 * </ul>
 */
public final class SolutionJar {

    /** Classes of kept solutions in the pack: {@code katas/<day>/solutions/<verdict>/...}. */
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
        copy(packJar, jar, name -> !KEPT_SOLUTION.matcher(name).matches()
                || baseline != null && isClassOrNested(name, baseline));
        return jar;
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
