package katajudge.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The learner-frame mark, written and read in one place. */
class FrameTest {

    @Test
    void aMarkedLineIsTheLearnersAndReadsBackToTheSameLine() {
        Frame f = Frame.parse("> learner.Pool.run(Pool.java:12)");
        assertTrue(f.learner());
        assertEquals("learner.Pool.run(Pool.java:12)", f.text());
        assertEquals("> learner.Pool.run(Pool.java:12)", f.line());
        assertEquals(Optional.of(new Frame.Location("learner.Pool", "Pool.java", 12)), f.location());
    }

    @Test
    void otherLinesAreNot() {
        for (String line : List.of("java.lang.Thread.run(Thread.java:1583)", "caused by java.io.IOException: x",
                "... 3 more", ">no space")) {
            Frame f = Frame.parse(line);
            assertFalse(f.learner(), line);
            assertEquals(line, f.line());
        }
    }

    @Test
    void aFrameWithoutSourceHasNoLocation() {
        assertEquals(Optional.empty(), Frame.parse("> learner.Gen.run(Unknown Source)").location());
        assertEquals(Optional.of(new Frame.Location("learner.Outer$Inner", "Outer.java", 3)),
                Frame.parse("> learner.Outer$Inner.lambda$run$0(Outer.java:3)").location());
    }

    @Test
    void aSnapshotIsStuckAtItsFirstLearnerFrame() {
        ThreadSnapshot t = new ThreadSnapshot("w", 1, false, "LEARNER", "WAITING", null, null, null,
                List.of("jdk.internal.misc.Unsafe.park(Native Method)", "> learner.Pool.take(Pool.java:7)",
                        "> learner.Pool.run(Pool.java:3)"), List.of(), "main", "t");
        assertEquals("learner.Pool.take(Pool.java:7)", t.stuckAt());
    }
}
