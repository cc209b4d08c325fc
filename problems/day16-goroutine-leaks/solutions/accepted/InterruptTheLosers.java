package katas.day16.solutions.accepted;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import katas.day16.FirstResponse;

/**
 * Go's fix by hand: room for every outcome (no sender ever blocks), and on
 * the way out, whatever happened, cancel every backend thread with an
 * interrupt (Go's {@code defer cancel()}) and wait for them to end.
 */
public final class InterruptTheLosers implements FirstResponse {

    private record Outcome(String answer, Exception error) {}

    @Override
    public String query(List<Callable<String>> backends) throws InterruptedException, ExecutionException {
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        List<Thread> threads = new ArrayList<>();
        try {
            for (Callable<String> backend : backends) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        outcomes.add(new Outcome(backend.call(), null));
                    } catch (Exception e) {
                        outcomes.add(new Outcome(null, e));
                    }
                }));
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
        } finally {
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                t.join();
            }
        }
    }
}
