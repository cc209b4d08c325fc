package katajudge.run;

/**
 * The user gave the judge something it cannot judge (a missing jar, an
 * unknown day, a class for a newer JDK...): exit code 2, one line that says
 * what to do, and no result written.
 */
public final class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message);
    }
}
