package katas.day16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 16: run them in your IDE or with `make test-public DAY=16`. */
class Day16PublicTest {

    private static Callable<String> answers(String answer, long millis) {
        return () -> {
            Thread.sleep(millis);
            return answer;
        };
    }

    @Test
    void returnsTheFirstAnswerWithoutWaitingForTheOthers() throws Exception {
        long start = System.nanoTime();
        String answer = Katas.load(FirstResponse.class).query(List.of(answers("slow", 1000), answers("fast", 30)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("fast", answer);
        assertTrue(millis < 500, "the fast backend answered after 30 ms, yet query took " + millis + " ms");
    }

    @Test
    void aFailingBackendDoesNotWin() throws Exception {
        Callable<String> broken = () -> {
            throw new IllegalStateException("down (on purpose)");
        };
        assertEquals("ok", Katas.load(FirstResponse.class).query(List.of(broken, answers("ok", 50))));
    }
}
