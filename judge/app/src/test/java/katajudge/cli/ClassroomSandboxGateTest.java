package katajudge.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import katajudge.run.BadInputException;
import org.junit.jupiter.api.Test;

/** Grading a class refuses to run learners' code outside the sandbox unless the teacher says so. */
class ClassroomSandboxGateTest {

    @Test
    void refusesWithoutTheSandboxUnlessAllowed() {
        var absent = new ClassroomCommand.SandboxState(false, "bwrap not found");
        BadInputException e = assertThrows(BadInputException.class, () -> ClassroomCommand.requireSandbox(false, absent));
        assertTrue(e.getMessage().contains("bwrap not found") && e.getMessage().contains("--allow-no-sandbox"),
                e.getMessage());
        assertDoesNotThrow(() -> ClassroomCommand.requireSandbox(true, absent));
        assertDoesNotThrow(() -> ClassroomCommand.requireSandbox(false, new ClassroomCommand.SandboxState(true, "bwrap 0.9")));
    }

    @Test
    void aMissingKeyIsBadInputNotAJudgeFault() {
        var cl = JudgeCli.commandLine();
        var err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute("classroom", "--roster", "no-such-roster.csv", "--key", "/no/such.key", "--allow-no-sandbox");
        assertTrue(code == 2 && err.toString().contains("--key /no/such.key: cannot read it"), err::toString);
    }

    @Test
    void theCommandStopsBeforeFetchingAnythingWhenRefused() {
        var cl = JudgeCli.commandLine();
        var err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute("classroom", "--roster", "no-such-roster.csv", "--key", "no-such.key");
        if (!ClassroomCommand.sandbox().available()) {
            assertTrue(code == 2 && err.toString().contains("--allow-no-sandbox"), err::toString);
        }
    }
}
