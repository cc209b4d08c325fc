package katajudge.child;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Takes the place of System.out and System.err in the child: learner output
 * is kept, up to a limit, to be shown with the test that printed it, and can
 * never reach the result channel.
 */
final class OutputCapture extends OutputStream {

    private final int limit;
    private final StringBuilder kept = new StringBuilder();
    private long dropped;

    OutputCapture(int limit) {
        this.limit = limit;
    }

    static OutputCapture install(int limit) {
        OutputCapture capture = new OutputCapture(limit);
        PrintStream stream = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(stream);
        System.setErr(stream);
        return capture;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.length() < limit) {
            kept.append((char) b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, limit - kept.length());
        int take = Math.min(room, len);
        kept.append(new String(b, off, take, StandardCharsets.UTF_8));
        dropped += len - take;
    }

    /** What was printed since the last call, with a note of how much was cut. */
    synchronized String drain() {
        String text = kept.toString();
        if (dropped > 0) {
            text += "\n... (" + dropped + " more bytes not kept)";
        }
        kept.setLength(0);
        dropped = 0;
        return text;
    }
}
