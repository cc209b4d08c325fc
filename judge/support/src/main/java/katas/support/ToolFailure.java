package katas.support;

/**
 * A checking tool the tests call (Lincheck) failed by itself, not because
 * of the submission: the judge reports it as its own error (JUDGE_ERROR,
 * with this message), never as the learner's wrong answer.
 */
public final class ToolFailure extends Error {

    public ToolFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
