package katajudge.cli;

import java.io.IOException;
import java.nio.file.Path;
import katajudge.run.BadInputException;
import katajudge.run.JudgeHome;
import katajudge.spec.Problem;
import katajudge.spec.ProblemSet;
import katajudge.spec.SpecException;

/** What the commands share: find the judge's home and read a day, turning broken input into one line. */
final class Problems {

    private Problems() {}

    static JudgeHome home(Path problemsOverride) throws BadInputException {
        return JudgeHome.locate(problemsOverride);
    }

    static Problem load(JudgeHome home, int day) throws BadInputException {
        try {
            return new ProblemSet(home.problemsDir()).load(day);
        } catch (SpecException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw new BadInputException("cannot read day " + day + ": " + e.getMessage());
        }
    }
}
