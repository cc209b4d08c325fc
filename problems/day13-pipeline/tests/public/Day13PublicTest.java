package katas.day13;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 13: run them in your IDE or with `make test-public DAY=13`. */
class Day13PublicTest {

    @Test
    void squaresInOrder() throws Exception {
        List<Integer> printed = new CopyOnWriteArrayList<>();
        Katas.load(Pipeline.class).run(List.of(1, 2, 3, 4, 5).iterator(), v -> v * v, printed::add);
        assertEquals(List.of(1, 4, 9, 16, 25), printed);
    }

    @Test
    void endOfStreamIsNotAValue() throws Exception {
        List<Integer> printed = new CopyOnWriteArrayList<>();
        Katas.load(Pipeline.class).run(List.of(0, -1, 3).iterator(), v -> v * v, printed::add);
        assertEquals(List.of(0, 1, 9), printed, "0 and -1 are values, not the end of the stream");
    }

    @Test
    void emptySource() throws Exception {
        List<Integer> printed = new CopyOnWriteArrayList<>();
        Katas.load(Pipeline.class).run(List.<Integer>of().iterator(), v -> v * v, printed::add);
        assertEquals(List.of(), printed);
    }
}
