package katajudge.trace;

import java.util.List;
import katajudge.protocol.ThreadSnapshot;

/**
 * What the threads of one run did over time, ready to draw: judged regions
 * (tests, speedup runs), and lanes of threads in groups by where they were
 * created. Times are microseconds since the recording began. Strings that
 * repeat (stacks, what a thread waits on) are kept once in {@code strings}
 * and named by index, so a page with thousands of spans stays small.
 *
 * @param micros   how long the recording lasted
 * @param regions  the judged regions, in order
 * @param groups   threads by creation site, in order of their first start
 * @param strings  the shared strings spans and lanes point to
 * @param threads  how many threads the lanes stand for in all
 * @param atEnd    the learner's threads still alive when the recording ended, as the judge's agent saw them
 *                 (what each waits on and who holds it: the wait-for graph of a deadlock)
 */
public record Timeline(long micros, List<Region> regions, List<Group> groups, List<String> strings, int threads,
                       List<ThreadSnapshot> atEnd) {

    /** What a thread is doing during a span; the order is the page's colour legend. */
    public enum State {
        /** Sampled on a CPU in Java code. */
        RUNNING,
        /** Not waiting, but not seen on a CPU (ready to run, or running native code). */
        RUNNABLE,
        /** Blocked entering a {@code synchronized} monitor another thread holds. */
        BLOCKED,
        /** Parked or waiting: a lock, a condition, a queue, a latch, a future, a join. */
        WAITING,
        /** In {@code Thread.sleep}. */
        SLEEPING
    }

    /** A hidden test or a timed speedup run: {@code kind} is "test" or "speedup". */
    public record Region(String name, String kind, long start, long end) {}

    /**
     * Threads created at one place. Lanes holds each thread's spans for the
     * first few (and for every thread a finding names); {@code profile}
     * counts, per state and per time slice, how many of all {@code size}
     * threads were in it, so ten thousand threads draw as one band.
     */
    public record Group(String site, int size, List<Lane> lanes, int slices, List<List<Integer>> profile) {}

    /**
     * One thread. A span is {@code [start, end, state ordinal, string index of
     * what it waits on or -1, string index of its stack or -1]}.
     *
     * @param created string index of the stack that started it, or -1
     * @param mark    what a finding says about this thread (leaked, spinning, deadlocked), or null
     */
    public record Lane(long id, String name, boolean virtual, long start, long end, int created,
                       List<long[]> spans, String mark) {}
}
