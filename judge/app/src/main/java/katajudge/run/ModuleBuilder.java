package katajudge.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a learner's module ({@code src/main/java}) into the jar the judge
 * loads, with the judge's own JDK and the katas' API on the class path. The
 * module stays a normal Maven module for the IDE and {@code mvn test}; the
 * judge compiles it itself because that takes a second, not a Maven start.
 *
 * <p>A compile error is the learner's BUILD_FAILED, shown as javac shows it:
 * file and line, the source line and a caret. When one day is judged, an error
 * in another day's files does not stop it: the files that compile are built
 * (or, failing that, the day's own package alone) and the others are named
 * as a warning, so a learner half-way through day 12 can still submit day 1.
 */
public final class ModuleBuilder {

    /** At most this many compile errors are shown; the first ones are the ones to fix. */
    private static final int MAX_ERRORS = 30;

    /** The jar (with warnings about files left out), or the compiler's errors when the module does not build. */
    public sealed interface Outcome {
        record Built(Path jar, List<String> warnings) implements Outcome {}
        record Failed(List<String> errors) implements Outcome {}
    }

    /** One compiler error: the file it is in (null when javac names none) and its text, already formatted. */
    private record CompileError(Path file, String text) {}

    private ModuleBuilder() {}

    /** Builds the whole module: any compile error is a failure. */
    public static Outcome build(Path module, Path apiJar) throws BadInputException, IOException {
        return build(module, apiJar, null);
    }

    /**
     * Builds the module for judging one day.
     *
     * @param api the day's API ({@code katas.day01.Goroutines}): files outside its package that do not compile
     *            are left out with a warning; null to require the whole module to compile
     */
    public static Outcome build(Path module, Path apiJar, String api) throws BadInputException, IOException {
        // Absolute from here on: javac reports absolute files, and Path.relativize refuses to mix the two kinds.
        Path root = module.toAbsolutePath().normalize();
        Path sources = root.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            throw new BadInputException("no src/main/java in " + module + ": is it a learner module? (make new WHO=name)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new BadInputException(sources + " holds no .java file");
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new BadInputException("the judge runs on a JRE without a compiler: use a full JDK 25");
        }
        Path out = root.resolve("target/judge");
        Path classes = out.resolve("classes");
        List<CompileError> errors = compile(javac, files, apiJar, classes);
        List<String> warnings = new ArrayList<>();
        if (!errors.isEmpty()) {
            Path dayDir = api == null || !api.contains(".") ? null
                    : sources.resolve(api.substring(0, api.lastIndexOf('.')).replace('.', '/'));
            Path days = sources.resolve("katas");
            if (dayDir == null || errors.stream().anyMatch(e -> e.file() == null || e.file().startsWith(dayDir)
                    || !e.file().startsWith(days) || !days.relativize(e.file()).toString().matches("day\\d+[/\\\\].*"))) {
                // The day's own files, or files shared by every day, do not compile (or the whole module was
                // asked for): that is the verdict.
                return new Outcome.Failed(errors.stream()
                        .sorted(Comparator.comparing((CompileError e) -> dayDir == null || e.file() == null
                                || !e.file().startsWith(dayDir)))
                        .limit(MAX_ERRORS).map(CompileError::text).toList());
            }
            Set<Path> broken = new LinkedHashSet<>();
            errors.forEach(e -> broken.add(e.file()));
            // First the module without the broken files (helpers in other packages still count), then the
            // day's package alone (other files may depend on the broken ones).
            List<Path> withoutBroken = files.stream().filter(f -> !broken.contains(f)).toList();
            List<Path> dayOnly = files.stream().filter(f -> f.startsWith(dayDir)).toList();
            List<CompileError> again = withoutBroken.isEmpty() ? errors : compile(javac, withoutBroken, apiJar, classes);
            if (!again.isEmpty() && !dayOnly.isEmpty()) {
                again = compile(javac, dayOnly, apiJar, classes);
            }
            if (!again.isEmpty()) {
                return new Outcome.Failed(errors.stream().limit(MAX_ERRORS).map(CompileError::text).toList());
            }
            warnings.add(broken.size() + " file" + (broken.size() == 1 ? "" : "s")
                    + " of other days do not compile and were left out of this judging: "
                    + broken.stream().map(ModuleBuilder::shown).toList());
        }
        Path jar = out.resolve("submission.jar");
        writeJar(classes, jar);
        return new Outcome.Built(jar, warnings);
    }

    private static List<CompileError> compile(JavaCompiler javac, List<Path> files, Path apiJar, Path classes)
            throws IOException {
        deleteTree(classes);
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter log = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = List.of("--release", String.valueOf(Runtime.version().feature()),
                    "-classpath", apiJar.toAbsolutePath().toString(), "-d", classes.toString(), "-g",
                    "-encoding", "UTF-8", "-proc:none");
            ok = javac.getTask(log, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
        }
        if (ok) {
            return List.of();
        }
        List<CompileError> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri()).toAbsolutePath().normalize();
                errors.add(new CompileError(file, describe(d, file)));
            }
        }
        if (errors.isEmpty()) {
            errors.add(new CompileError(null, log.toString().strip()));
        }
        return errors;
    }

    /** As javac prints it: {@code file:line: message}, then the source line and a caret under the column. */
    private static String describe(Diagnostic<? extends JavaFileObject> d, Path file) {
        String message = d.getMessage(null);
        if (file == null || d.getLineNumber() <= 0) {
            return message;
        }
        StringBuilder text = new StringBuilder(shown(file)).append(':').append(d.getLineNumber()).append(": ")
                .append(message);
        try (Stream<String> lines = Files.lines(file)) {
            String line = lines.skip(d.getLineNumber() - 1).findFirst().orElse(null);
            if (line != null && d.getColumnNumber() > 0) {
                String tabsKept = line.substring(0, (int) Math.min(line.length(), d.getColumnNumber() - 1))
                        .replaceAll("[^\\t]", " ");
                text.append('\n').append(line).append('\n').append(tabsKept).append('^');
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // The source line is a help, not a need: the file and line are already there.
        }
        return text.toString();
    }

    /** A file as the learner would type it: relative to the current folder when it is below it. */
    private static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }

    private static void writeJar(Path classes, Path jar) throws IOException {
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        try (OutputStream file = Files.newOutputStream(partial); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        Files.move(partial, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
