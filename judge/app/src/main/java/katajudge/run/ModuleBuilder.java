package katajudge.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * A compile error is the learner's BUILD_FAILED, with file, line and message.
 */
public final class ModuleBuilder {

    /** The jar, or the compiler's errors when the module does not build. */
    public sealed interface Outcome {
        record Built(Path jar) implements Outcome {}
        record Failed(List<String> errors) implements Outcome {}
    }

    private ModuleBuilder() {}

    public static Outcome build(Path module, Path apiJar) throws BadInputException, IOException {
        Path sources = module.resolve("src/main/java");
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
        Path out = module.resolve("target/judge");
        Path classes = out.resolve("classes");
        deleteTree(classes);
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter log = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = List.of("--release", String.valueOf(Runtime.version().feature()),
                    "-classpath", apiJar.toString(), "-d", classes.toString(), "-g", "-encoding", "UTF-8",
                    "-proc:none");
            ok = javac.getTask(log, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
        }
        if (!ok) {
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < 30) {
                    String where = d.getSource() == null ? "" : module.relativize(Path.of(d.getSource().toUri()))
                            + ":" + d.getLineNumber() + ": ";
                    errors.add(where + d.getMessage(null));
                }
            }
            return new Outcome.Failed(errors.isEmpty() ? List.of(log.toString()) : errors);
        }
        Path jar = out.resolve("submission.jar");
        writeJar(classes, jar);
        return new Outcome.Built(jar);
    }

    private static void writeJar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
