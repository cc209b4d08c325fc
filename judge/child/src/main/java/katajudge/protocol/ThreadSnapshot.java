package katajudge.protocol;

import java.util.List;

/**
 * One thread as a report shows it: what it is, where it was created, where
 * it is now, and what it waits for. Frames of the learner's own classes
 * carry the {@link Frame} mark so a reader finds their code at a glance.
 */
public record ThreadSnapshot(
        String name,
        long id,
        boolean virtual,
        String owner,
        String state,
        String waitingOn,
        Long waitingForMs,
        String heldBy,
        List<String> stack,
        List<String> createdAt,
        String createdBy,
        String startedDuring) {

    /** The first frame of learner code in the current stack, or the top frame. */
    public String stuckAt() {
        return firstLearnerFrame(stack);
    }

    /** The first frame of learner code where the thread was created, or the top frame. */
    public String createdAtFrame() {
        return firstLearnerFrame(createdAt);
    }

    /**
     * The learner's frame if there is one; otherwise the first frame above the
     * JDK's parking machinery (a queue's take, a pool's getTask), which says
     * more than {@code Unsafe.park}.
     */
    private static String firstLearnerFrame(List<String> frames) {
        if (frames == null || frames.isEmpty()) {
            return "(unknown)";
        }
        return frames.stream().map(Frame::parse).filter(Frame::learner).findFirst().map(Frame::text)
                .or(() -> frames.stream().filter(f -> !isMachinery(f)).findFirst())
                .orElse(frames.getFirst());
    }

    private static boolean isMachinery(String frame) {
        return frame.startsWith("jdk.internal.") || frame.startsWith("java.util.concurrent.locks.")
                || frame.startsWith("java.lang.Thread.") || frame.startsWith("java.lang.VirtualThread.")
                || frame.startsWith("java.lang.Object.wait") || frame.startsWith("java.util.concurrent.ForkJoinPool.")
                || frame.startsWith("katas.support.");
    }
}
