package katajudge.run;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Where the judge's pieces are: its own jar and lib folder (agent, runtime),
 * the problems folder and the compiled problem jars. Found from the judge
 * jar's own location, so the judge works from any current directory.
 *
 * @param appJar      the judge's jar (the child runs its ChildMain)
 * @param libDir      the folder with the agent and its runtime
 * @param problemsDir the {@code problems/} folder
 */
public record JudgeHome(Path appJar, Path libDir, Path problemsDir) {

    public Path agentJar() {
        return libDir.resolve("judge-agent.jar");
    }

    /** The {@code -javaagent:} option for a child JVM, with the agent's cache of woven classes. */
    public String agentOption() {
        return "-javaagent:" + agentJar() + "=cache=" + libDir.resolveSibling("agent-cache");
    }

    /**
     * The options that put the judge's agent into a child JVM with its runtime
     * (registry, guard) patched into {@code java.base}, where learner code cannot
     * reach it (the agent gives the judge's own code alone access).
     */
    public List<String> agentOptions() {
        return List.of("--patch-module", "java.base=" + libDir.resolve("judge-agent-runtime.jar"),
                // The schedule point woven into learner classes (explored katas) is the one door learners may call.
                "--add-exports", "java.base/katajudge.runtime.point=ALL-UNNAMED",
                agentOption() + ",readonly");
    }

    /**
     * The options of the plain JVM that runs tools with agents of their own (Lincheck's checks), inside the
     * sandbox like any judging. Lincheck gets its instrumentation from {@code ByteBuddyAgent.install()}, which
     * attaches to the JVM through an external process: the sandbox's PID namespace and missing {@code /proc}
     * forbid that, and the child allows no attach. Byte Buddy's agent started with the JVM ({@code Premain-Class}
     * {@code net.bytebuddy.agent.Installer}) keeps the Instrumentation, and {@code install()} returns it without
     * attaching. Lincheck's model checker reads the JDK's lock internals, hence the one opening.
     */
    public List<String> plainAgentOptions() {
        return List.of("-javaagent:" + libDir.resolve("byte-buddy-agent.jar"),
                "--add-opens", "java.base/java.util.concurrent.locks=ALL-UNNAMED");
    }

    /** The judge's code in the child JVM: the named module {@value #CHILD_MODULE}. */
    public Path childJar() {
        return libDir.resolve("judge-child.jar");
    }

    /** The module that runs a judging in the child JVM, and exports and opens nothing. */
    public static final String CHILD_MODULE = "katajudge.child";

    /**
     * The options that run the judge's child code as the named module {@value #CHILD_MODULE}, with its
     * main class: the module path (the module's jar and the jars its manifest names, i.e. its runtime
     * dependencies as its pom declares them) and the two doors into {@code java.base} it alone is given,
     * the agent's runtime and the lock owner {@code Snapshots} reads. A non-open named module: the JVM
     * refuses learner code any access to the judge's classes (the result channel and its key included),
     * public ones too, whatever the agent sees. The runtime must be patched into {@code java.base} (by
     * {@link #agentOptions()}, or alone in Lincheck's plain JVM): the module reads it there.
     */
    public List<String> childModuleOptions(String mainClass) throws IOException {
        List<Path> path = new ArrayList<>(List.of(childJar()));
        try (JarFile jar = new JarFile(childJar().toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            for (String name : classPath == null ? new String[0] : classPath.trim().split("\\s+")) {
                path.add(libDir.resolve(name));
            }
        }
        return List.of("--add-exports", "java.base/katajudge.runtime=" + CHILD_MODULE,
                "--add-opens", "java.base/java.util.concurrent.locks=" + CHILD_MODULE,
                "--module-path", String.join(File.pathSeparator, path.stream().map(Path::toString).toList()),
                "-m", CHILD_MODULE + "/" + mainClass);
    }

    public Path apiJar() {
        return problemsDir.resolve("api/target/katas-api.jar");
    }

    public Path packJar() {
        return problemsDir.resolve("pack/target/katas-pack.jar");
    }

    /** The project root: the folder that holds {@code problems/}. */
    public Path projectRoot() {
        return problemsDir.getParent();
    }

    /** Where the judge's classes come from: its jar, or target/classes in the judge's own tests. */
    private static Path judgeJar() {
        var source = JudgeHome.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                return Path.of(source.getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        // Loaded from the build's AOT cache by a JVM started in another folder than the training run's: no
        // code source (a NullPointerException before). java -jar puts the jar alone on the class path.
        return Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath();
    }

    public static JudgeHome locate(Path problemsOverride) throws BadInputException {
        Path jar = judgeJar();
        if (java.nio.file.Files.isDirectory(jar)) {
            // Run from target/classes (the judge's own tests): the child still needs the packaged jar.
            jar = jar.resolveSibling("judge.jar");
        }
        Path lib = jar.getParent().resolve("lib");
        // A bundle holds judge.jar, lib/ and problems/ side by side; in the project,
        // judge/app/target/judge.jar -> the project root is three folders up.
        Path bundled = jar.getParent().resolve("problems");
        Path problems = problemsOverride != null ? problemsOverride
                : Files.isRegularFile(bundled.resolve(katajudge.bundle.Provenance.MANIFEST)) ? bundled
                : jar.getParent().getParent().getParent().getParent().resolve("problems");
        if (!Files.isDirectory(problems)) {
            throw new BadInputException("no problems folder at " + problems + ": pass --problems DIR");
        }
        return new JudgeHome(jar, lib, problems.toAbsolutePath().normalize());
    }

    /** The problem jars must be built before judging; say how if they are not. */
    public void checkBuilt() throws BadInputException {
        for (Path p : new Path[] {agentJar(), childJar(), apiJar(), packJar()}) {
            if (!Files.isRegularFile(p)) {
                throw new BadInputException(p + " is missing: run 'make build' first");
            }
        }
    }
}
