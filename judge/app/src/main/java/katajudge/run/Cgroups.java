package katajudge.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kernel limits on a judging's memory (heap and native together) and on its
 * tasks (processes and threads), from Linux control groups the judge may
 * write to: one group of its own per child, made under the judge's own group,
 * entered by a shell that writes its own pid there and then runs the sandbox,
 * so the JVM is inside from its first instruction; removed once the child has
 * ended.
 *
 * <p>Rlimits cannot give these: an address-space limit counts what the JVM
 * reserves, not what it uses, and the process-count limit does not hold for
 * root, whom CI runners often are. The JVM's own bounds (heap, direct memory,
 * metaspace, thread stacks times the thread cap) hold only if nothing native
 * escapes them; this is the bound that holds when something does.
 *
 * <p>The version-1 hierarchies (a {@code memory} and a {@code pids} mount)
 * are used where both are writable, as on the machine this was built on;
 * elsewhere (a learner's laptop, a container with a read-only
 * {@code /sys/fs/cgroup}, cgroup v2 alone) there are none, and the report
 * says so.
 */
public final class Cgroups {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static volatile Hierarchies hierarchies;

    private Cgroups() {}

    /**
     * Where this judge may make groups: its own group in each hierarchy.
     *
     * @param memory the judge's group in the memory hierarchy
     * @param pids   the judge's group in the pids hierarchy
     */
    public record Hierarchies(Path memory, Path pids) {}

    /**
     * What the kernel stopped in a group: the memory limit was reached and a
     * task killed for it, or a task could not be started.
     */
    record Hits(boolean memory, boolean tasks) {}

    /** The judge's own writable groups, or null when the limits cannot be set here (asked once). */
    public static Hierarchies available() {
        Hierarchies h = hierarchies;
        if (h == null) {
            synchronized (Cgroups.class) {
                if (hierarchies == null) {
                    Hierarchies found = probe(ROOT, Path.of("/proc/self/cgroup"));
                    hierarchies = found.memory() != null && entered(found) ? found : new Hierarchies(null, null);
                }
                h = hierarchies;
            }
        }
        return h.memory() == null ? null : h;
    }

    /**
     * Whether a process can really enter a group made there (a writable
     * directory is not proof: a container may refuse the move): a shell
     * run through {@link Group#enter()} must end well.
     */
    private static boolean entered(Hierarchies where) {
        try (Group trial = open(where, 64L << 20, 16)) {
            if (trial == null) {
                return false;
            }
            List<String> command = new java.util.ArrayList<>(trial.enter());
            command.add("true");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            return p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The judge's groups under {@code root}, from its {@code /proc/self/cgroup} lines; nulls when not writable. */
    static Hierarchies probe(Path root, Path selfCgroup) {
        try {
            Path memory = null;
            Path pids = null;
            for (String line : Files.readAllLines(selfCgroup)) {
                // "4:memory:/some/path": hierarchy id, controllers, the group's path in it.
                String[] parts = line.split(":", 3);
                if (parts.length < 3) {
                    continue;
                }
                for (String controller : parts[1].split(",")) {
                    Path group = root.resolve(controller).resolve(parts[2].replaceFirst("^/", ""));
                    if (controller.equals("memory") && writable(group)) {
                        memory = group;
                    } else if (controller.equals("pids") && writable(group)) {
                        pids = group;
                    }
                }
            }
            return memory != null && pids != null ? new Hierarchies(memory, pids) : new Hierarchies(null, null);
        } catch (IOException | RuntimeException e) {
            return new Hierarchies(null, null);
        }
    }

    /** Whether groups can be made under {@code group}: a group's directory we may write to. */
    private static boolean writable(Path group) {
        return Files.isDirectory(group) && Files.isWritable(group) && Files.exists(group.resolve("cgroup.procs"));
    }

    /**
     * Makes a group for one child with these limits, or returns null when
     * the machine has none to give (then the child runs under rlimits only).
     */
    static Group open(Hierarchies where, long memoryBytes, int tasks) {
        if (where == null) {
            return null;
        }
        String name = "katas-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        Path memory = where.memory().resolve(name);
        Path pids = where.pids().resolve(name);
        try {
            Files.createDirectory(memory);
            Files.createDirectory(pids);
            Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
            // With swap, memory and swap together: a child must not go on by swapping.
            Path swap = memory.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(swap)) {
                Files.writeString(swap, Long.toString(memoryBytes));
            }
            Files.writeString(pids.resolve("pids.max"), Integer.toString(tasks));
            Group group = new Group(memory, pids, memoryBytes, tasks);
            CleanupOnExit.track(group); // a judge stopped half-way leaves no group behind
            return group;
        } catch (IOException | RuntimeException e) {
            new Group(memory, pids, memoryBytes, tasks).close();
            return null;
        }
    }

    /**
     * One child's group.
     *
     * @param memory      its directory in the memory hierarchy
     * @param pids        its directory in the pids hierarchy
     * @param memoryBytes its memory limit
     * @param tasks       its task limit
     */
    record Group(Path memory, Path pids, long memoryBytes, int tasks) implements AutoCloseable {

        /**
         * The command prefix that enters the group: a shell writes its own
         * pid into both groups, then replaces itself with the rest of the
         * command (everything it starts is inside).
         */
        List<String> enter() {
            return List.of("/bin/sh", "-c", "echo $$ > \"$1\" && echo $$ > \"$2\" && shift 2 && exec \"$@\"",
                    "katas-limits", memory.resolve("cgroup.procs").toString(), pids.resolve("cgroup.procs").toString());
        }

        /**
         * What the kernel stopped in this group so far: a task killed for
         * memory (on kernels before 4.13, which count no kills, a charge that
         * failed at the limit), a task refused at the limit.
         */
        Hits hits() {
            Path oom = memory.resolve("memory.oom_control");
            boolean killed = hasCounter(oom, "oom_kill") ? counter(oom, "oom_kill") > 0
                    : counter(memory.resolve("memory.failcnt"), null) > 0;
            return new Hits(killed, counter(pids.resolve("pids.events"), "max") > 0);
        }

        /** Ends whatever is left in the group and removes it (a child's tree is normally gone by now). */
        @Override
        public void close() {
            for (Path group : List.of(memory, pids)) {
                try {
                    if (Files.exists(group.resolve("cgroup.procs"))) {
                        for (String pid : Files.readAllLines(group.resolve("cgroup.procs"))) {
                            ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // nothing left to end, or not ours to end
                }
            }
            CleanupOnExit.forget(this);
            for (Path group : List.of(memory, pids)) {
                // A killed task leaves its group a moment after the kill: a few tries, then it stays (empty
                // groups cost nothing and the next run's names differ).
                for (int i = 0; i < 100 && Files.exists(group); i++) {
                    try {
                        Files.delete(group);
                    } catch (IOException e) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        }
    }

    private static boolean hasCounter(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith(key + " "));
        } catch (IOException e) {
            return false;
        }
    }

    /** A counter from a cgroup file: the whole file as a number, or the number after {@code key} on its line. */
    static long counter(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.strip().split("\\s+");
                if (key == null && kv.length == 1) {
                    return Long.parseLong(kv[0]);
                }
                if (key != null && kv.length == 2 && kv[0].equals(key)) {
                    return Long.parseLong(kv[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not there (another kernel): no count
        }
        return 0;
    }
}
