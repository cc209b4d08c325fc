package katajudge.runtime;

/**
 * The waits of tracked threads: advice woven into every park, sleep and
 * {@code Object.wait} calls {@link #onWaitBegin} and {@link #onWaitEnd}, which
 * keep on the thread's record what it waits on, until when, and its progress
 * (the watchdog's deadlock and busy-wait detectors read them).
 */
public final class ThreadWaits {

    private ThreadWaits() {}

    /**
     * Entry of LockSupport.park*, Thread.sleepNanos, Object.wait(long).
     *
     * @param timeoutNanos how long the wait may last, or -1 for a wait without a timeout
     */
    public static void onWaitBegin(String kind, long timeoutNanos) {
        AgentHealth.noteEvent();
        TrackedThread r = own();
        if (r == null) {
            return;
        }
        if (r.waitDepth++ == 0) {
            long now = System.nanoTime();
            r.waitKind = kind;
            r.waitTimed = timeoutNanos >= 0;
            r.waitSinceNanos = now;
            r.waitUntilNanos = timeoutNanos < 0 || now + timeoutNanos < now ? Long.MAX_VALUE : now + timeoutNanos;
        }
    }

    /** Exit of the same methods, normal or exceptional. */
    public static void onWaitEnd() {
        TrackedThread r = own();
        if (r == null) {
            return;
        }
        r.progress++;
        if (r.waitDepth > 0 && --r.waitDepth == 0) {
            String kind = r.waitKind;
            r.waitKind = null;
            VirtualWaitListener l = virtualWaitListener;
            if (l != null && r.virtual && "park".equals(kind)) {
                long waited = System.nanoTime() - r.waitSinceNanos;
                if (waited >= l.thresholdNanos()) {
                    r.waitDepth++; // a wait inside the listener is not the learner's
                    try {
                        l.parked(waited);
                    } finally {
                        r.waitDepth--;
                    }
                }
            }
        }
    }

    /**
     * Told, on the virtual thread itself, of each park of a learner's virtual
     * thread that lasted at least its threshold: JDK Flight Recorder records
     * the parks of platform threads only, and the report page's timeline
     * needs both.
     */
    public interface VirtualWaitListener {
        long thresholdNanos();

        void parked(long waitedNanos);
    }

    private static volatile VirtualWaitListener virtualWaitListener;

    /** Judge code only: the child's flight recorder. */
    public static void setVirtualWaitListener(VirtualWaitListener listener) {
        virtualWaitListener = listener;
    }

    /**
     * The calling thread's record, or null. Parks are the hottest path: the
     * answer is kept in a thread-local (looked up once per thread), which
     * costs far less than a map lookup with a boxed id.
     */
    private static TrackedThread own() {
        Object cached = OWN.get();
        if (cached == NONE) {
            if (!ThreadRegistry.tracking()) {
                return null;
            }
            TrackedThread r = ThreadRegistry.recordOf(Thread.currentThread());
            if (r != null) {
                OWN.set(r);
            }
            return r;
        }
        TrackedThread r = (TrackedThread) cached;
        if (r.forgotten) {
            // A stale record (the root gets a new one each test): look the current one up, do not drop the wait.
            OWN.set(NONE);
            return own();
        }
        return r;
    }

    private static final Object NONE = new Object();
    private static final ThreadLocal<Object> OWN = ThreadLocal.withInitial(() -> NONE);
}
