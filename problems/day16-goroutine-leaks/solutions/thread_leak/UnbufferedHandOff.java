package katas.day16.solutions.thread_leak;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import katas.day16.FirstResponse;

/**
 * Go's classic leak: each backend hands its outcome over an unbuffered
 * channel ({@code SynchronousQueue}), the caller takes the first success and
 * leaves. Every loser then blocks in {@code put} forever: nobody will take.
 */
public final class UnbufferedHandOff implements FirstResponse {

    private record Outcome(String answer, Exception error) {}

    @Override
    public String query(List<Callable<String>> backends) throws InterruptedException, ExecutionException {
        SynchronousQueue<Outcome> outcomes = new SynchronousQueue<>();
        for (Callable<String> backend : backends) {
            Thread.ofVirtual().start(() -> {
                Outcome outcome;
                try {
                    outcome = new Outcome(backend.call(), null);
                } catch (Exception e) {
                    outcome = new Outcome(null, e);
                }
                try {
                    outcomes.put(outcome);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
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
