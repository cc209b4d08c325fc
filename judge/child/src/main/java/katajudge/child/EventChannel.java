package katajudge.child;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import katajudge.protocol.Event;
import katajudge.protocol.ChannelFrame;
import katajudge.protocol.ProtocolJson;

/**
 * The child's side of the result channel: the process's real standard
 * output, taken before any learner code runs. Each event is one
 * {@link ChannelFrame}, numbered in sequence and authenticated with the run's key,
 * written with a single write so it is never half-sent.
 */
final class EventChannel {

    private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    private final byte[] key;
    private long seq;

    EventChannel(byte[] key) {
        this.key = key.clone();
    }

    /**
     * Sends the last events and ends the JVM while holding the channel: no
     * other thread can be half-way through a frame when the process ends.
     */
    synchronized void sendAndHalt(Event... last) {
        for (Event e : last) {
            send(e);
        }
        Runtime.getRuntime().halt(0);
    }

    synchronized void send(Event event) {
        String body;
        try {
            body = ProtocolJson.write((Record) event);
        } catch (Exception e) {
            body = "{\"event\":\"judge-fault\",\"message\":\"cannot encode an event\"}";
        }
        byte[] frame = ("\n" + ChannelFrame.encode(key, seq++, body) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write(frame);
        } catch (IOException e) {
            // the parent is gone: nobody is left to tell
        }
    }
}
