package katajudge.child;

import static katajudge.child.Samples.learner;
import static katajudge.child.Samples.retired;
import static katajudge.child.Samples.root;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.Thread.State;
import java.util.List;
import java.util.stream.Stream;
import katajudge.runtime.JdkThreads;
import katajudge.runtime.JdkThreads.Facts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which threads still there at the end of the lingering window are leaks. */
class LeakCheckTest {

    private static final List<String> BY_LEARNER = List.of("java.lang.Thread", "learner.Day16");

    /** @param thread what the JDK list is asked: the thread's facts and who started it */
    record Row(String name, ThreadSample sample, Facts thread, List<String> startedBy, boolean leak) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Facts plain(String name) {
        return new Facts(name, "java.lang.Thread", false, false);
    }

    private static ThreadSample ended(ThreadSample t) {
        return new ThreadSample(t.id(), t.name(), t.virtual(), t.learner(), t.retired(), false, t.root(),
                t.startedInPhase(), State.TERMINATED, null, Long.MAX_VALUE, t.progress(), -1);
    }

    static Stream<Row> rows() {
        ThreadSample waiting = learner(2, State.WAITING, 0);
        return Stream.of(
                new Row("a learner's thread still waiting", waiting, plain("worker-2"), BY_LEARNER, true),
                new Row("a learner's thread named like the JDK's cleaner", waiting, plain("Common-Cleaner"),
                        BY_LEARNER, true),
                new Row("a learner's thread that ended within the window", ended(waiting), plain("worker-2"),
                        BY_LEARNER, false),
                new Row("a learner's thread reported by an earlier test", retired(waiting), plain("worker-2"),
                        BY_LEARNER, false),
                new Row("the test thread", root(State.WAITING, 0), plain("test"), List.of(), false),
                new Row("an HttpClient's selector the learner's call started", waiting, new Facts(
                        "HttpClient-1-SelectorManager", "jdk.internal.net.http.HttpClientImpl$SelectorManager", false,
                        false), BY_LEARNER, false),
                new Row("an idle common-pool worker the learner's parallel stream started", waiting, new Facts(
                        "ForkJoinPool.commonPool-worker-1", "java.util.concurrent.ForkJoinWorkerThread", false, true),
                        BY_LEARNER, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aLeakIsTheLearnersAliveUnreportedAndNotTheJdks(Row row) {
        boolean jdks = JdkThreads.match(row.thread(), row::startedBy) != null;
        assertEquals(row.leak(), LeakCheck.isLeak(row.sample(), jdks));
    }
}
