package katajudge.score;

import java.util.List;
import katajudge.protocol.ThreadSnapshot;

/**
 * One thing the judge found, with the verdict it leads to and what a learner
 * needs to fix it: a headline, details, and the threads involved.
 */
public record Finding(Verdict verdict, String headline, List<String> details, List<ThreadSnapshot> threads) {

    public static Finding of(Verdict verdict, String headline, String... details) {
        return new Finding(verdict, headline, List.of(details), List.of());
    }
}
