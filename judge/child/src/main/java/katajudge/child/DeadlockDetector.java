package katajudge.child;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import katajudge.protocol.Policy;

/**
 * Deadlock, Go style: every thread in scope (the test thread, the learner's
 * threads, the test's helpers started during this phase) waits without a
 * timeout, or with one that ends after the phase's limit; no JDK worker that
 * could wake them is busy; and nothing moved (no wait of theirs ended) for
 * the window. This catches queue, latch and future waits, not only lock
 * cycles, for virtual threads too. The lock cycle, or a dead owner, is named
 * when there is one.
 */
final class DeadlockDetector {

    /** What stops the phase: the summary a learner reads, the lock cycle (thread names) if any, the scope. */
    record Found(String summary, List<String> cycle, List<ThreadSample> threads) {}

    private final long windowMs;
    private final Policy policy;
    /** When the scope was first seen asleep with the current signature (System.nanoTime); 0: not asleep. */
    private long asleepSince;
    private long asleepSignature;

    /** @param windowMs how long all must stay asleep, before the allowance for an overloaded machine */
    DeadlockDetector(long windowMs, Policy policy) {
        this.windowMs = windowMs;
        this.policy = policy;
    }

    /** A new phase: what was seen asleep before says nothing about it. */
    void reset() {
        asleepSince = 0;
    }

    /**
     * One tick.
     *
     * @param threads     the live threads in view, oldest first
     * @param limitAtNanos when the phase's time limit ends: a wait that outlasts it counts as forever
     * @param lateMs      how late the watchdog's ticks run (smoothed): a woken thread waiting for a core on an
     *                    overloaded machine still looks asleep, so the window grows with it
     * @return the deadlock, or null
     */
    Found observe(long nowNanos, List<ThreadSample> threads, long limitAtNanos, long lateMs, ThreadProbe probe) {
        // A helper left over from an earlier test must not hide this one's deadlock: only this phase's are in scope.
        List<ThreadSample> scope = threads.stream().filter(ThreadSample::alive)
                .filter(t -> t.learner() || t.root() || t.startedInPhase()).toList();
        boolean asleep = !scope.isEmpty() && scope.stream().allMatch(t -> isAsleep(t, limitAtNanos))
                && scope.stream().anyMatch(ThreadSample::root) && !probe.jdkWorkersBusy();
        if (!asleep) {
            asleepSince = 0;
            return null;
        }
        long signature = 17;
        for (ThreadSample t : scope) {
            signature = signature * 31 + t.id();
            signature = signature * 31 + t.progress();
        }
        if (asleepSince == 0 || signature != asleepSignature) {
            asleepSince = nowNanos;
            asleepSignature = signature;
            return null;
        }
        long window = windowMs + policy.lateAllowanceMs(lateMs);
        if ((nowNanos - asleepSince) / 1_000_000 < window) {
            return null;
        }
        List<String> cycle = waitForCycle(scope, probe);
        boolean timed = scope.stream().anyMatch(t -> t.state() == Thread.State.TIMED_WAITING);
        String deadOwner = deadOwner(scope, probe);
        String summary = "all threads are asleep - deadlock! " + scope.size() + " thread"
                + (scope.size() == 1 ? " waits" : "s wait") + " forever"
                + (timed ? " (or past the time limit)" : "")
                + (!cycle.isEmpty() ? ": lock cycle " + String.join(" -> ", cycle)
                : deadOwner != null ? ": " + deadOwner
                : " and none holds what another needs: a missing signal, close, countDown or send");
        return new Found(summary, cycle, scope);
    }

    /**
     * Asleep: waiting without a timeout, or with one that ends after the
     * phase's time limit (ExecutorService.close waits a day "with a timeout";
     * such a wait cannot end in time, so it counts as forever).
     */
    static boolean isAsleep(ThreadSample t, long limitAtNanos) {
        Thread.State s = t.state();
        return s == Thread.State.WAITING || s == Thread.State.BLOCKED
                || s == Thread.State.TIMED_WAITING && t.waitKind() != null && t.waitUntilNanos() - limitAtNanos > 0;
    }

    /** A lock whose holder has ended (it never unlocked, say on an exception): who waits for it, or null. */
    private static String deadOwner(List<ThreadSample> scope, ThreadProbe probe) {
        for (ThreadSample t : scope) {
            ThreadProbe.Holder holder = probe.holderOf(t.id());
            if (holder != null && !holder.alive()) {
                return "'" + t.name() + "' waits for a lock held by '" + holder.name()
                        + "', a dead owner: that thread ended without unlocking it";
            }
        }
        return null;
    }

    /** Follows "waits for a lock held by" edges among the scope; returns the first cycle found, as thread names. */
    static List<String> waitForCycle(List<ThreadSample> scope, ThreadProbe probe) {
        Map<Long, Long> waitsFor = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (ThreadSample t : scope) {
            names.put(t.id(), t.name());
            ThreadProbe.Holder holder = probe.holderOf(t.id());
            if (holder != null) {
                waitsFor.put(t.id(), holder.id());
                names.putIfAbsent(holder.id(), holder.name());
            }
        }
        for (Long start : waitsFor.keySet()) {
            List<Long> path = new ArrayList<>();
            Long at = start;
            while (at != null && !path.contains(at)) {
                path.add(at);
                at = waitsFor.get(at);
            }
            if (at != null) {
                List<String> cycle = new ArrayList<>();
                for (Long id : path.subList(path.indexOf(at), path.size())) {
                    cycle.add(names.get(id));
                }
                cycle.add(names.get(at));
                return cycle;
            }
        }
        return List.of();
    }
}
