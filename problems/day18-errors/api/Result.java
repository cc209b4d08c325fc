package katas.day18;

/**
 * The outcome of one job, as Go's workers send it on a results channel:
 * either its value or its error, always with the job's id.
 */
public sealed interface Result {

    /** The id of the job this is the outcome of. */
    int id();

    /** The job returned {@code value}. */
    record Ok(int id, String value) implements Result {}

    /**
     * The job threw {@code error}: the very exception its work threw (not
     * wrapped, e.g. in an {@link java.util.concurrent.ExecutionException}).
     */
    record Err(int id, Throwable error) implements Result {}
}
