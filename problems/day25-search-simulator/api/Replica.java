package katas.day25;

/**
 * One replica of a search backend. Replicas of the same kind are
 * interchangeable: any one's answer will do.
 */
@FunctionalInterface
public interface Replica {

    /**
     * Answers {@code query}; may take a long while, or fail.
     *
     * @throws InterruptedException if interrupted: a replica stops promptly when interrupted
     * @throws Exception            if this replica is down
     */
    String search(String query) throws Exception;
}
