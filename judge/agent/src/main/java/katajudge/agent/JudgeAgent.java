package katajudge.agent;

import java.io.IOException;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import katajudge.runtime.ThreadRegistry;

/**
 * The judge's Java agent, given to every child JVM with
 * {@code -javaagent:judge-agent.jar[=cache=DIR]}.
 *
 * <p>It weaves {@link Advices} into the JDK's thread start and end, park,
 * sleep, wait and exit methods (a version-gated table: the private names are
 * those of JDK 22 and later). Weaving with Byte Buddy costs about a second of
 * start-up, so the woven class files are kept in the cache folder, per JDK
 * build and agent build, and later JVMs just redefine the classes with them.
 * Then it checks itself: if a thread start, a park, a sleep or a thread end
 * goes unseen, the runner reports a judge error instead of judging blind.
 */
public final class JudgeAgent {

    /** The oldest JDK whose private method names the table matches (Thread.sleepNanos came in 22). */
    static final int MIN_FEATURE = 22;

    static final List<String> INSTRUMENTED = List.of("java.lang.Thread", "java.lang.VirtualThread",
            "java.util.concurrent.locks.LockSupport", "java.lang.Object", "java.lang.Runtime",
            "java.io.FileOutputStream", "java.io.RandomAccessFile", "java.io.UnixFileSystem",
            "sun.nio.fs.UnixChannelFactory", "sun.nio.fs.UnixFileSystemProvider", "sun.nio.ch.Net",
            "sun.nio.ch.DatagramChannelImpl", "java.lang.ProcessBuilder", "java.lang.reflect.AccessibleObject");

    private JudgeAgent() {}

    public static void premain(String args, Instrumentation inst) {
        if (Runtime.version().feature() < MIN_FEATURE) {
            ThreadRegistry.reportAgentProblem("the judge agent needs JDK " + MIN_FEATURE + "+, this is "
                    + Runtime.version());
            return;
        }
        // Woven code in java.base calls the runtime in the bootstrap loader's unnamed module.
        Module javaBase = Object.class.getModule();
        inst.redefineModule(javaBase, Set.of(ThreadRegistry.class.getModule()), Map.of(), Map.of(),
                Set.of(), Map.of());
        // Load every class to instrument now, so both paths (cache or weaving) see them all loaded.
        for (String type : INSTRUMENTED) {
            try {
                Class.forName(type);
            } catch (ClassNotFoundException | LinkageError e) {
                ThreadRegistry.reportAgentProblem("no " + type + " in this JDK: " + e);
            }
        }
        Path cache = cacheDir(args);
        if (cache == null || !redefineFromCache(inst, cache)) {
            Map<String, byte[]> woven = Weaver.weave(inst);
            for (String type : INSTRUMENTED) {
                if (!woven.containsKey(type)) {
                    ThreadRegistry.reportAgentProblem("the agent did not instrument " + type);
                }
            }
            if (cache != null && woven.keySet().containsAll(INSTRUMENTED)) {
                save(cache, woven);
            }
        }
        // Schedule points go into the learner's classes as they load, only while a schedule is explored.
        inst.addTransformer(new LearnerWeaver());
        selfTest();
    }

    /** The cache folder for this JDK build and this agent build, from {@code cache=DIR}; null if none. */
    private static Path cacheDir(String args) {
        if (args == null || !args.startsWith("cache=")) {
            return null;
        }
        try {
            Path jar = Path.of(JudgeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String key = (Runtime.version() + "-" + Files.getLastModifiedTime(jar).toMillis() + "-" + Files.size(jar))
                    .replaceAll("[^A-Za-z0-9.+-]", "_");
            return Path.of(args.substring("cache=".length())).resolve(key);
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean redefineFromCache(Instrumentation inst, Path dir) {
        try {
            List<ClassDefinition> definitions = new ArrayList<>();
            for (String type : INSTRUMENTED) {
                Path file = dir.resolve(type + ".class");
                if (!Files.isRegularFile(file)) {
                    return false;
                }
                definitions.add(new ClassDefinition(Class.forName(type), Files.readAllBytes(file)));
            }
            inst.redefineClasses(definitions.toArray(ClassDefinition[]::new));
            return true;
        } catch (Exception | LinkageError e) {
            return false; // a stale or damaged cache: weave afresh
        }
    }

    private static void save(Path dir, Map<String, byte[]> woven) {
        try {
            Files.createDirectories(dir);
            for (String type : INSTRUMENTED) {
                Path tmp = Files.createTempFile(dir, type, ".tmp");
                Files.write(tmp, woven.get(type));
                Files.move(tmp, dir.resolve(type + ".class"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // no cache this time: the next JVM weaves again
        }
    }

    /** Starts a platform and a virtual thread that park and sleep; every event must be seen. */
    private static void selfTest() {
        long before = ThreadRegistry.eventsSeen();
        try {
            // Named, so it takes no default name (Thread-0) from the program it is judging.
            Thread p = new Thread(() -> LockSupport.parkNanos(1_000), "judge-agent-self-test");
            p.start();
            p.join();
            Thread v = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            v.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long seen = ThreadRegistry.eventsSeen() - before;
        // start, park, end for each thread at least (the virtual one's sleep parks too).
        if (seen >= 6) {
            ThreadRegistry.markSelfTestPassed();
        } else {
            ThreadRegistry.endSelfTest();
            ThreadRegistry.reportAgentProblem("self-test saw " + seen + " of at least 6 thread events: "
                    + "the instrumentation is not active");
        }
    }
}
