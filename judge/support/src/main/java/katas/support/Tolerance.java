package katas.support;

import java.time.Duration;

/**
 * Timing tolerances of hidden tests that stretch with the judge's limit
 * factor: how late something may happen, how long to wait for it before
 * failing, an upper bound on how long a call may take, a quiet window in
 * which something must not happen. A scenario's own durations (a job due at
 * 100 ms, a sleep that makes work) are not tolerances and stay literal.
 *
 * <pre>{@code
 * static final long LATE_MS = Tolerance.ms(300); // 300 ms at factor 1, 450 ms at 1.5
 * Waits.until(done::get, Tolerance.of(Duration.ofSeconds(2)));
 * }</pre>
 *
 * <p>The factor is the judge's {@code limitScale}: 1 normally, 1.5 when
 * {@code verify --sensitivity} judges again, or what {@code --limit-scale}
 * asks for a slow machine. The child JVM sets the system property
 * {@value #PROPERTY} and initialises this class before any learner class
 * loads; from then on the factor is a {@code static final} primitive that no
 * later {@code System.setProperty}, no setter (there is none) and no
 * reflection can change, so learner code in the same JVM cannot widen the
 * tests' bands. Outside the judge (a kata's tests in an IDE) the factor is 1,
 * or what {@code -Dkatas.tolerance=1.5} gives.
 */
public final class Tolerance {

    /** The system property read once, when this class initialises. */
    public static final String PROPERTY = "katas.tolerance";

    /** The largest factor accepted: beyond it tolerances no longer tell a slow solution from a wrong one. */
    public static final double MAX_FACTOR = 3.0;

    private static final double FACTOR = parse(System.getProperty(PROPERTY));

    private Tolerance() {}

    /** The factor every tolerance is stretched by, fixed for this JVM's life. */
    public static double factor() {
        return FACTOR;
    }

    /** {@code ms} milliseconds stretched by the factor (rounded to the nearest millisecond). */
    public static long ms(long ms) {
        return Math.round(ms * FACTOR);
    }

    /** {@code tolerance} stretched by the factor (to the millisecond). */
    public static Duration of(Duration tolerance) {
        return Duration.ofMillis(ms(tolerance.toMillis()));
    }

    /** Whether the judge may stretch tolerances by {@code factor}: from 1 to {@link #MAX_FACTOR}. */
    public static boolean isValidFactor(double factor) {
        return factor >= 1.0 && factor <= MAX_FACTOR;
    }

    /** The factor a property value gives: 1 when absent; a number from 1 to {@link #MAX_FACTOR} otherwise. */
    static double parse(String value) {
        if (value == null || value.isBlank()) {
            return 1.0;
        }
        double factor;
        try {
            factor = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(notAFactor(value), e);
        }
        if (!isValidFactor(factor)) {
            throw new IllegalArgumentException(notAFactor(value));
        }
        return factor;
    }

    private static String notAFactor(String value) {
        return "-D" + PROPERTY + " must be a number from 1 to " + MAX_FACTOR + ", not '" + value + "'";
    }
}
