package katajudge.child;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import katajudge.protocol.Event;

/**
 * The child's side of the result channel: the process's real standard
 * output, taken before any learner code runs. Each event is one line that
 * starts with a per-run secret the learner's code never sees, so printed text
 * cannot pass for a result.
 */
final class EventChannel {

    private final PrintStream out;
    private final String secret;
    private final ObjectMapper json = new ObjectMapper();

    EventChannel(String secret) {
        this.out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        this.secret = secret;
    }

    /**
     * Sends the last events and ends the JVM while holding the channel: no
     * other thread can be half-way through a line when the process ends.
     */
    synchronized void sendAndHalt(Event... last) {
        for (Event e : last) {
            send(e);
        }
        Runtime.getRuntime().halt(0);
    }

    synchronized void send(Event event) {
        try {
            out.print(secret);
            out.print(' ');
            out.println(json.writeValueAsString(event));
            out.flush();
        } catch (Exception e) {
            out.println(secret + " {\"event\":\"judge-fault\",\"message\":\"cannot encode an event\"}");
            out.flush();
        }
    }
}
