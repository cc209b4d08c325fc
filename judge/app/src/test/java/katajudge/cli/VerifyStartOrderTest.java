package katajudge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import katajudge.spec.Solution;
import org.junit.jupiter.api.Test;

/** verify starts the solutions kept for TIME_LIMIT first, so the longest judgings are not the run's tail. */
class VerifyStartOrderTest {

    private static Solution kept(int day, String folder, String name) {
        return new Solution(Path.of("problems/day" + day + "/solutions/" + folder + "/" + name + ".java"),
                "katas.day" + day + ".solutions." + folder + "." + name, folder);
    }

    @Test
    void timeLimitSolutionsStartFirstTheRestKeepDayOrder() {
        Solution a = kept(1, "accepted", "Reference");
        Solution b = kept(1, "wrong_answer", "ForgetsToWait");
        Solution slowDay10 = kept(10, "time_limit", "NeverChecksTheFlag");
        Solution c = kept(12, "thread_leak", "PoolNeverShutDown");
        Solution slowDay23 = kept(23, "time_limit", "RecursiveTasksInABoundedPool");
        Solution d = kept(23, "accepted", "Reference");

        assertEquals(List.of(slowDay10, slowDay23, a, b, c, d),
                VerifyCommand.startOrder(List.of(a, b, slowDay10, c, slowDay23, d)));
    }

    @Test
    void withNoTimeLimitSolutionTheOrderIsTheDays() {
        List<Solution> days = List.of(kept(1, "accepted", "A"), kept(2, "deadlock", "B"), kept(3, "slow", "C"));
        assertEquals(days, VerifyCommand.startOrder(days));
    }
}
