package katajudge.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import katajudge.protocol.Event;
import katajudge.protocol.ProtocolJson;
import katajudge.protocol.ChannelFrame;

/**
 * The parent's side of the result channel, which fails closed: it keeps the
 * events of frames whose MAC checks out and whose sequence number is the next
 * one, and notes as tampering every line that claims to be a frame but does
 * not check out, every gap in the sequence, and (through {@link #verdictOnEnd})
 * a child that ends before its last expected event. Lines without the frame
 * mark are learner bytes and are dropped; no line is kept past
 * {@link #MAX_LINE}, so a flood costs no memory.
 */
final class ResultChannel {

    static final int MAX_LINE = 4 * 1024 * 1024;

    private final byte[] key;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> tampering = new CopyOnWriteArrayList<>();
    private long next;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile boolean finished;

    /** What to tell as each authentic event arrives (the learner's live progress line). */
    private final java.util.function.Consumer<Event> progress;

    ResultChannel(byte[] key) {
        this(key, event -> { });
    }

    ResultChannel(byte[] key, java.util.function.Consumer<Event> progress) {
        this.key = key.clone();
        this.progress = progress;
    }

    List<Event> events() {
        return events;
    }

    /** How long since the child's last authentic message (or since the channel was opened). */
    long silentMillis() {
        return (System.nanoTime() - lastHeardNanos) / 1_000_000;
    }

    /** Whether the child's last event ({@link Event.Finished}) is in: it says nothing more after it. */
    boolean finished() {
        return finished;
    }

    /** Reads the child's standard output to its end. */
    void read(InputStream in) {
        try (in) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean overlong = false;
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        if (!overlong) {
                            accept(line.toString(StandardCharsets.UTF_8));
                        }
                        line.reset();
                        overlong = false;
                    } else if (line.size() < MAX_LINE) {
                        line.write(buffer[i]);
                    } else {
                        overlong = true;
                    }
                }
            }
            if (!overlong && line.size() > 0) {
                accept(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the child is gone; what it said is kept
        }
    }

    /** One line of the child's standard output. */
    void accept(String line) {
        if (!line.startsWith(ChannelFrame.MARK)) {
            return; // learner bytes on the real standard output: not ours
        }
        ChannelFrame.Checked frame = ChannelFrame.check(key, line);
        if (frame == null) {
            tampering.add("a damaged or forged message on the judge's result channel");
            return;
        }
        if (frame.seq() != next) {
            tampering.add(frame.seq() < next ? "a replayed message on the judge's result channel"
                    : "message " + next + " missing from the judge's result channel");
        }
        next = Math.max(next, frame.seq() + 1);
        lastHeardNanos = System.nanoTime();
        try {
            Event event = ProtocolJson.read(frame.json(), Event.class);
            events.add(event);
            finished |= event instanceof Event.Finished;
            progress.accept(event);
        } catch (IllegalArgumentException e) {
            // authenticated, so the judge's own fault: never blamed on the learner
            events.add(new Event.Fault("unreadable event from the child: " + e.getMessage()));
        }
    }

    /**
     * What went wrong with the channel, once the child has ended: tampering
     * seen, or a normal end with planned tests that never reported (each of
     * them counts as failed). Empty when the channel is clean.
     */
    List<String> verdictOnEnd() {
        List<String> found = new ArrayList<>(new LinkedHashSet<>(tampering));
        Event.Finished finished = events.stream().filter(e -> e instanceof Event.Finished)
                .map(Event.Finished.class::cast).findFirst().orElse(null);
        if (finished != null && !finished.aborted()) {
            Set<String> missing = new LinkedHashSet<>();
            events.stream().filter(e -> e instanceof Event.Planned).map(Event.Planned.class::cast)
                    .forEach(p -> missing.addAll(p.tests()));
            events.stream().filter(e -> e instanceof Event.TestFinished).map(Event.TestFinished.class::cast)
                    .forEach(t -> missing.remove(t.name()));
            if (!missing.isEmpty()) {
                found.add("the run ended without a result for " + missing.size() + " planned test"
                        + (missing.size() == 1 ? "" : "s") + " (" + String.join(", ", missing) + ")");
            }
        }
        return found;
    }
}
