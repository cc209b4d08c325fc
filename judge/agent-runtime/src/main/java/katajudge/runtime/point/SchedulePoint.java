package katajudge.runtime.point;

import katajudge.runtime.Schedule;

/**
 * The one door of the judge's runtime that learner code may call: the
 * schedule point the agent weaves into the learner's classes when a kata or
 * {@code judge run --explore} explores schedules. In a judging the runtime is
 * patched into {@code java.base} and its package is exported to the judge
 * alone; this package is exported to every module
 * ({@code --add-exports java.base/katajudge.runtime.point=ALL-UNNAMED}), and
 * all it can do is hold the calling thread back for a moment.
 */
public final class SchedulePoint {

    private SchedulePoint() {}

    /** A synchronisation point of the learner's code. */
    public static void point() {
        Schedule.point();
    }
}
