package katas.day21;

/** A job handed to a {@link Scheduler}: Go's {@code *time.Timer} from {@code time.AfterFunc}. */
public interface ScheduledJob {

    /**
     * Go's {@code timer.Stop()}: makes sure the job never starts. Returns
     * {@code true} if the job had not started yet (it now never will), and
     * {@code false} if it had already started (running or finished) or was
     * already cancelled. Never waits, never interrupts a running job.
     */
    boolean cancel();
}
