package katajudge.child;

import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import katajudge.protocol.ThreadSnapshot;
import katajudge.runtime.ThreadRegistry;
import katajudge.runtime.ThreadWaits;
import katajudge.runtime.TrackedThread;

/**
 * The child's flight recording, for the report page's timeline: JDK Flight
 * Recorder's own thread events (park, monitor enter and wait, sleep, thread
 * and virtual-thread start and end, execution samples) plus one event of ours
 * per judged region (a test or a speedup run), which JFR cannot know.
 *
 * <p>Waits shorter than {@link #THRESHOLD} are not recorded: they cost the
 * most events and show as running on a timeline a person reads in
 * milliseconds. The recording is written to the run folder when it stops:
 * before the JVM halts (a halt skips JFR's own dump on exit) or by JFR at a
 * normal exit, so the parent can keep it beside the page, where Mission
 * Control opens it.
 */
public final class Recorder {

    /** The shortest wait that is recorded. */
    static final Duration THRESHOLD = Duration.ofMillis(5);
    /** Bound of the recording on disk. */
    static final long MAX_BYTES = 24L * 1024 * 1024;
    static final String REGION = "katajudge.Region";
    static final String SAMPLES = "jdk.ExecutionSample";
    static final Duration SAMPLE_PERIOD = Duration.ofMillis(20);
    static final String AT_END = "katajudge.ThreadAtEnd";
    static final String VIRTUAL_PARK = "katajudge.VirtualThreadPark";

    private static Recording recording;
    private static RegionEvent region;

    private Recorder() {}

    /** Starts recording into {@code file} (dumped there by {@link #dumpAndStop()}); null does nothing. */
    static synchronized void start(Path file) {
        if (file == null || recording != null) {
            return;
        }
        // Our event types are known before the recording starts: a type first seen while it runs makes JFR
        // write the whole metadata (a third of a megabyte) again, which the judge then parses again.
        FlightRecorder.register(RegionEvent.class);
        FlightRecorder.register(VirtualParkEvent.class);
        FlightRecorder.register(ThreadAtEndEvent.class);
        Recording r = new Recording();
        r.setName("katas-judge");
        r.setMaxSize(MAX_BYTES);
        for (String waits : new String[] {"jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait",
                "jdk.ThreadSleep"}) {
            r.enable(waits).withThreshold(THRESHOLD).withStackTrace();
        }
        r.enable("jdk.ThreadStart").withStackTrace();
        r.enable("jdk.ThreadEnd");
        r.enable("jdk.VirtualThreadStart").withoutStackTrace();
        r.enable("jdk.VirtualThreadEnd");
        r.enable(SAMPLES).withPeriod(SAMPLE_PERIOD);
        r.enable(REGION);
        r.enable(AT_END).withoutStackTrace();
        r.enable(VIRTUAL_PARK).withStackTrace();
        try {
            // Written there when it stops: by us before a halt, by JFR's own exit hook on a normal exit.
            r.setDestination(file);
        } catch (java.io.IOException e) {
            return;
        }
        r.setDumpOnExit(true);
        r.start();
        recording = r;
        ThreadWaits.setVirtualWaitListener(new ThreadWaits.VirtualWaitListener() {
            @Override
            public long thresholdNanos() {
                return THRESHOLD.toNanos();
            }

            @Override
            public void parked(long waitedNanos) {
                VirtualParkEvent e = new VirtualParkEvent();
                e.waitedNanos = waitedNanos;
                e.commit();
            }
        });
    }

    /** The system property that names the recording's file (the judging child's, {@code judge run --html}'s). */
    public static final String PROPERTY = "katajudge.recording";

    /**
     * For {@code judge run}: starts recording when {@link #PROPERTY} names a
     * file, and dumps it when the program exits (a halt after a deadlock
     * dumps through {@link #dumpAndStop()} itself).
     */
    static void startFromProperty() {
        String file = System.getProperty(PROPERTY);
        if (file != null && !file.isBlank()) {
            start(Path.of(file));
            beginRegion("main"); // the program's main, on its own thread; it ends when the recording does
            Runtime.getRuntime().addShutdownHook(new Thread(Recorder::dumpAndStop, "judge-recording-dump"));
        }
    }

    private static volatile Thread starting;

    /**
     * Starts recording into {@code file} (null or blank: none) on a thread of
     * its own: JFR's start costs about half a second of a cold JVM, which
     * overlaps reading the child's configuration and loading the submission's
     * classes. The first region waits for it, before its phase begins
     * ({@link ChildRun#beginPhase}).
     */
    static void startInBackground(String file) {
        if (file == null || file.isBlank()) {
            return;
        }
        startInBackground(() -> start(Path.of(file)));
    }

    /**
     * Runs {@code start} as the background start that {@link #awaitStarted()} waits for. Package-private, in
     * a module that exports nothing: a test stands a slow start in for JFR's (RecordingStartTest), learner
     * code cannot reach it.
     */
    static void startInBackground(Runnable start) {
        Thread t = new Thread(start, "judge-recording-start");
        t.setDaemon(true);
        starting = t;
        t.start();
    }

    /** Waits until the recording started in the background is on (or failed); at once when there is none. */
    static void awaitStarted() {
        Thread t = starting;
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        starting = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks the start of a judged region on the calling thread. */
    static void beginRegion(String name) {
        awaitStarted();
        beginRegionNow(name);
    }

    private static synchronized void beginRegionNow(String name) {
        if (recording == null) {
            return;
        }
        // The timed speedup runs are not sampled: sampling every running thread every 20 ms slowed a
        // CPU-bound parallel workload by a third (day 27), exactly what those runs measure.
        if (name.startsWith("speedup:")) {
            recording.disable(SAMPLES);
        } else {
            recording.enable(SAMPLES).withPeriod(SAMPLE_PERIOD);
        }
        region = new RegionEvent();
        region.name = name;
        region.threadId = Thread.currentThread().threadId();
        region.begin();
    }

    /** Marks its end: the test's body is over (lingering threads run on past this mark). */
    static synchronized void endRegion() {
        if (region != null) {
            region.commit();
            region = null;
        }
    }

    /** Writes the recording to its file and stops it; safe to call twice and from a failing JVM. */
    static void dumpAndStop() {
        awaitStarted();
        dumpAndStopNow();
    }

    private static synchronized void dumpAndStopNow() {
        if (recording == null) {
            return;
        }
        endRegion();
        try {
            ThreadWaits.setVirtualWaitListener(null);
            recordThreadsAtEnd();
            recording.stop();
            recording.close();
        } catch (Throwable t) {
            // no recording is no page timeline; the verdict does not depend on it
        }
        recording = null;
    }

    /**
     * JFR records a wait when it ends: a thread still parked, blocked or
     * waiting when the JVM stops (a deadlock, a leak) has no event. The
     * agent knows each learner thread's state, what it waits on and since
     * when, and where it was created: one event per live thread says it.
     */
    private static void recordThreadsAtEnd() {
        for (TrackedThread r : ThreadRegistry.live()) {
            if (!r.thread.isAlive()) {
                continue;
            }
            ThreadSnapshot s = Snapshots.of(r);
            ThreadAtEndEvent e = new ThreadAtEndEvent();
            e.javaThreadId = s.id();
            e.name = s.name();
            e.virtual = s.virtual();
            e.owner = s.owner();
            e.state = s.state();
            e.waitingOn = s.waitingOn();
            e.waitedMs = s.waitingForMs() == null ? -1 : s.waitingForMs();
            e.heldBy = s.heldBy();
            e.stack = String.join("\n", s.stack().subList(0, Math.min(12, s.stack().size())));
            e.createdAt = String.join("\n", s.createdAt().subList(0, Math.min(12, s.createdAt().size())));
            e.commit();
        }
    }

    @Name(VIRTUAL_PARK)
    @Label("Virtual thread park")
    @Description("A learner's virtual thread parked (JFR's jdk.ThreadPark covers platform threads); it ended "
            + "at this event's time after waitedNanos")
    @Category("Katas judge")
    static final class VirtualParkEvent extends jdk.jfr.Event {
        @Label("Waited (ns)")
        long waitedNanos;
    }

    @Name(AT_END)
    @Label("Thread at the end")
    @Description("A learner or test thread alive when the recording ended, as the judge's agent saw it")
    @Category("Katas judge")
    static final class ThreadAtEndEvent extends jdk.jfr.Event {
        long javaThreadId;
        String name;
        boolean virtual;
        String owner;
        String state;
        String waitingOn;
        long waitedMs;
        String heldBy;
        String stack;
        String createdAt;
    }

    @Name(REGION)
    @Label("Judged region")
    @Description("A hidden test or a timed speedup run")
    @Category("Katas judge")
    static final class RegionEvent extends jdk.jfr.Event {
        @Label("Name")
        String name;

        /** The thread that runs the test (the event may be committed by another, when a run is stopped). */
        @Label("Test thread id")
        long threadId;
    }
}
