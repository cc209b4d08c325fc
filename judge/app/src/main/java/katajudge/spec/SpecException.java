package katajudge.spec;

/** A problem folder or its spec is broken: the message names the file and the field. */
public final class SpecException extends Exception {
    public SpecException(String message) {
        super(message);
    }
}
