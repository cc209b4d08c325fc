package katas.support;

/**
 * The work the judge times for a kata's speedup score: run once on the
 * sequential baseline and once on the submission, interleaved, several times.
 * It must be deterministic and not depend on earlier runs.
 *
 * @param <T> the kata's API
 */
@FunctionalInterface
public interface SpeedupWorkload<T> {
    void run(T solution) throws Exception;
}
