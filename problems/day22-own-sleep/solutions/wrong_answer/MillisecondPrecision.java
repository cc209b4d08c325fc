package katas.day22.solutions.wrong_answer;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import katas.day22.Sleeper;

/** Converts to milliseconds first: toMillis() truncates, so 900 µs becomes no sleep at all. */
public final class MillisecondPrecision implements Sleeper {
    @Override
    public void sleep(Duration d) throws InterruptedException {
        long millis = d.toMillis();
        if (millis > 0) {
            new SynchronousQueue<Void>().poll(millis, TimeUnit.MILLISECONDS);
        }
    }
}
