package katajudge.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import katajudge.protocol.Event;

/**
 * The parent's answer to a child that is about to time its workload
 * ({@link Event.SpeedupStarting}): a line on the child's standard input once
 * the judging has the machine to itself. With no shared machine the answer
 * is immediate. While the child waits, neither its run nor its silence is
 * timed: waiting for other judgings to end is the judge's time.
 */
final class SpeedupGate implements AutoCloseable {

    private final MachineShare.Use machine;
    private final OutputStream toChild;
    private volatile long askedAt;
    private volatile long grantedAt;
    private Thread waiter;

    /** @param machine the judging's hold on a shared machine, or null when it has the machine to itself */
    SpeedupGate(MachineShare.Use machine, OutputStream toChild) {
        this.machine = machine;
        this.toChild = toChild;
    }

    /** Told every event as it arrives (on the channel's reader thread, which must never block). */
    void onEvent(Event event) {
        if (event instanceof Event.SpeedupStarting) {
            ask();
        } else if (event instanceof Event.SpeedupMeasured && machine != null) {
            machine.shareAgain();
        }
    }

    private synchronized void ask() {
        if (askedAt != 0) {
            return;
        }
        askedAt = System.nanoTime();
        waiter = Thread.ofVirtual().name("judge-speedup-gate").start(() -> {
            try {
                if (machine != null) {
                    machine.takeWhole();
                }
                grantedAt = System.nanoTime();
                toChild.write("go\n".getBytes(StandardCharsets.US_ASCII));
                toChild.flush();
            } catch (InterruptedException | IOException e) {
                grantedAt = System.nanoTime(); // the child is gone or the judging is over: stop waiting for it
            }
        });
    }

    /** Whether the child is waiting for the machine now. */
    boolean waiting() {
        return askedAt != 0 && grantedAt == 0;
    }

    /** How long the child has waited for the machine, in all. */
    long waitedNanos() {
        long asked = askedAt;
        if (asked == 0) {
            return 0;
        }
        long granted = grantedAt;
        return (granted == 0 ? System.nanoTime() : granted) - asked;
    }

    /** How long since the go; the child's silence before it is not the child's. */
    long millisSinceGo() {
        long granted = grantedAt;
        return granted == 0 ? Long.MAX_VALUE : (System.nanoTime() - granted) / 1_000_000;
    }

    /** The child has ended: stop waiting for the machine and give back what was taken for it. */
    @Override
    public void close() {
        Thread w;
        synchronized (this) {
            w = waiter;
        }
        if (w != null) {
            w.interrupt();
            try {
                w.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (machine != null) {
            machine.shareAgain();
        }
        try {
            toChild.close();
        } catch (IOException ignored) {
            // the child is gone
        }
    }
}
