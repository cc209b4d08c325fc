package katajudge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A throwaway problems folder holding one fixture kata ({@code Program.run()}
 * called once by one hidden test), compiled the way the build compiles real
 * katas, and helpers to compile learner programs into jars and run the judge
 * CLI on them in-process.
 */
final class Fixture {

    static final Path ROOT = createRoot();
    static final Path PROBLEMS = ROOT.resolve("problems");

    private Fixture() {}

    /** The judge's answer: exit code, what it printed, and the result file if one was written. */
    record Outcome(int exitCode, String out, String err, JsonNode result) {
        String verdict() {
            return result == null ? null : result.get("verdict").asText();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private static Path createRoot() {
        try {
            Path root = Files.createTempDirectory("judge-fixture-");
            Path day = root.resolve("problems/day01-fixture");
            copyTree(Path.of(Fixture.class.getResource("/fixture/day01-fixture").toURI()), day);
            Path api = root.resolve("problems/api/target/katas-api.jar");
            compileToJar(sourcesUnder(day.resolve("api")), classPath(), api);
            List<Path> pack = new ArrayList<>(sourcesUnder(day.resolve("tests")));
            pack.addAll(sourcesUnder(day.resolve("solutions")));
            compileToJar(pack, classPath() + java.io.File.pathSeparator + api, root.resolve("problems/pack/target/katas-pack.jar"));
            return root;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the judge fixture", e);
        }
    }

    /** Compiles a learner program (class name to source) against the fixture API into a jar. */
    static Path learnerJar(String name, Map<String, String> sources) {
        return learnerJar(name, sources, PROBLEMS.resolve("api/target/katas-api.jar"));
    }

    /** Compiles a learner program (class name to source) against {@code apiJar} (a real day's API) into a jar. */
    static Path learnerJar(String name, Map<String, String> sources, Path apiJar) {
        try {
            Path dir = Files.createTempDirectory(ROOT, "src-");
            List<Path> files = new ArrayList<>();
            for (var e : sources.entrySet()) {
                Path f = dir.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
                files.add(f);
            }
            Path jar = ROOT.resolve("jars/" + name + ".jar");
            compileToJar(files, apiJar.toString(), jar);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-class program: {@code body} is the body of {@code run()}; imports as needed. */
    static Path program(String name, String imports, String body) {
        String source = "package learner;\n" + imports + "\n"
                + "public class " + name + " implements katas.fixture.Program {\n"
                + "  public void run() throws Exception {\n" + body + "\n  }\n}\n";
        return learnerJar(name, Map.of("learner." + name, source));
    }

    /** Runs {@code judge submit} on a jar against the fixture; reads the result it wrote. */
    static Outcome submit(Path jar) {
        Path json = ROOT.resolve("results/" + jar.getFileName() + ".json");
        return run(json, "submit", "--day", "1", "--jar", jar.toString(), "--who", "test",
                "--results", ROOT.resolve("results").toString(), "--json", json.toString());
    }

    static Outcome run(Path json, String... args) {
        List<String> withProblems = new ArrayList<>(List.of(args));
        withProblems.addAll(1, List.of("--problems", PROBLEMS.toString()));
        return runRaw(json, withProblems.toArray(String[]::new));
    }

    static Outcome runRaw(Path json, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            var cl = katajudge.cli.JudgeCliAccess.commandLine();
            cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
            if (json != null) {
                try {
                    Files.deleteIfExists(json);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            code = cl.execute(args);
        } finally {
            System.setOut(oldOut);
        }
        JsonNode result = null;
        if (json != null && Files.isRegularFile(json)) {
            try {
                result = new ObjectMapper().readTree(json.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), result);
    }

    /** A copy of the fixture problems folder whose spec.json is edited by {@code edit}. */
    static Path variant(java.util.function.UnaryOperator<String> edit) {
        try {
            Path problems = Files.createTempDirectory(ROOT, "variant-");
            copyTree(PROBLEMS.resolve("day01-fixture"), problems.resolve("day01-fixture"));
            Path spec = problems.resolve("day01-fixture/spec.json");
            Files.writeString(spec, edit.apply(Files.readString(spec)));
            for (String jar : new String[] {"api/target/katas-api.jar", "pack/target/katas-pack.jar"}) {
                Files.createDirectories(problems.resolve(jar).getParent());
                Files.copy(PROBLEMS.resolve(jar), problems.resolve(jar));
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ compiling

    static void compileToJar(List<Path> sources, String classPath, Path jar) throws IOException {
        Path classes = Files.createTempDirectory(ROOT == null ? Path.of(System.getProperty("java.io.tmpdir"))
                : ROOT, "classes-");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath, "-proc:none",
                "-nowarn"));
        sources.forEach(s -> args.add(s.toString()));
        int rc = javac.run(null, log, log, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("compile failed:\n" + log.toString(StandardCharsets.UTF_8));
        }
        writeJar(classes, jar);
    }

    static void writeJar(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    private static List<Path> sourcesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
