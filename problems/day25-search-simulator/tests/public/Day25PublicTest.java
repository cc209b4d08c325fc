package katas.day25;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import katas.support.Katas;
import org.junit.jupiter.api.Test;

/** Public tests of day 25: run them in your IDE or with `make test-public DAY=25`. */
class Day25PublicTest {

    static Replica after(long millis, String answer) {
        return query -> {
            Thread.sleep(millis);
            return answer;
        };
    }

    @Test
    void takesTheFirstAnswerOfEachKind() throws Exception {
        long start = System.nanoTime();
        Map<Kind, String> answers = Katas.load(SearchEngine.class).search("golang", Map.of(
                Kind.WEB, List.of(after(1000, "slow web"), after(50, "fast web")),
                Kind.IMAGE, List.of(after(50, "fast image"), after(1000, "slow image")),
                Kind.VIDEO, List.of(after(50, "fast video"))), Duration.ofSeconds(2));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Map.of(Kind.WEB, "fast web", Kind.IMAGE, "fast image", Kind.VIDEO, "fast video"), answers);
        assertTrue(ms < 700, "the fast replicas answer after 50 ms; search took " + ms + " ms");
    }

    @Test
    void theTimeoutLeavesOutTheKindsThatDidNotAnswer() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        Replica stuck = query -> {
            try {
                Thread.sleep(10_000);
                return "too late";
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        };
        Map<Kind, String> answers = Katas.load(SearchEngine.class).search("golang", Map.of(
                Kind.WEB, List.of(after(20, "web")),
                Kind.VIDEO, List.of(stuck)), Duration.ofMillis(200));
        assertEquals(Map.of(Kind.WEB, "web"), answers);
        assertTrue(interrupted.get(), "the replica still running at the timeout must be interrupted before "
                + "search returns");
    }
}
