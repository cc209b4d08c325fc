package katas.day25;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Day 25: context, fan-out and an error group. A search asks every replica
 * of every kind at once, takes the first answer of each kind, gives up at a
 * deadline, and leaves nothing running behind it.
 */
public interface SearchEngine {

    /**
     * Searches every kind of {@code replicas} at once, each replica on a
     * thread of its own.
     *
     * <ul>
     *   <li>A kind's answer is the first <b>successful</b> reply among its
     *       replicas. As soon as it arrives, that kind's other replicas are
     *       interrupted: they lost.</li>
     *   <li>A replica that fails just drops out. If <b>every</b> replica of a
     *       kind fails, the search fails at once (without waiting for the
     *       other kinds): it throws {@link ExecutionException} with one of
     *       those failures as its cause.</li>
     *   <li>Returns as soon as every kind has its answer; or when
     *       {@code timeout} passes, with the answers so far (a kind without
     *       one is absent from the map), no sooner than {@code timeout} and
     *       as soon as possible after it.</li>
     *   <li>The caller interrupted while waiting: throws
     *       {@link InterruptedException}.</li>
     *   <li>On every way out, every replica still running is interrupted,
     *       and this method returns (or throws) only once all of them have
     *       ended: nothing is left running after a search.</li>
     * </ul>
     * Waiting is blocking, not spinning.
     *
     * @param query    what to search for
     * @param replicas for each kind, its replicas (at least one each)
     * @param timeout  how long to wait for answers, positive
     * @return the first answer of each kind that had one in time
     */
    Map<Kind, String> search(String query, Map<Kind, List<Replica>> replicas, Duration timeout)
            throws InterruptedException, ExecutionException;
}
