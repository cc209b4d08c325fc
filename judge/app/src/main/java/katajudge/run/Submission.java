package katajudge.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import katas.support.ImplementationFinder;
import katas.support.ImplementationFinder.Outcome;

/**
 * A learner's jar, checked before anything runs: it exists, it is a jar, it
 * holds exactly one implementation of the day's API, and no class in it is
 * too new for the judge's JDK.
 *
 * @param jar            the jar
 * @param implementation the class that implements the API
 */
public record Submission(Path jar, String implementation) {

    public static Submission inspect(Path jar, String api) throws BadInputException {
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException("no jar at " + jar + ": build your module first (make submit does)");
        }
        Outcome outcome;
        try {
            outcome = ImplementationFinder.find(ImplementationFinder.scan(jar), api);
        } catch (IOException e) {
            throw new BadInputException(jar + " cannot be read: " + e.getMessage() + "; rebuild it");
        }
        return switch (outcome) {
            case Outcome.Found f -> new Submission(jar.toAbsolutePath(), f.className());
            case Outcome.None n -> throw new BadInputException(jar + " has no class that implements " + api
                    + ": write one (see the day's README.md)");
            case Outcome.Several s -> throw new BadInputException(jar + " has " + s.classNames().size()
                    + " classes that implement " + api + " " + s.classNames() + ": keep exactly one");
            case Outcome.TooNew t -> throw new BadInputException(t.className() + " in " + jar
                    + " was compiled for Java " + t.javaRelease() + " but the judge runs Java "
                    + Runtime.version().feature() + ": compile with --release " + Runtime.version().feature());
        };
    }
}
