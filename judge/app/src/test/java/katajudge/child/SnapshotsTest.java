package katajudge.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An unnamed thread is reported by where it was created, never as {@code ''}. */
class SnapshotsTest {

    private static final List<String> CREATED = List.of("java.lang.ThreadBuilders$VirtualThreadBuilder.start(ThreadBuilders.java:240)",
            "> learner.Crawler.fetchAll(Crawler.java:31)", "katas.day09.hidden.Day09HiddenTest.crawls(Day09HiddenTest.java:12)");

    @Test
    void anUnnamedVirtualThreadIsNamedByItsCreationSiteInTheLearnersCode() {
        assertEquals("virtual@learner.Crawler.fetchAll(Crawler.java:31)",
                Snapshots.nameOf(Thread.ofVirtual().unstarted(() -> { }), CREATED));
    }

    @Test
    void withoutLearnerCodeTheFirstCreationFrameNamesIt() {
        assertEquals("virtual@java.util.concurrent.ThreadPerTaskExecutor.start(ThreadPerTaskExecutor.java:1)",
                Snapshots.nameOf(Thread.ofVirtual().unstarted(() -> { }),
                        List.of("java.util.concurrent.ThreadPerTaskExecutor.start(ThreadPerTaskExecutor.java:1)")));
    }

    @Test
    void aNamedThreadKeepsItsName() {
        assertEquals("worker-1", Snapshots.nameOf(Thread.ofVirtual().name("worker-1").unstarted(() -> { }), CREATED));
        assertEquals("worker-2", Snapshots.nameOf(Thread.ofPlatform().name("worker-2").unstarted(() -> { }), CREATED));
    }
}
