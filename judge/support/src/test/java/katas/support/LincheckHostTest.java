package katas.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A failed check is the learner's; a crash of Lincheck itself is the judge's ({@link ToolFailure}). */
class LincheckHostTest {

    interface Api {}

    /** A check that finds a non-linearizable outcome, as Lincheck reports it. */
    public static final class FailingCheck {
        public static void check() {
            throw new AssertionError("= Invalid execution results =\n| get(1): 10 | put(1, 2): void |");
        }
    }

    /** A check during which Lincheck itself fails, as it reports that. */
    public static final class CrashingCheck {
        public static void check() {
            throw new AssertionError("\nWow! You've caught a bug in Lincheck.\nWe kindly ask to provide an issue "
                    + "here: https://github.com/JetBrains/lincheck/issues,\n\nException stacktrace:\n"
                    + "java.lang.ClassNotFoundException: learner.Cache$Entry");
        }
    }

    @Test
    void aFailedCheckIsRethrownAsIs() {
        AssertionError e = assertThrows(AssertionError.class, () -> LincheckHost.check(Api.class, FailingCheck.class));
        assertTrue(e.getMessage().startsWith("= Invalid execution results ="), e::getMessage);
    }

    @Test
    void aCrashOfLincheckIsAToolFailureWithItsMessage() {
        ToolFailure e = assertThrows(ToolFailure.class, () -> LincheckHost.check(Api.class, CrashingCheck.class));
        assertTrue(e.getMessage().contains("Lincheck failed by itself"), e::getMessage);
        assertTrue(e.getMessage().contains("ClassNotFoundException: learner.Cache$Entry"), e::getMessage);
        assertEquals(AssertionError.class, e.getCause().getClass());
    }
}
