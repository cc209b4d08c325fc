package katas.day13.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import katas.day13.Pipeline;
import katas.support.Katas;
import katas.support.Probe;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden tests of day 13. The three stages' work is the test's: a source
 * that takes a moment per value, a square that counts its calls, a sink that
 * records what it got and when. Overlap of the stages is scored by the
 * speedup workload; the judge checks that every stage thread has ended.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Day13HiddenTest {

    /** A source of fixed values; next() sleeps, as a generator doing I/O would. */
    static final class Source implements Iterator<Integer> {
        private final List<Integer> values;
        private final long millis;
        private int at;

        Source(List<Integer> values, long millis) {
            this.values = values;
            this.millis = millis;
        }

        @Override
        public boolean hasNext() {
            return at < values.size();
        }

        @Override
        public Integer next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the source has no more values: stop at hasNext() == false");
            }
            sleep(millis);
            return values.get(at++);
        }
    }

    /** The square stage's work: counts calls per value, takes {@code latency(v)} ms. */
    static final class Square implements IntUnaryOperator {
        private final IntUnaryOperator latency;
        final Map<Integer, Integer> calls = new ConcurrentHashMap<>();

        Square(IntUnaryOperator latency) {
            this.latency = latency;
        }

        @Override
        public int applyAsInt(int v) {
            calls.merge(v, 1, Integer::sum);
            sleep(latency.applyAsInt(v));
            return v * v;
        }

        void assertEachOnce(List<Integer> values) {
            Map<Integer, Integer> expected = new java.util.HashMap<>();
            values.forEach(v -> expected.merge(v, 1, Integer::sum));
            assertEquals(expected, calls, "each value must be squared exactly once (value=calls)");
        }
    }

    /** The sink stage's work: records what it got, in order; a Probe sees it in flight. */
    static final class Sink implements IntConsumer {
        private final long millis;
        final Probe probe = new Probe();
        private final List<Integer> got = new ArrayList<>();

        Sink(long millis) {
            this.millis = millis;
        }

        @Override
        public void accept(int v) {
            long start = probe.enter();
            sleep(millis);
            synchronized (got) {
                got.add(v);
            }
            probe.exit(v, start);
        }

        List<Integer> got() {
            synchronized (got) {
                return List.copyOf(got);
            }
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Integer> squares(List<Integer> values) {
        return values.stream().map(v -> v * v).toList();
    }

    @Test
    @Order(1)
    void squaresEveryValueOnceInOrder() throws Exception {
        List<Integer> values = IntStream.rangeClosed(1, 30).boxed().toList();
        Square square = new Square(v -> 0);
        Sink sink = new Sink(0);
        Katas.load(Pipeline.class).run(new Source(values, 0), square, sink);
        assertEquals(squares(values), sink.got(), "the sink must get every square, once, in the source's order");
        square.assertEachOnce(values);
    }

    @Test
    @Order(2)
    void keepsOrderWhenSquaringTimeVaries() throws Exception {
        // Every third value takes 50 ms to square, the others 5 ms: a square stage that
        // works on several values at once would let the quick ones overtake.
        List<Integer> values = IntStream.rangeClosed(1, 12).boxed().toList();
        Square square = new Square(v -> v % 3 == 1 ? 50 : 5);
        Sink sink = new Sink(0);
        Katas.load(Pipeline.class).run(new Source(values, 5), square, sink);
        assertEquals(squares(values), sink.got(), "the squares must reach the sink in the source's order");
        square.assertEachOnce(values);
    }

    @Test
    @Order(3)
    void valuesThatLookLikeMarkersAreValues() throws Exception {
        List<Integer> values = List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 7, -1, 0);
        Square square = new Square(v -> 0);
        Sink sink = new Sink(0);
        Katas.load(Pipeline.class).run(new Source(values, 0), square, sink);
        assertEquals(squares(values), sink.got(), "0, -1 and MIN_VALUE are values like any other: "
                + "the end of the stream must be marked by something that is not a value");
        square.assertEachOnce(values);
    }

    @Test
    @Order(4)
    void emptySourceEndsEveryStage() throws Exception {
        Square square = new Square(v -> 0);
        Sink sink = new Sink(0);
        Katas.load(Pipeline.class).run(new Source(List.of(), 0), square, sink);
        assertEquals(List.of(), sink.got());
        assertTrue(square.calls.isEmpty(), "nothing to square");
    }

    @Test
    @Order(5)
    void returnsOnlyOnceTheSinkHasTheLastValue() throws Exception {
        List<Integer> values = List.of(1, 2, 3, 4, 5);
        Sink sink = new Sink(60); // the slowest stage is the last one
        Katas.load(Pipeline.class).run(new Source(values, 0), new Square(v -> 0), sink);
        assertEquals(0, sink.probe.inFlight(), "run() returned while the sink was still handling a value");
        assertEquals(squares(values), sink.got(), "run() returned before the sink had every value");
        assertEquals(1, sink.probe.peak(), "the sink stage is one thread: one value at a time");
    }

    @Test
    @Order(6)
    void stagesWaitWithoutSpinning() throws Exception {
        // A slow source: square and sink wait 200 ms for each value, and must block meanwhile.
        List<Integer> values = List.of(2, 3, 4, 5, 6);
        Sink sink = new Sink(0);
        Katas.load(Pipeline.class).run(new Source(values, 200), new Square(v -> 0), sink);
        assertEquals(squares(values), sink.got());
    }
}
