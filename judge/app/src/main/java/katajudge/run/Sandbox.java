package katajudge.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The operating system's fence around the child JVM: bubblewrap gives it its
 * own PID namespace (it cannot see or signal the judge, and everything in it
 * dies with it), a network namespace with loopback only, a read-only view of
 * the file system with one writable run folder, no {@code /proc} (so no
 * {@code /proc/self/mem}), no capabilities, and kernel limits (rlimits) on CPU
 * time, file size, open files and processes; where the machine lets the
 * judge make control groups, the kernel also bounds the child's memory and
 * tasks ({@link Cgroups}, entered by the child's command before this fence).
 *
 * <p>Whether it is on is decided once per judging by {@link #decide()}: on
 * when bubblewrap runs on this machine, unless {@code KATAS_SANDBOX=off} (or
 * the system property {@code katas.sandbox=off}) turns it off. Where it cannot
 * run (a Mac, a container without user namespaces) practice judging still
 * works and every report says "no sandbox"; {@link #probe()} tells a caller
 * that must not judge without it (classroom grading) why it is missing.
 *
 * @param on          the child runs inside bubblewrap
 * @param description what the report shows: the tool and version, or why there is none
 */
public record Sandbox(boolean on, String description) {

    /** Where bubblewrap is looked for, in order (a learner's PATH first). */
    private static final List<String> BWRAP = List.of("bwrap", "/usr/bin/bwrap");

    /**
     * Whether the sandbox can run here.
     *
     * @param available bubblewrap started a process with the judge's flags
     * @param bwrap     its path, or null
     * @param detail    its version when available, else why not (and how to get it)
     */
    public record Probe(boolean available, String bwrap, String detail) {}

    /** How the child is started: the full command line, the sandbox wrapper included when it is on. */
    public record Launch(List<String> command, Sandbox sandbox) {}

    /**
     * The kernel limits put on everything inside the sandbox.
     *
     * @param cpuSeconds CPU time of all the child's threads together
     * @param processes  processes and threads (enforced for a judge not run as root: root is exempt)
     * @param fileBytes  largest file the child may write
     * @param openFiles  open file descriptors
     */
    public record Limits(long cpuSeconds, int processes, long fileBytes, int openFiles) {}

    private static volatile Probe probe;

    /** Whether bubblewrap runs here; asked once per judge process (about 20 ms), then remembered. */
    public static Probe probe() {
        Probe p = probe;
        if (p == null) {
            synchronized (Sandbox.class) {
                if (probe == null) {
                    probe = runProbe();
                }
                p = probe;
            }
        }
        return p;
    }

    /** The sandbox for one judging: on when available, unless turned off by the user. */
    public static Sandbox decide() {
        String setting = System.getProperty("katas.sandbox", System.getenv("KATAS_SANDBOX"));
        if ("off".equalsIgnoreCase(setting)) {
            return new Sandbox(false, "no sandbox (turned off by KATAS_SANDBOX=off)");
        }
        Probe p = probe();
        if (!p.available()) {
            return new Sandbox(false, "no sandbox: " + p.detail());
        }
        return new Sandbox(true, p.detail() + (Cgroups.available() != null
                ? "; memory (heap and native) and tasks limited by the kernel (cgroups)"
                : "; no kernel limit on memory and tasks (no cgroup the judge may write)"));
    }

    /**
     * The command that runs {@code java} (its first element) inside the sandbox
     * with {@code runDir} its only writable folder, or the command unchanged
     * when the sandbox is off.
     */
    public Launch wrap(List<String> java, Path runDir, Limits limits) {
        if (!on) {
            return new Launch(List.copyOf(java), this);
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
            command.addAll(List.of("/usr/bin/prlimit", "--cpu=" + limits.cpuSeconds(), "--nproc=" + limits.processes(),
                    "--fsize=" + limits.fileBytes(), "--nofile=" + limits.openFiles(), "--core=0", "--"));
        }
        command.add(Objects.requireNonNullElse(probe().bwrap(), "bwrap"));
        command.addAll(fence(Path.of(java.getFirst()), runDir));
        command.addAll(java);
        return new Launch(List.copyOf(command), this);
    }

    /** bubblewrap's flags; the probe runs with the same ones, so "available" means "this works". */
    private static List<String> fence(Path javaBinary, Path runDir) {
        String dir = runDir.toAbsolutePath().toString();
        return List.of(
                "--unshare-all", "--unshare-user", // own PID, network (loopback only), IPC, UTS and user namespaces
                "--cap-drop", "ALL",
                "--die-with-parent", "--new-session", // no terminal to push input into
                "--ro-bind", "/", "/",
                "--dev", "/dev",
                // No /proc: no /proc/self/mem, no view of other processes. The java launcher only
                // needs /proc/self/exe to find its own libraries.
                "--tmpfs", "/proc", "--dir", "/proc/self", "--symlink", javaBinary.toString(), "/proc/self/exe",
                "--bind", dir, dir,
                "--chdir", dir);
    }

    private static Probe runProbe() {
        String bwrap = BWRAP.stream().map(Sandbox::onPath).filter(p -> p != null).findFirst().orElse(null);
        if (bwrap == null) {
            return new Probe(false, null, "bubblewrap is not installed (Linux: judge/bin/ensure-sandbox, "
                    + "or the 'bubblewrap' package)");
        }
        try {
            Path dir = Files.createTempDirectory("katas-sandbox-probe-");
            try {
                Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
                List<String> command = new ArrayList<>(List.of(bwrap));
                command.addAll(fence(java, dir));
                command.addAll(List.of("/bin/sh", "-c", "exec true"));
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                p.getOutputStream().close();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Probe(false, bwrap, "bubblewrap did not answer within 10 s");
                }
                String said = new String(p.getInputStream().readAllBytes()).strip();
                if (p.exitValue() != 0) {
                    return new Probe(false, bwrap, "bubblewrap cannot run here (user namespaces off?): " + said);
                }
                return new Probe(true, bwrap, version(bwrap));
            } finally {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            return new Probe(false, bwrap, "bubblewrap cannot run here: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, bwrap, "interrupted while checking bubblewrap");
        }
    }

    private static String version(String bwrap) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(bwrap, "--version").redirectErrorStream(true).start();
        String v = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(5, TimeUnit.SECONDS);
        return v.isEmpty() ? "bubblewrap" : v;
    }

    private static String onPath(String name) {
        if (name.startsWith("/")) {
            return Files.isExecutable(Path.of(name)) ? name : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
