package katajudge.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one policy: what scaling stretches and what it leaves alone. */
class PolicyTest {

    private final Policy p = Policy.DEFAULT;

    @Test
    void atTheNormalLimitsNothingChanges() {
        assertEquals(p, p.scaled(1.0));
    }

    @Test
    void theLimitFactorStretchesEveryWindow() {
        Policy s = p.scaled(1.5);
        assertEquals(225, s.deadlockWindowMs());
        assertEquals(300, s.programDeadlockWindowMs());
        assertEquals(1_200, s.busyStreakMs());
        assertEquals(3_000, s.lateAllowanceMaxMs());
        assertEquals(750, s.programLingerMs());
    }

    @Test
    void sharesCapsSizesAndTheTickStay() {
        Policy s = p.scaled(1.5);
        assertEquals(p.busyWaitShare(), s.busyWaitShare());
        assertEquals(p.threadCap(40), s.threadCap(40));
        assertEquals(p.outputLimitBytes(), s.outputLimitBytes());
        assertEquals(p.watchdogTickMs(), s.watchdogTickMs());
        assertEquals(p.startupLimitMs(), s.startupLimitMs());
        assertEquals(p.jvmHeadroomMb(), s.jvmHeadroomMb());
    }

    @Test
    void theThreadCapIsFarAboveWhatTheKataAllows() {
        assertEquals(256, p.threadCap(4), "a small kata still gets the floor");
        assertEquals(80_400, p.threadCap(10_050), "a kata allowing many gets 8 times that");
    }

    @Test
    void theDeadlockWindowGrowsWithOverloadUpToItsBound() {
        assertEquals(0, p.lateAllowanceMs(0));
        assertEquals(300, p.lateAllowanceMs(30));
        assertEquals(2_000, p.lateAllowanceMs(1_000));
    }

    @Test
    void aFactorMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> p.scaled(0));
        assertThrows(IllegalArgumentException.class, () -> p.scaled(Double.NaN));
    }
}
