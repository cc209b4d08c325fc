/**
 * The judge's code inside a judging's child JVM: the runner ({@code katajudge.child}: the hidden tests
 * under the watchdog, the detectors, the result channel that holds the run's key) and the protocol it
 * speaks with the parent ({@code katajudge.protocol}).
 *
 * <p>A named module that exports and opens nothing: the JVM itself refuses learner code (its own class
 * loader, its own unnamed module) every access to these classes, public methods included, and every
 * {@code setAccessible} or {@code privateLookupIn} into them, whatever the agent's guard sees. The
 * child is launched with {@code -m katajudge.child/katajudge.child.ChildMain} and this module's
 * dependencies on the module path ({@code katajudge.run.JudgeHome#childModuleOptions}); the parent,
 * and {@code judge run}'s program runner, use these classes from the class path, where a module
 * descriptor means nothing.
 *
 * <p>The cut: what runs in the child and holds something learner code must not reach (the channel's
 * key, the runner's state, the detectors) is here. Not here, and why: the agent (a {@code -javaagent}
 * jar is always loaded from the class path, into the application loader's unnamed module; it keeps
 * no secret, and reflection into it stays the guard's to refuse); its runtime (patched into
 * {@code java.base}, whose packages are neither exported nor open). Lincheck's plain JVM runs this
 * module too (with the runtime patched into {@code java.base}, nothing woven), Lincheck and its
 * Kotlin on the class path.
 */
module katajudge.child {
    requires java.management;     // the watchdog's thread dumps and CPU times
    requires static jdk.jfr;      // the report page's recording: in the child only when recorded
    requires katas.support;       // binding the kata's API to the submission
    requires org.junit.platform.launcher;
    // JUnit Jupiter (api, params, engine): not used here, read so that it is in the boot layer for the
    // hidden tests (unnamed modules read every module there) and the launcher finds its engine.
    requires org.junit.jupiter;
}
