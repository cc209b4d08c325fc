package katajudge.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * When the guard leaves a refusal to the JVM (it only notes it): exactly
 * when the target's module neither opens nor exports its package to the
 * caller. Anything else the guard must refuse itself, as the JVM would
 * let it through.
 */
class RefusalsModuleTest {

    /** A class of the test's own unnamed module, as learner code is of its loader's. */
    private static final class Caller {}

    @Test
    void aPackageOfANamedModuleNeitherOpenNorExportedIsTheJvmsToRefuse() throws Exception {
        // java.base's jdk.internal.misc, like the child's katajudge.child: neither exported nor open.
        assertTrue(Refusals.moduleRefuses(Caller.class, Class.forName("jdk.internal.misc.Unsafe")));
    }

    @Test
    void anOpenOrExportedPackageOrTheCallersOwnModuleIsLeftToTheGuard() {
        // An unnamed module is open to all (the agent's classes): the guard's throw is all that stops it.
        assertFalse(Refusals.moduleRefuses(Caller.class, RefusalsModuleTest.class));
        // Exported: the JVM lets public members through.
        assertFalse(Refusals.moduleRefuses(Caller.class, String.class));
        // Inside java.base itself.
        assertFalse(Refusals.moduleRefuses(Object.class, Class.class));
    }
}
