package katas.day16.solutions.deadlock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import katas.day16.FirstResponse;

/**
 * Only answers are sent, failures are dropped ({@code if err == nil { ch <- r }}):
 * when every backend fails, the caller waits for an answer that will never come.
 */
public final class FailuresNeverSent implements FirstResponse {
    @Override
    public String query(List<Callable<String>> backends) throws InterruptedException, ExecutionException {
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        List<Thread> threads = new ArrayList<>();
        try {
            for (Callable<String> backend : backends) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        answers.add(backend.call());
                    } catch (Exception e) {
                        // dropped: the caller never hears of it
                    }
                }));
            }
            return answers.take();
        } finally {
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                t.join();
            }
        }
    }
}
