package katajudge.child;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The child's standard input after the channel's key: the judge's side of
 * the conversation, and the child's lifeline.
 *
 * <p>The judge writes a line when the workload may be timed (its go), and
 * closes the pipe only once the child has ended. So the pipe reaching its end
 * while the child runs means the judge is gone (killed, even by SIGKILL,
 * which runs no cleanup): the child halts at once instead of running on as an
 * orphan. The judge starts each child in a session of its own, so a Ctrl-C
 * at the terminal reaches the judge alone, which then stops its children
 * itself; this line is what ends them when the judge could not.
 */
final class JudgeLine {

    /** The exit status of a child whose judge went away (no one reads it; it shows in a process list). */
    static final int JUDGE_GONE = 3;

    private final Semaphore lines = new Semaphore(0);

    private JudgeLine() {}

    /** Starts reading {@code fromJudge} (after the key) on a daemon thread of the judge's own. */
    static JudgeLine listen(InputStream fromJudge) {
        JudgeLine line = new JudgeLine();
        Thread reader = new Thread(() -> line.read(fromJudge), "judge-lifeline");
        reader.setDaemon(true);
        reader.start();
        return line;
    }

    private void read(InputStream fromJudge) {
        try {
            for (int c; (c = fromJudge.read()) != -1; ) {
                if (c == '\n') {
                    lines.release();
                }
            }
        } catch (IOException e) {
            // the pipe broke: the same as its end
        }
        Runtime.getRuntime().halt(JUDGE_GONE);
    }

    /** Waits up to {@code millis} for the judge's next line; false if none came. */
    boolean awaitLine(long millis) {
        try {
            return lines.tryAcquire(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
