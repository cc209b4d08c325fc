package katajudge.child;

import katajudge.protocol.Event;

/**
 * Where the watchdog sends what it finds: the kata runner sends it to the
 * parent judge; {@code judge run} prints it for a person.
 */
interface FindingSink {

    /** A finding that does not stop the run (busy waiting). */
    void report(Event event);

    /** A finding after which the JVM's threads cannot be trusted: report it and end the JVM. */
    void abort(Event event);

    /** The judge's own failure. */
    void fault(String message);
}
