package katas.day21;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import katas.support.Katas;
import katas.support.Waits;
import org.junit.jupiter.api.Test;

/** Public tests of day 21: run them in your IDE or with `make test-public DAY=21`. */
class Day21PublicTest {

    @Test
    void jobsRunAfterTheirDelaysInOrder() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (Scheduler scheduler = Katas.load(Scheduler.class)) {
            long start = System.nanoTime();
            scheduler.schedule(() -> ran.add("second"), Duration.ofMillis(150));
            scheduler.schedule(() -> ran.add("first"), Duration.ofMillis(50));
            assertTrue(Waits.until(() -> ran.size() == 2, Duration.ofSeconds(2)), "both jobs should run");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 150, "the second job ran before its delay");
            assertEquals(List.of("first", "second"), ran);
        }
    }

    @Test
    void aCancelledJobNeverRuns() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (Scheduler scheduler = Katas.load(Scheduler.class)) {
            ScheduledJob job = scheduler.schedule(() -> ran.add("cancelled"), Duration.ofMillis(100));
            scheduler.schedule(() -> ran.add("kept"), Duration.ofMillis(200));
            assertTrue(job.cancel(), "the job had not started: cancel() returns true");
            assertTrue(Waits.until(() -> ran.contains("kept"), Duration.ofSeconds(2)));
            assertEquals(List.of("kept"), ran);
        }
    }
}
