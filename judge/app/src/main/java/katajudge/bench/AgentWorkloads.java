package katajudge.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import katajudge.runtime.Callers;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.TrackedThread;

/**
 * One run of an agent-overhead workload ({@link LearnerWorkloads}), in a JVM
 * of its own, with or without the agent. This class plays the judge: it loads
 * the workload through a separate class loader, declares that loader the
 * learner's and opens a judged region, as the child runner does, so the
 * workload's starts and parks are the learner's.
 *
 * <p>It checks that what it measured happened and fails (exit 1, a message
 * on stderr) otherwise: with the agent, the registry must have recorded every
 * thread the workload started as the learner's and seen the waits of the
 * calling thread end; without it, no agent may be present. A run that
 * measured nothing can therefore never be printed as a figure.
 *
 * <p>Arguments: {@code with|without WORKLOAD ROUNDS}. Prints one line:
 * {@code RESULT workload nanos}.
 */
public final class AgentWorkloads {

    private AgentWorkloads() {}

    public static void main(String[] args) throws Exception {
        try {
            boolean agent = switch (args[0]) {
                case "with" -> true;
                case "without" -> false;
                default -> throw new IllegalArgumentException("first argument: with|without, not " + args[0]);
            };
            System.out.println("RESULT " + args[1] + " " + measure(agent, args[1], Integer.parseInt(args[2])));
            System.out.flush();
            Runtime.getRuntime().halt(0);
        } catch (BenchFailure | RuntimeException e) {
            System.err.println("benchmark failed: " + e.getMessage());
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    /** A benchmark whose measurement did not happen as described. */
    static final class BenchFailure extends Exception {
        BenchFailure(String message) {
            super(message);
        }
    }

    /** Runs a warm-up round (a tenth) and the measured round; returns the measured round's nanoseconds. */
    static long measure(boolean agent, String which, int rounds) throws Exception {
        // With the agent its runtime sits on the boot class path; without it, the class comes from the judge's lib.
        boolean agentPresent = ThreadRegistry.class.getClassLoader() == null;
        if (agentPresent != agent) {
            throw new BenchFailure(agent ? "the agent is not installed in this JVM (no -javaagent?)"
                    : "the agent is installed in the baseline JVM");
        }
        URL code = LearnerWorkloads.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader learner = new URLClassLoader("bench-learner", new URL[] {code},
                ClassLoader.getPlatformClassLoader())) {
            Method run = learner.loadClass(LearnerWorkloads.class.getName()).getMethod("run", String.class, int.class);
            if (run.getDeclaringClass().getClassLoader() != learner) {
                throw new BenchFailure("the workload was not loaded by the learner's class loader");
            }
            int warmUp = Math.max(1, rounds / 10);
            if (!agent) {
                invoke(run, which, warmUp);
                long start = System.nanoTime();
                invoke(run, which, rounds);
                return System.nanoTime() - start;
            }
            Callers.setLearnerLoader(learner);
            ThreadRegistry.beginRegion(Thread.currentThread(), "bench");
            try {
                invoke(run, which, warmUp);
                long virtual = ThreadRegistry.learnerStartedVirtual();
                long platform = ThreadRegistry.learnerStartedPlatform();
                TrackedThread root = rootRecord();
                long progress = root.progress();
                long start = System.nanoTime();
                long parks = invoke(run, which, rounds);
                long nanos = System.nanoTime() - start;
                check(which, rounds, ThreadRegistry.learnerStartedVirtual() - virtual,
                        ThreadRegistry.learnerStartedPlatform() - platform, parks, root.progress() - progress);
                return nanos;
            } finally {
                ThreadRegistry.endRegion();
                Callers.setLearnerLoader(null);
            }
        }
    }

    /** What the agent must have seen of one measured round, per workload. */
    static void check(String which, int rounds, long virtualSeen, long platformSeen, long parks, long waitsSeen)
            throws BenchFailure {
        long expectVirtual = which.equals("virtual-park") ? rounds : 0;
        long expectPlatform = switch (which) {
            case "platform-start" -> rounds;
            case "park-unpark" -> 1;
            default -> 0;
        };
        if (virtualSeen != expectVirtual || platformSeen != expectPlatform) {
            throw new BenchFailure(which + ": the agent recorded " + virtualSeen + " virtual and " + platformSeen
                    + " platform learner threads, the workload started " + expectVirtual + " and " + expectPlatform);
        }
        if (waitsSeen < parks) {
            throw new BenchFailure(which + ": the workload parked " + parks + " times, the agent saw " + waitsSeen
                    + " waits end");
        }
    }

    private static TrackedThread rootRecord() throws BenchFailure {
        return ThreadRegistry.liveUnordered().stream().filter(r -> r.thread == Thread.currentThread()).findFirst()
                .orElseThrow(() -> new BenchFailure("the judged region has no record of its root thread"));
    }

    private static long invoke(Method run, String which, int rounds) throws Exception {
        try {
            return (long) run.invoke(null, which, rounds);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
