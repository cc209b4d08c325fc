package katas.day16.solutions.thread_leak;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import katas.day16.FirstResponse;

/**
 * Half of Go's fix: a buffered channel, so no loser blocks on its send. But
 * nobody cancels them: a backend that hangs keeps its thread for as long as
 * it hangs, long after the answer was returned.
 */
public final class BufferedButNotCancelled implements FirstResponse {

    private record Outcome(String answer, Exception error) {}

    @Override
    public String query(List<Callable<String>> backends) throws InterruptedException, ExecutionException {
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        for (Callable<String> backend : backends) {
            Thread.ofVirtual().start(() -> {
                try {
                    outcomes.add(new Outcome(backend.call(), null));
                } catch (Exception e) {
                    outcomes.add(new Outcome(null, e));
                }
            });
        }
        Exception last = null;
        for (int i = 0; i < backends.size(); i++) {
            Outcome outcome = outcomes.take();
            if (outcome.error() == null) {
                return outcome.answer();
            }
            last = outcome.error();
        }
        throw new ExecutionException("every backend failed", last);
    }
}
