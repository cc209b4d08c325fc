package katas.day18.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import katas.day18.Job;
import katas.day18.Result;
import katas.day18.Workers;
import katas.support.Katas;
import katas.support.Probe;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 18. The jobs are the test's: each counts its runs,
 * holds a {@link Probe} while it works (so the number of jobs running at
 * once is known), and fails, when it fails, with an exception object the
 * test keeps, so "the error reported is the job's own" is checked by
 * identity. The contract is collect-all: one failure stops nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day18HiddenTest {

    @Test
    @Order(1)
    void everyValueComesBackWithItsId() throws Exception {
        Plan plan = new Plan();
        for (int id = 1; id <= 10; id++) {
            plan.ok(id, 20);
        }
        plan.check(Katas.load(Workers.class).runAll(plan.jobs(), 3));
    }

    @Test
    @Order(2)
    void everyErrorComesBackOnceWithItsId() throws Exception {
        // 21 jobs: a third throw a checked exception, a third an unchecked one, a third succeed.
        Plan plan = new Plan();
        for (int id = 100; id < 121; id++) {
            switch (id % 3) {
                case 0 -> plan.failing(id, 15, new IOException("disk of job " + id + " is full"));
                case 1 -> plan.failing(id, 15, new IllegalStateException("job " + id + " is broken"));
                default -> plan.ok(id, 15);
            }
        }
        plan.check(Katas.load(Workers.class).runAll(plan.jobs(), 3));
    }

    @Test
    @Order(3)
    void earlyFailuresDoNotStopTheRest() throws Exception {
        // The first jobs fail at once; every worker meets a failure before the ten good jobs run.
        Plan plan = new Plan();
        plan.failing(1, 0, new IllegalArgumentException("bad input 1"));
        plan.failing(2, 0, new IllegalArgumentException("bad input 2"));
        for (int id = 3; id <= 12; id++) {
            plan.ok(id, 15);
        }
        plan.check(Katas.load(Workers.class).runAll(plan.jobs(), 2));
    }

    @Test
    @Order(4)
    void everyJobFailing() throws Exception {
        // More errors than workers, than any small buffer: all 30 must come back.
        Plan plan = new Plan();
        for (int id = 1; id <= 30; id++) {
            plan.failing(id, 5, new IOException("job " + id + " failed"));
        }
        plan.check(Katas.load(Workers.class).runAll(plan.jobs(), 3));
    }

    @Test
    @Order(5)
    void asManyJobsRunAtOnceAsThereAreWorkers() throws Exception {
        // 12 jobs of 60 ms on 4 workers, every other one failing at its end: exactly 4 run at once.
        Plan plan = new Plan(Probe.expectingPeak(4));
        for (int id = 1; id <= 12; id++) {
            if (id % 2 == 0) {
                plan.failing(id, 60, new IOException("job " + id));
            } else {
                plan.ok(id, 60);
            }
        }
        plan.check(Katas.load(Workers.class).runAll(plan.jobs(), 4));
        assertEquals(4, plan.probe.peak(), "4 workers: exactly 4 jobs should run at once (saw a peak of "
                + plan.probe.peak() + ")");
    }

    @Test
    @Order(6)
    void noJobsNoResults() throws Exception {
        assertEquals(List.of(), Katas.load(Workers.class).runAll(List.of(), 3));
    }

    @Test
    @Order(7)
    void longJobsAreAwaitedWithoutSpinning() throws Exception {
        // Four jobs of 2 s on four workers: whoever waits for them waits 2 s, and should block. Over twice the
        // watchdog's busy stretch (800 ms), so a spinner is seen even when the machine is loaded.
        Plan plan = new Plan();
        plan.ok(1, 2000);
        plan.failing(2, 2000, new IOException("slow failure"));
        plan.ok(3, 2000);
        plan.failing(4, 2000, new IllegalStateException("another slow failure"));
        plan.check(Katas.load(Workers.class).runAll(plan.jobs(), 4));
    }

    // ------------------------------------------------------------------ helpers

    /** The jobs of one call and what each must give. */
    static final class Plan {
        final Probe probe;
        private final List<Job> jobs = new ArrayList<>();
        private final Map<Integer, Object> expected = new HashMap<>();
        private final Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();

        Plan() {
            this(new Probe());
        }

        Plan(Probe probe) {
            this.probe = probe;
        }

        void ok(int id, long millis) {
            add(id, millis, null);
        }

        void failing(int id, long millis, Exception error) {
            add(id, millis, error);
        }

        private void add(int id, long millis, Exception error) {
            AtomicInteger count = new AtomicInteger();
            runs.put(id, count);
            String value = "value of job " + id;
            expected.put(id, error == null ? value : error);
            jobs.add(new Job(id, () -> {
                count.incrementAndGet();
                long start = probe.enter();
                try {
                    if (millis > 0) {
                        Thread.sleep(millis);
                    }
                } finally {
                    probe.exit(id, start);
                }
                if (error != null) {
                    throw error;
                }
                return value;
            }));
        }

        List<Job> jobs() {
            return List.copyOf(jobs);
        }

        void check(List<Result> results) {
            assertNotNull(results, "runAll returned null");
            Map<Integer, Result> byId = new HashMap<>();
            for (Result r : results) {
                assertNotNull(r, "a result is null");
                if (!expected.containsKey(r.id())) {
                    fail("a result has id " + r.id() + ", which no job has");
                }
                Result before = byId.put(r.id(), r);
                if (before != null) {
                    fail("job " + r.id() + " is reported twice: " + before + " and " + r);
                }
            }
            for (var e : expected.entrySet()) {
                int id = e.getKey();
                assertEquals(1, runs.get(id).get(), "job " + id + " should run exactly once");
                Result r = byId.get(id);
                if (r == null) {
                    fail("job " + id + (e.getValue() instanceof Throwable t ? " threw " + t : " returned a value")
                            + " but is missing from the results (" + results.size() + " results for "
                            + expected.size() + " jobs): an error swallowed, or a job never run?");
                }
                switch (e.getValue()) {
                    case Throwable error -> {
                        if (!(r instanceof Result.Err err)) {
                            fail("job " + id + " threw " + error + " but is reported as " + r);
                            return;
                        }
                        assertSame(error, err.error(), "job " + id + " threw " + error + "; report that exception "
                                + "itself (unwrap ExecutionException with getCause()), not " + err.error());
                    }
                    case String value -> assertEquals(new Result.Ok(id, value), r, "job " + id);
                    default -> throw new IllegalStateException();
                }
            }
            assertEquals(expected.size(), results.size(), "one result per job");
            assertEquals(0, probe.inFlight(), "jobs still running after runAll returned");
        }
    }
}
