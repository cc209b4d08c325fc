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
 * the file system, no {@code /proc} (so no {@code /proc/self/mem}), no
 * capabilities, and kernel limits (rlimits) on CPU time, file size, open files
 * and processes. The judge's files in the run folder are read-only but for the
 * one it writes back (its recording); the one folder it writes in, its work
 * folder, is a scratch folder in memory of a bounded size (bubblewrap 0.8 or
 * later): no number of files can fill the machine's disk, and the scratch is
 * gone with the sandbox. Where the machine lets the
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
     * @param available      bubblewrap started a process with the judge's flags
     * @param bwrap          its path, or null
     * @param detail         its version when available, else why not (and how to get it)
     * @param boundedScratch it can size the run folder's scratch (its {@code --size}, bubblewrap 0.8 and
     *                       later); else the run folder is the one on disk, bounded per file only
     */
    public record Probe(boolean available, String bwrap, String detail, boolean boundedScratch) {}

    /** How the child is started: the full command line, the sandbox wrapper included when it is on. */
    public record Launch(List<String> command, Sandbox sandbox) {}

    /**
     * The kernel limits put on everything inside the sandbox.
     *
     * @param cpuSeconds CPU time of all the child's threads together
     * @param processes  processes and threads (enforced for a judge not run as root: root is exempt)
     * @param fileBytes  largest file the child may write
     * @param openFiles  open file descriptors
     * @param scratchBytes all the files the child writes in its run folder together (where the probe found
     *                     bubblewrap able to size it)
     */
    public record Limits(long cpuSeconds, int processes, long fileBytes, int openFiles, long scratchBytes) {}

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
                : "; no kernel limit on memory and tasks (no cgroup the judge may write)")
                + (p.boundedScratch() ? "; files written kept in a bounded scratch folder"
                : "; files written bounded per file only (bubblewrap before 0.8 cannot size a scratch folder)"));
    }

    /**
     * The command that runs {@code java} (its first element) inside the sandbox, or the command unchanged
     * when the sandbox is off. The run folder holds the judge's files for the child, which it reads and
     * cannot change, except the files of {@code writeBack} (which must exist), the only ones it writes that
     * outlive it; {@code workDir}, inside it, is where it starts and the one folder it may write in.
     */
    public Launch wrap(List<String> java, Path runDir, Path workDir, List<Path> writeBack, Limits limits) {
        if (!on) {
            return new Launch(List.copyOf(java), this);
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
            command.addAll(List.of("/usr/bin/prlimit", "--cpu=" + limits.cpuSeconds(), "--nproc=" + limits.processes(),
                    "--fsize=" + limits.fileBytes(), "--nofile=" + limits.openFiles(), "--core=0", "--"));
        }
        command.add(Objects.requireNonNullElse(probe().bwrap(), "bwrap"));
        command.addAll(fence(Path.of(java.getFirst()), runDir, workDir, writeBack,
                probe().boundedScratch() ? limits.scratchBytes() : 0));
        command.addAll(java);
        return new Launch(List.copyOf(command), this);
    }

    /**
     * bubblewrap's flags; the probe runs with the same ones, so "available" means "this works".
     *
     * @param scratchBytes the size of the work folder, a scratch folder in memory, or 0 for the work folder
     *                     itself (on disk) made writable
     */
    private static List<String> fence(Path javaBinary, Path runDir, Path workDir, List<Path> writeBack,
                                      long scratchBytes) {
        String dir = runDir.toAbsolutePath().toString();
        String work = workDir.toAbsolutePath().toString();
        List<String> flags = new ArrayList<>(List.of(
                "--unshare-all", "--unshare-user", // own PID, network (loopback only), IPC, UTS and user namespaces
                "--cap-drop", "ALL",
                "--die-with-parent", "--new-session", // no terminal to push input into
                "--ro-bind", "/", "/",
                // A /dev of its own, read-only: its tmpfs (and /dev/shm in it) would hold half the machine's
                // memory.
                "--dev", "/dev", "--remount-ro", "/dev",
                // No /proc: no /proc/self/mem, no view of other processes. The java launcher only
                // needs /proc/self/exe to find its own libraries. Read-only too, like /dev.
                "--tmpfs", "/proc", "--dir", "/proc/self", "--symlink", javaBinary.toString(), "/proc/self/exe",
                "--remount-ro", "/proc"));
        // The judge's files: read-only (bound again: a run folder under a read-only bind of / can be a mount
        // of its own), the files written back writable.
        flags.addAll(List.of("--ro-bind", dir, dir));
        for (Path p : writeBack) {
            String file = p.toAbsolutePath().toString();
            flags.addAll(List.of("--bind", file, file));
        }
        if (scratchBytes > 0) {
            // A tmpfs of bounded size, charged to the child's memory group where there is one: no number of
            // files fills the disk, and the scratch is gone with the sandbox.
            flags.addAll(List.of("--size", Long.toString(scratchBytes), "--tmpfs", work));
        } else {
            flags.addAll(List.of("--bind", work, work));
        }
        flags.addAll(List.of("--chdir", work));
        return flags;
    }

    private static Probe runProbe() {
        String bwrap = BWRAP.stream().map(Sandbox::onPath).filter(p -> p != null).findFirst().orElse(null);
        if (bwrap == null) {
            return new Probe(false, null, "bubblewrap is not installed (Linux: judge/bin/ensure-sandbox, "
                    + "or the 'bubblewrap' package)", false);
        }
        try {
            Path dir = Files.createTempDirectory("katas-sandbox-probe-");
            Path input = Files.writeString(dir.resolve("input"), "judge\n");
            Path output = Files.createFile(dir.resolve("output"));
            Path work = Files.createDirectory(dir.resolve("work"));
            try {
                Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
                // The whole fence, a bounded scratch folder included, with a file read and one written back;
                // a bubblewrap before 0.8 knows no --size: then the work folder on disk, bounded per file.
                String said = tryFence(bwrap, fence(java, dir, work, List.of(output), 1 << 20));
                if (said == null) {
                    return new Probe(true, bwrap, version(bwrap), true);
                }
                String unsized = tryFence(bwrap, fence(java, dir, work, List.of(output), 0));
                if (unsized == null) {
                    return new Probe(true, bwrap, version(bwrap), false);
                }
                return new Probe(false, bwrap, unsized.equals(TIMED_OUT) ? "bubblewrap did not answer within 10 s"
                        : "bubblewrap cannot run here (user namespaces off?): " + unsized, false);
            } finally {
                for (Path p : List.of(work.resolve("scratch"), work, input, output, dir)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            return new Probe(false, bwrap, "bubblewrap cannot run here: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, bwrap, "interrupted while checking bubblewrap", false);
        }
    }

    private static final String TIMED_OUT = "timed out";

    /**
     * Runs a shell inside the fence that reads the input file, writes the output file and a file in the
     * work folder; null when it did, else what went wrong.
     */
    private static String tryFence(String bwrap, List<String> fence) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bwrap));
        command.addAll(fence);
        command.addAll(List.of("/bin/sh", "-c", "read line < ../input && echo \"$line\" > ../output && echo x > scratch"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return TIMED_OUT;
        }
        String said = new String(p.getInputStream().readAllBytes()).strip();
        return p.exitValue() == 0 ? null : said.isEmpty() ? "exit " + p.exitValue() : said;
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
