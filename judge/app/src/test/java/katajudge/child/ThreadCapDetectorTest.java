package katajudge.child;

import static katajudge.child.Samples.learner;
import static katajudge.child.Samples.retired;
import static katajudge.child.Samples.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.Thread.State;
import java.util.ArrayList;
import java.util.List;
import katajudge.protocol.Policy;
import org.junit.jupiter.api.Test;

/** Thread bombs stop the run at the cap; more threads than the kata allows are reported once a phase. */
class ThreadCapDetectorTest {

    private static final int CAP = Policy.DEFAULT.threadCap(4);

    private static List<ThreadSample> threads(int learners) {
        List<ThreadSample> out = new ArrayList<>(List.of(root(State.WAITING, 0), retired(learner(99, State.WAITING, 0))));
        for (int i = 0; i < learners; i++) {
            out.add(learner(100 + i, State.WAITING, 0));
        }
        return out;
    }

    @Test
    void pastTheCapTheRunStopsShowingFiveOfTheLearnersCountedThreads() {
        ThreadCapDetector d = new ThreadCapDetector(CAP);
        var stop = assertInstanceOf(ThreadCapDetector.Stop.class, d.observe(CAP + 1, 0, threads(CAP + 1)));
        assertEquals(CAP + 1, stop.live());
        assertEquals(CAP, stop.cap());
        assertEquals(List.of(100L, 101L, 102L, 103L, 104L), stop.sample().stream().map(ThreadSample::id).toList(),
                "the oldest learner threads still counted: not the test thread, not one already reported as leaked");
    }

    @Test
    void atTheCapNothingHappens() {
        assertNull(new ThreadCapDetector(CAP).observe(CAP, 0, threads(CAP)));
    }

    @Test
    void overTheKatasLimitIsReportedOnceAPhase() {
        ThreadCapDetector d = new ThreadCapDetector(CAP);
        d.reportAbove(4);
        assertNull(d.observe(4, 0, threads(4)), "at the limit: fine");
        var over = assertInstanceOf(ThreadCapDetector.Over.class, d.observe(6, 0, threads(6)));
        assertEquals(6, over.live());
        assertEquals(4, over.limit());
        assertEquals(5, over.sample().size());
        assertNull(d.observe(7, 0, threads(7)), "once a phase");
        d.reset();
        assertInstanceOf(ThreadCapDetector.Over.class, d.observe(7, 0, threads(7)), "the next phase is reported again");
    }

    @Test
    void withoutALimitOnlyTheCapCounts() {
        ThreadCapDetector d = new ThreadCapDetector(CAP);
        assertNull(d.observe(CAP, 0, threads(CAP)));
        assertInstanceOf(ThreadCapDetector.Stop.class, d.observe(CAP + 1, 0, threads(CAP + 1)));
    }

    @Test
    void aThreadBombPastTheLimitIsStoppedNotMerelyReported() {
        ThreadCapDetector d = new ThreadCapDetector(CAP);
        d.reportAbove(4);
        assertInstanceOf(ThreadCapDetector.Stop.class, d.observe(CAP + 10, 0, threads(10)));
    }

    @Test
    void theJdksHelperThreadsCountTowardsTheCapButNotTheKatasLimit() {
        // A new HttpClient per call: each starts a selector thread, the JDK's, not the learner's.
        ThreadCapDetector d = new ThreadCapDetector(CAP);
        d.reportAbove(4);
        assertNull(d.observe(2, CAP - 2, threads(2)), "a kata's limit is about the learner's own threads");
        var stop = assertInstanceOf(ThreadCapDetector.Stop.class, d.observe(2, CAP - 1, threads(2)));
        assertEquals(CAP + 1, stop.live());
        assertEquals(CAP - 1, stop.jdkHelpers());
    }
}
