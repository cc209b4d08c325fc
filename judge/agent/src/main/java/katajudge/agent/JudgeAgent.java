package katajudge.agent;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import katajudge.runtime.AgentHealth;
import katajudge.runtime.Hooks;
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

    private JudgeAgent() {}

    public static void premain(String args, Instrumentation inst) {
        encapsulateRuntime(inst);
        if (Runtime.version().feature() < MIN_FEATURE) {
            AgentHealth.reportAgentProblem("the judge agent needs JDK " + MIN_FEATURE + "+, this is "
                    + Runtime.version());
            return;
        }
        // The classes to instrument, from the one table (read only now: the runtime is exported above).
        List<String> instrumented = Hooks.types();
        // Load every class to instrument now, so both paths (cache or weaving) see them all loaded.
        for (String type : instrumented) {
            try {
                Class.forName(type);
            } catch (ClassNotFoundException | LinkageError e) {
                AgentHealth.reportAgentProblem("no " + type + " in this JDK: " + e);
            }
        }
        Path cache = cacheDir(args);
        if (cache == null || !redefineFromCache(inst, cache, instrumented)) {
            Map<String, byte[]> woven = Weaver.weave(inst);
            for (String type : instrumented) {
                if (!woven.containsKey(type)) {
                    AgentHealth.reportAgentProblem("the agent did not instrument " + type);
                }
            }
            if (cache != null && !args.endsWith(READ_ONLY) && woven.keySet().containsAll(instrumented)) {
                WovenCache.write(cache, instrumented, woven);
            }
        }
        // Schedule points go into the learner's classes as they load, only while a schedule is explored.
        inst.addTransformer(new LearnerWeaver());
        selfTest();
    }

    /**
     * The runtime (registry, guard) is patched into {@code java.base}
     * ({@code --patch-module java.base=judge-agent-runtime.jar}) in a judging:
     * its package is then not exported, not open, so learner code can neither
     * call it, reflect into it nor take a private lookup in it. Only the
     * judge's own code is given the export, and the opening of
     * {@code java.util.concurrent.locks} it needs to read a lock's owner: the
     * agent here (it is in the application class loader's unnamed module, as
     * is {@code judge run}'s program runner; the learner's code has a loader
     * and an unnamed module of its own), the child's runner, the named module
     * {@code katajudge.child}, by its command line ({@code JudgeHome}).
     * Without the patch (a plain {@code -javaagent}) the runtime sits on the
     * boot class path, open to all, and woven code there needs a read edge.
     *
     * <p>This method must run before any use of a runtime class: resolving one
     * before the export is an IllegalAccessError.
     */
    private static void encapsulateRuntime(Instrumentation inst) {
        Module javaBase = Object.class.getModule();
        Module judge = JudgeAgent.class.getModule();
        if (javaBase.getPackages().contains(RUNTIME_PACKAGE)) {
            inst.redefineModule(javaBase, Set.of(), Map.of(RUNTIME_PACKAGE, Set.of(judge)),
                    Map.of("java.util.concurrent.locks", Set.of(judge)), Set.of(), Map.of());
        } else {
            // Resolving ThreadRegistry is safe here: the boot loader's unnamed module exports everything.
            inst.redefineModule(javaBase, Set.of(ThreadRegistry.class.getModule()), Map.of(),
                    Map.of("java.util.concurrent.locks", Set.of(judge)), Set.of(), Map.of());
        }
    }

    /** The package of the runtime, named here as text so that naming it resolves no class. */
    static final String RUNTIME_PACKAGE = "katajudge.runtime";

    /** The cache folder for this JDK build and this agent build, from {@code cache=DIR[,readonly]}; null if none. */
    private static Path cacheDir(String args) {
        if (args == null || !args.startsWith("cache=")) {
            return null;
        }
        try {
            Path jar = Path.of(JudgeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String key = (Runtime.version() + "-" + Files.getLastModifiedTime(jar).toMillis() + "-" + Files.size(jar))
                    .replaceAll("[^A-Za-z0-9.+-]", "_");
            String dir = args.substring("cache=".length());
            if (dir.endsWith(READ_ONLY)) {
                dir = dir.substring(0, dir.length() - READ_ONLY.length());
            }
            return Path.of(dir).resolve(key);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * In a judging the cache is only read ({@code cache=DIR,readonly}): it is
     * written by the build's warm-up run, before any learner code exists.
     */
    private static final String READ_ONLY = ",readonly";

    /** Redefines the instrumented classes from the cache when it is whole and unaltered. */
    private static boolean redefineFromCache(Instrumentation inst, Path dir, List<String> instrumented) {
        Map<String, byte[]> cached = WovenCache.read(dir, instrumented);
        if (cached == null) {
            return false;
        }
        try {
            List<ClassDefinition> definitions = new ArrayList<>();
            for (String type : instrumented) {
                definitions.add(new ClassDefinition(Class.forName(type), cached.get(type)));
            }
            inst.redefineClasses(definitions.toArray(ClassDefinition[]::new));
            return true;
        } catch (Exception | LinkageError e) {
            return false; // a stale cache: weave afresh
        }
    }

    /** Starts a platform and a virtual thread that park and sleep; every event must be seen. */
    private static void selfTest() {
        long before = AgentHealth.eventsSeen();
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
        long seen = AgentHealth.eventsSeen() - before;
        // start, park, end for each thread at least (the virtual one's sleep parks too).
        if (seen >= 6) {
            AgentHealth.markSelfTestPassed();
        } else {
            AgentHealth.endSelfTest();
            AgentHealth.reportAgentProblem("self-test saw " + seen + " of at least 6 thread events: "
                    + "the instrumentation is not active");
        }
    }
}
