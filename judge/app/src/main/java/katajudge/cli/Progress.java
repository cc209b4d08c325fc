package katajudge.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import katajudge.protocol.Event;
import katajudge.report.Style;

/**
 * What a judging is doing while the learner waits, on standard error:
 * compiling, starting the child JVM, each test with its status as it lands
 * ("test 3/6 ✓ name"), the speedup runs. On a terminal it is one line
 * rewritten in place and wiped before the report; elsewhere (CI, a pipe)
 * it is one plain line per step, so a log shows where a judging stood.
 */
final class Progress implements Consumer<Event> {

    private final PrintWriter err;
    private final boolean terminal;
    private final Style style;
    private int planned;
    private int finished;
    private boolean shown;

    Progress(PrintWriter err, boolean terminal, Style style) {
        this.err = err;
        this.terminal = terminal;
        this.style = style;
    }

    static Progress forThisTerminal(PrintWriter err, Style style) {
        return new Progress(err, System.console() != null && System.console().isTerminal(), style);
    }

    void step(String what) {
        if (terminal) {
            // One line only: a line wider than the terminal would wrap, and \r would not take it back.
            int room = JudgeCli.terminalWidth() - "judging: ".length() - 1;
            String shown = what.length() <= room ? what : what.substring(0, Math.max(0, room - 3)) + "...";
            err.print("\r\u001b[2K" + style.dim("judging: ") + shown);
        } else {
            err.println("judging: " + what);
        }
        err.flush();
        shown = true;
    }

    @Override
    public synchronized void accept(Event e) {
        switch (e) {
            case Event.Started s -> step("child JVM started (" + s.cores() + " cores), running the hidden tests");
            case Event.Planned p -> planned += p.tests().size();
            case Event.TestFinished t -> {
                finished++;
                String mark = t.status().passed() ? style.green("✓") : style.red("✗ " + t.status().name());
                step("test " + finished + "/" + Math.max(planned, finished) + " " + mark + " " + t.name()
                        + " (" + t.millis() + " ms)");
            }
            case Event.SpeedupStarting s -> step("speedup runs: the baseline and yours, interleaved");
            case Event.Deadlock d -> step(style.red("deadlock") + " in " + d.phase() + ": stopping the run");
            case Event.Timeout t -> step(style.red("time limit") + " in " + t.phase() + ": stopping the run");
            case Event.Finished f -> step("done, scoring");
            default -> { }
        }
    }

    /** Clears the progress line before the report is printed (a terminal only). */
    synchronized void done() {
        if (terminal && shown) {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}
