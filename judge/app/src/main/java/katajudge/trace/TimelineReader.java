package katajudge.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import katajudge.protocol.Frame;
import katajudge.protocol.ThreadSnapshot;
import katajudge.trace.Timeline.State;

/**
 * Reads the child's flight recording into a {@link Timeline}: which threads
 * are the learner's (and the tests'), when each lived, and what it did.
 *
 * <p>A lane is a thread whose start has learner or kata code on its stack,
 * a thread started by such a thread, every virtual thread (the judge starts
 * none), and the test thread. JFR events give the waits that ended (park,
 * monitor enter and wait, sleep); the judge's own end-of-run event gives the
 * waits that never ended (a deadlock, a leaked worker); time between waits is
 * running where an execution sample saw the thread, else runnable.
 */
public final class TimelineReader {

    static final String LEARNER_LOADER = "submission";
    static final String KATA_LOADER = "kata-problems";
    /** The region {@code judge run} records around the program's main. */
    public static final String MAIN_REGION = "main";
    /** Threads of a group drawn one by one; the rest are counted in its band. */
    static final int LANES_PER_GROUP = 12;
    /** Time slices of a group's band, and the finest detail a lane keeps (a span per slice at most). */
    static final int SLICES = 600;
    private static final int STACK_FRAMES = 10;
    /** How much of the time before the first test a judging's timeline shows. */
    private static final long LEAD_NANOS = 50_000_000;

    private TimelineReader() {}

    /** A thread as the recording tells it. */
    private static final class Seen {
        final long id;
        String name = "";
        boolean virtual;
        long start = -1;
        long end = -1;
        long parent = -1;
        List<Fr> startStack = List.of();
        String entry;
        final List<Wait> waits = new ArrayList<>();
        final TreeSet<Long> samples = new TreeSet<>();
        RecordedEvent atEnd;

        Seen(long id) {
            this.id = id;
        }
    }

    private record Wait(long start, long end, State state, String on, String stack) {}

    /**
     * @param marks what the judge's findings say about threads, by thread id (leaked, spinning, deadlocked)
     */
    public static Timeline read(Path jfr, Map<Long, String> marks) throws IOException {
        return read(jfr, () -> marks);
    }

    /**
     * @param marks asked for once the recording is parsed (the parse, most of the work, can start before
     *              the judging's findings are known)
     */
    public static Timeline read(Path jfr, Supplier<Map<Long, String>> marks) throws IOException {
        try {
            return readOnce(jfr, marks);
        } finally {
            TRACES.remove();
            TEXTS.remove();
            WAITS.remove();
            ENTRIES.remove();
            SEEN.remove();
        }
    }

    private static Timeline readOnce(Path jfr, Supplier<Map<Long, String>> marks) throws IOException {
        Map<Long, Seen> threads = new LinkedHashMap<>();
        List<RecordedEvent> regions = new ArrayList<>();
        long origin = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                long start = nanos(e.getStartTime());
                long end = nanos(e.getEndTime());
                origin = Math.min(origin, start);
                last = Math.max(last, end);
                RecordedThread t = e.getThread();
                switch (e.getEventType().getName()) {
                    case "jdk.ThreadStart" -> {
                        RecordedThread started = e.getThread("thread");
                        if (started != null) {
                            Seen s = seen(threads, started);
                            s.start = start;
                            s.startStack = frames(e.getStackTrace());
                            RecordedThread parent = e.getThread("parentThread");
                            s.parent = parent == null ? (t == null ? -1 : t.getJavaThreadId())
                                    : parent.getJavaThreadId();
                        }
                    }
                    case "jdk.ThreadEnd", "jdk.VirtualThreadEnd" -> {
                        if (t != null) {
                            seen(threads, t).end = start;
                        }
                    }
                    case "jdk.VirtualThreadStart" -> {
                        if (t != null) {
                            Seen s = seen(threads, t);
                            s.virtual = true;
                            s.start = start;
                        }
                    }
                    case "jdk.ThreadPark" -> wait(threads, t, start, end, State.WAITING, e);
                    case "jdk.JavaMonitorEnter" -> wait(threads, t, start, end, State.BLOCKED, e);
                    case "jdk.JavaMonitorWait" -> wait(threads, t, start, end, State.WAITING, e);
                    case "jdk.ThreadSleep" -> wait(threads, t, start, end, State.SLEEPING, e);
                    case "jdk.ExecutionSample" -> {
                        RecordedThread sampled = e.getThread("sampledThread");
                        if (sampled != null) {
                            seen(threads, sampled).samples.add(start);
                        }
                    }
                    case "katajudge.VirtualThreadPark" -> {
                        long waited = e.getLong("waitedNanos");
                        wait(threads, t, start - waited, start, State.WAITING, e);
                    }
                    case "katajudge.Region" -> regions.add(e);
                    case "katajudge.ThreadAtEnd" -> {
                        Seen s = threads.computeIfAbsent(e.getLong("javaThreadId"), Seen::new);
                        s.name = e.getString("name");
                        s.virtual = e.getBoolean("virtual");
                        s.atEnd = e;
                    }
                    default -> { }
                }
            }
        }
        if (origin == Long.MAX_VALUE) {
            return new Timeline(0, List.of(), List.of(), List.of(), 0, List.of());
        }
        // A judging's page starts just before its first test: the JVM's start is the judge's, not the learner's.
        long first = regions.stream().mapToLong(e -> nanos(e.getStartTime())).min().orElse(origin);
        return new Builder(Math.max(origin, first - LEAD_NANOS), last, marks.get()).build(threads, regions);
    }

    /**
     * The thread an event names. JFR hands out one object per thread of a chunk, and its accessors look
     * each field up by name: each is read once, not at every one of its events.
     */
    private static Seen seen(Map<Long, Seen> threads, RecordedThread t) {
        return SEEN.get().computeIfAbsent(t, k -> {
            Seen s = threads.computeIfAbsent(t.getJavaThreadId(), Seen::new);
            String name = t.getJavaName();
            if (name != null && !name.isEmpty()) {
                s.name = name;
            }
            s.virtual |= t.isVirtual();
            return s;
        });
    }

    private static void wait(Map<Long, Seen> threads, RecordedThread t, long start, long end, State state,
                             RecordedEvent e) {
        if (t == null) {
            return;
        }
        Seen s = seen(threads, t);
        List<Fr> frames = frames(e.getStackTrace());
        RecordedClass monitor = MONITOR_EVENTS.contains(e.getEventType().getName()) ? e.getClass("monitorClass") : null;
        String on = monitor != null ? monitorWait(monitor, state) : waitsOn(e, frames);
        s.waits.add(new Wait(start, end, state, on, stack(frames)));
        String entry = ENTRIES.get().computeIfAbsent(frames, f -> Optional.ofNullable(deepestLearnerFrame(f)))
                .orElse(null);
        if (entry != null) {
            s.entry = entry;
        }
    }

    // ------------------------------------------------------------------ building the timeline

    private static final class Builder {
        final long origin;
        final long last;
        final Map<Long, String> marks;
        final Map<String, Integer> index = new HashMap<>();
        final List<String> strings = new ArrayList<>();
        /** A {@code judge run}: one region, the program's main. */
        boolean mainThread;
        /** The group of threads known only by the task they run, by that task. */
        final Map<String, String> running = new HashMap<>();
        final Map<String, String> virtualRunning = new HashMap<>();

        Builder(long origin, long last, Map<Long, String> marks) {
            this.origin = origin;
            this.last = last;
            this.marks = marks;
        }

        Timeline build(Map<Long, Seen> threads, List<RecordedEvent> regionEvents) {
            List<Timeline.Region> regions = new ArrayList<>();
            java.util.Set<Long> testThreads = new java.util.HashSet<>();
            for (RecordedEvent e : regionEvents) {
                String name = e.getString("name");
                regions.add(new Timeline.Region(name, name.startsWith("speedup:") ? "speedup"
                        : name.equals(MAIN_REGION) ? "main" : "test",
                        micros(nanos(e.getStartTime())), micros(nanos(e.getEndTime()))));
                testThreads.add(e.getLong("threadId"));
            }
            regions.sort(Comparator.comparingLong(Timeline.Region::start));
            mainThread = regions.size() == 1 && regions.getFirst().name().equals(MAIN_REGION);
            Map<Long, Boolean> isLane = new HashMap<>();
            Map<String, List<Seen>> bySite = new LinkedHashMap<>();
            List<Seen> ordered = new ArrayList<>(threads.values());
            ordered.sort(Comparator.comparingLong(s -> s.start < 0 ? origin : s.start));
            for (Seen s : ordered) {
                boolean lane = testThreads.contains(s.id) || !startedByJudge(s) && !isCarrier(s)
                        && (s.virtual || s.atEnd != null
                        || hasLoader(s.startStack, LEARNER_LOADER) || hasLoader(s.startStack, KATA_LOADER)
                        || isLane.getOrDefault(s.parent, false) && !testThreads.contains(s.parent));
                isLane.put(s.id, lane);
                if (lane) {
                    bySite.computeIfAbsent(site(s, testThreads), k -> new ArrayList<>()).add(s);
                }
            }
            List<Timeline.Group> groups = new ArrayList<>();
            int count = 0;
            for (Map.Entry<String, List<Seen>> g : bySite.entrySet()) {
                groups.add(group(g.getKey(), g.getValue()));
                count += g.getValue().size();
            }
            List<ThreadSnapshot> atEnd = threads.values().stream().filter(s -> s.atEnd != null)
                    .map(s -> snapshot(s.atEnd)).toList();
            return new Timeline(micros(last), regions, groups, strings, count, atEnd);
        }

        private Timeline.Group group(String site, List<Seen> members) {
            List<Timeline.Lane> lanes = new ArrayList<>();
            int[][] profile = members.size() > LANES_PER_GROUP ? new int[State.values().length][SLICES] : null;
            for (Seen s : members) {
                boolean drawn = lanes.size() < LANES_PER_GROUP || marks.containsKey(s.id);
                if (drawn) {
                    Timeline.Lane lane = lane(s);
                    lanes.add(lane);
                    if (profile != null) {
                        count(lane.spans(), profile);
                    }
                } else if (profile != null) {
                    // Counted, not drawn: its spans' times and states are all the band needs (no texts).
                    count(coarsen(spans(s, false)), profile);
                }
            }
            List<List<Integer>> bands = new ArrayList<>();
            if (profile != null) {
                for (int[] row : profile) {
                    bands.add(java.util.Arrays.stream(row).boxed().toList());
                }
            }
            return new Timeline.Group(site, members.size(), lanes, profile == null ? 0 : SLICES, bands);
        }

        /**
         * Adds the lane's state at the middle of each time slice to the group's band. Only the slices a
         * span covers are visited: ten thousand short-lived virtual threads times every slice of the run
         * was most of a day-27 page's reading, and the hot loop the JIT's optimising compiler then worked on.
         */
        private void count(List<long[]> spans, int[][] profile) {
            long total = Math.max(1, micros(last));
            for (long[] span : spans) {
                // The first slice whose middle, total * (2i + 1) / (2 * SLICES), is at or after the span's start.
                int i = (int) Math.ceilDiv(Math.ceilDiv(span[0] * 2 * SLICES, total) - 1, 2);
                for (; i < SLICES && middle(i, total) < span[1]; i++) {
                    profile[(int) span[2]][i]++;
                }
            }
        }

        private static long middle(int slice, long total) {
            return total * (2L * slice + 1) / (2L * SLICES);
        }

        private Timeline.Lane lane(Seen s) {
            String name = s.name.isEmpty() ? (s.virtual ? "virtual #" + s.id : "#" + s.id) : s.name;
            return new Timeline.Lane(s.id, name, s.virtual, micros(laneStart(s)), micros(laneEnd(s)),
                    intern(created(s)), coarsen(spans(s, true)), marks.get(s.id));
        }

        private long laneStart(Seen s) {
            return Math.max(s.start < 0 ? origin : s.start, origin);
        }

        private long laneEnd(Seen s) {
            return Math.max(s.end < 0 ? last : s.end, laneStart(s));
        }

        /**
         * The lane's spans from its start to its end: its waits and, between
         * them, running or runnable. {@code texts}: what each wait is on and its
         * stack, for a drawn lane; a lane only counted in its group's band
         * needs neither, and ten thousand of them made most of a day-27 read.
         */
        private List<long[]> spans(Seen s, boolean texts) {
            long start = laneStart(s);
            long end = laneEnd(s);
            List<Wait> waits = new ArrayList<>(s.waits);
            if (s.atEnd != null) {
                Wait open = openWait(s, waits);
                if (open != null) {
                    waits.add(open);
                }
            }
            waits.sort(Comparator.comparingLong(Wait::start));
            List<long[]> spans = new ArrayList<>();
            long at = start;
            for (Wait w : waits) {
                long from = Math.max(at, w.start());
                long to = Math.min(end, w.end());
                if (to <= from) {
                    continue;
                }
                between(s, at, from, spans);
                spans.add(span(from, to, w.state(), texts ? intern(w.on()) : -1, texts ? intern(w.stack()) : -1));
                at = to;
            }
            between(s, at, end, spans);
            return spans;
        }

        /** The wait the thread was still in when the recording ended, as the judge's agent saw it. */
        private Wait openWait(Seen s, List<Wait> waits) {
            RecordedEvent e = s.atEnd;
            State state = switch (e.getString("state")) {
                case "BLOCKED" -> State.BLOCKED;
                case "WAITING", "TIMED_WAITING" -> State.WAITING;
                default -> null;
            };
            if (state == null) {
                return null;
            }
            long at = nanos(e.getStartTime());
            long lastWait = waits.stream().mapToLong(Wait::end).max().orElse(s.start < 0 ? origin : s.start);
            long waited = e.getLong("waitedMs");
            long from = waited >= 0 ? Math.max(lastWait, at - waited * 1_000_000) : lastWait;
            String stack = e.getString("stack");
            if (stack != null && stack.contains("java.lang.Thread.sleep")) {
                state = State.SLEEPING;
            }
            String on = e.getString("waitingOn");
            String heldBy = e.getString("heldBy");
            return new Wait(from, Math.max(at, last), state,
                    on == null ? null : heldBy == null ? on : on + " (held by " + heldBy + ")", stack);
        }

        /** Time between waits: running if an execution sample saw the thread on a CPU, else runnable. */
        private void between(Seen s, long from, long to, List<long[]> spans) {
            if (to <= from) {
                return;
            }
            Long sample = s.samples.ceiling(from);
            State state = sample != null && sample < to ? State.RUNNING : State.RUNNABLE;
            spans.add(span(from, to, state, -1, -1));
        }

        private long[] span(long from, long to, State state, int on, int stack) {
            return new long[] {micros(from), micros(to), state.ordinal(), on, stack};
        }

        /**
         * At most one span per time slice of the run: runs of spans shorter
         * than a slice become one span in the state they spent most time in.
         * Nobody sees a thousand 10 µs spans in a 600-pixel lane; they would
         * only make the page heavy.
         */
        private List<long[]> coarsen(List<long[]> spans) {
            long slice = Math.max(1, micros(last) / SLICES);
            List<long[]> out = new ArrayList<>();
            int i = 0;
            while (i < spans.size()) {
                long[] first = spans.get(i);
                if (first[1] - first[0] >= slice) {
                    out.add(first);
                    i++;
                    continue;
                }
                long[] per = new long[State.values().length];
                long[] longest = first;
                int j = i;
                while (j < spans.size() && spans.get(j)[1] - spans.get(j)[0] < slice
                        && spans.get(j)[1] - first[0] < slice) {
                    long[] sp = spans.get(j);
                    per[(int) sp[2]] += sp[1] - sp[0];
                    if (sp[1] - sp[0] > longest[1] - longest[0]) {
                        longest = sp;
                    }
                    j++;
                }
                if (j == i) {
                    j = i + 1;
                    per[(int) first[2]] += first[1] - first[0];
                }
                int dominant = 0;
                for (int k = 1; k < per.length; k++) {
                    if (per[k] > per[dominant]) {
                        dominant = k;
                    }
                }
                long[] last = spans.get(j - 1);
                boolean same = longest[2] == dominant;
                out.add(new long[] {first[0], last[1], dominant, same ? longest[3] : -1, same ? longest[4] : -1});
                i = j;
            }
            return out;
        }

        private String site(Seen s, java.util.Set<Long> testThreads) {
            if (testThreads.contains(s.id)) {
                return mainThread ? "the main thread" : "the test thread (runs each hidden test)";
            }
            String created = firstFrom(s.startStack, LEARNER_LOADER);
            if (created == null && s.atEnd != null && s.atEnd.getString("createdAt") != null) {
                created = s.atEnd.getString("createdAt").lines().map(Frame::parse).filter(Frame::learner)
                        .findFirst().map(Frame::text).orElse(null);
            }
            if (created != null) {
                return (s.virtual ? "virtual threads" : "threads") + " created at " + created;
            }
            String kata = firstFrom(s.startStack, KATA_LOADER);
            if (kata != null) {
                return "threads the test started at " + kata;
            }
            if (s.entry != null) {
                // the same text for every thread running that task: made once, not ten thousand times
                return (s.virtual ? virtualRunning : running).computeIfAbsent(s.entry,
                        e -> (s.virtual ? "virtual threads" : "threads") + " running " + e);
            }
            return s.virtual ? "virtual threads" : "threads started by other learner threads";
        }

        private String created(Seen s) {
            if (!s.startStack.isEmpty()) {
                return stack(s.startStack);
            }
            return s.atEnd == null ? null : s.atEnd.getString("createdAt");
        }

        int intern(String s) {
            if (s == null || s.isEmpty()) {
                return -1;
            }
            return index.computeIfAbsent(s, k -> {
                strings.add(k);
                return strings.size() - 1;
            });
        }

        long micros(long nanos) {
            return Math.max(0, nanos - origin) / 1_000;
        }
    }

    private static ThreadSnapshot snapshot(RecordedEvent e) {
        long waited = e.getLong("waitedMs");
        return new ThreadSnapshot(e.getString("name"), e.getLong("javaThreadId"), e.getBoolean("virtual"),
                e.getString("owner"), e.getString("state"), e.getString("waitingOn"), waited < 0 ? null : waited,
                e.getString("heldBy"), lines(e.getString("stack")), lines(e.getString("createdAt")), null, null);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : text.lines().toList();
    }

    /** The JDK's threads under virtual threads (carriers, the unblocker): started by the scheduler, not the learner. */
    private static boolean isCarrier(Seen s) {
        return !s.virtual && s.startStack.stream()
                .anyMatch(f -> f.cls().equals("java.lang.VirtualThread"));
    }

    /** The judge's own threads (its watchdog): the first frame above the JDK that started them is the judge's. */
    private static boolean startedByJudge(Seen s) {
        if (s.startStack.isEmpty() && s.atEnd == null) {
            return false; // no creation stack known (a virtual thread's start has none)
        }
        List<String> classes = !s.startStack.isEmpty()
                ? s.startStack.stream().map(f -> f.cls()).toList()
                : s.atEnd == null ? List.of() : lines(s.atEnd.getString("createdAt")).stream()
                        .map(f -> f.replaceFirst("^> ", "")).toList();
        return classes.stream().filter(c -> !c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun."))
                .findFirst().map(c -> c.startsWith("katajudge.")).orElse(false);
    }

    // ------------------------------------------------------------------ frames

    private static long nanos(java.time.Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /**
     * A stack frame read once: JFR's accessors look each field up by name on
     * every call, and ten thousand threads share a handful of stacks.
     */
    private record Fr(String cls, String method, int line, String loader) {}

    /** JFR hands out one object per distinct stack: each is converted once. */
    private static final ThreadLocal<Map<RecordedStackTrace, List<Fr>>> TRACES =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);
    private static final ThreadLocal<Map<List<Fr>, String>> TEXTS =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);
    /** What a park or sleep at a stack waits on, and the learner's task there: the same for every wait there. */
    private static final ThreadLocal<Map<List<Fr>, Optional<String>>> WAITS =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);
    private static final ThreadLocal<Map<List<Fr>, Optional<String>>> ENTRIES =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);
    private static final ThreadLocal<Map<RecordedThread, Seen>> SEEN =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);
    /** The events whose wait is on a monitor (their monitorClass field names it). */
    private static final java.util.Set<String> MONITOR_EVENTS = java.util.Set.of("jdk.JavaMonitorEnter",
            "jdk.JavaMonitorWait");

    private static List<Fr> frames(RecordedStackTrace trace) {
        if (trace == null) {
            return List.of();
        }
        return TRACES.get().computeIfAbsent(trace, t -> t.getFrames().stream().map(f -> {
            RecordedClass type = f.getMethod().getType();
            var loader = type.getClassLoader();
            return new Fr(type.getName(), f.getMethod().getName(), f.getLineNumber(),
                    loader == null ? null : loader.getName());
        }).toList());
    }

    /** A frame as the judge's text reports write it; the learner's own frames start with "> ". */
    private static String format(Fr f) {
        String cls = f.cls();
        String outer = cls.substring(cls.lastIndexOf('.') + 1);
        int dollar = outer.indexOf('$');
        String file = (dollar > 0 ? outer.substring(0, dollar) : outer) + ".java";
        String text = cls + "." + f.method() + "(" + file + (f.line() > 0 ? ":" + f.line() : "") + ")";
        return new Frame(LEARNER_LOADER.equals(f.loader()), text).line();
    }

    private static String loaderOf(Fr f) {
        return f.loader();
    }

    /** A lambda's generated class: its frame names no line of the learner's source. */
    private static boolean isLambdaClass(Fr f) {
        return f.cls().contains("$$Lambda");
    }

    private static boolean hasLoader(List<Fr> frames, String loader) {
        return frames.stream().anyMatch(f -> loader.equals(loaderOf(f)));
    }

    private static String firstFrom(List<Fr> frames, String loader) {
        return frames.stream().filter(f -> loader.equals(loaderOf(f)) && !isLambdaClass(f)).findFirst()
                .map(f -> format(f).replaceFirst("^> ", "")).orElse(null);
    }

    /** The learner frame nearest the bottom of a stack: the task a thread runs, when no start was seen. */
    private static String deepestLearnerFrame(List<Fr> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (LEARNER_LOADER.equals(loaderOf(frames.get(i))) && !isLambdaClass(frames.get(i))) {
                return format(frames.get(i)).substring(2);
            }
        }
        return null;
    }

    private static String stack(List<Fr> frames) {
        if (frames.isEmpty()) {
            return null;
        }
        return TEXTS.get().computeIfAbsent(frames, TimelineReader::stackText);
    }

    private static String stackText(List<Fr> frames) {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (Fr f : frames) {
            if (shown == STACK_FRAMES) {
                break;
            }
            String cls = f.cls();
            if (cls.startsWith("katajudge.") && shown == 0) {
                continue; // the judge's own listener, above the wait it reports
            }
            if (cls.startsWith("katajudge.") || cls.startsWith("org.junit.")) {
                break;
            }
            if (shown > 0) {
                b.append('\n');
            }
            b.append(format(f));
            shown++;
        }
        return b.toString();
    }

    /** A monitor's wait: blocked entering it, waiting in it (a join is a wait on the thread). */
    private static String monitorWait(RecordedClass monitor, State state) {
        String name = monitor.getName().substring(monitor.getName().lastIndexOf('.') + 1);
        if (state == State.BLOCKED) {
            return "synchronized (" + name + ")";
        }
        return name.equals("Thread") ? "Thread.join" : "wait() on " + name;
    }

    /**
     * What a park or sleep is on, in words a learner knows: the first frame above
     * the JDK's parking machinery (ReentrantLock.lock, CountDownLatch.await,
     * LinkedBlockingQueue.take), else the class the thread parked on.
     */
    private static String waitsOn(RecordedEvent e, List<Fr> frames) {
        String above = frames.isEmpty() ? null
                : WAITS.get().computeIfAbsent(frames, f -> Optional.ofNullable(firstAboveParking(f))).orElse(null);
        if (above != null) {
            return above;
        }
        RecordedClass parked = e.hasField("parkedClass") ? e.getValue("parkedClass") : null;
        return parked == null ? null : parked.getName();
    }

    private static String firstAboveParking(List<Fr> frames) {
        for (Fr f : frames) {
            String cls = f.cls();
            String method = f.method();
            if (cls.startsWith("katajudge.") || cls.startsWith("jdk.internal.") || cls.contains("LockSupport") || cls.contains("AbstractQueued")
                    || cls.startsWith("java.util.concurrent.") && cls.contains("$")
                    || cls.equals("java.util.concurrent.ForkJoinPool") && method.contains("Block")
                    || cls.equals("java.lang.VirtualThread")
                    || cls.equals("java.lang.Thread") && method.startsWith("sleep")) {
                continue;
            }
            return cls.startsWith("java.") ? cls.substring(cls.lastIndexOf('.') + 1) + "." + method
                    : format(f).replaceFirst("^> ", "");
        }
        return null;
    }

}
