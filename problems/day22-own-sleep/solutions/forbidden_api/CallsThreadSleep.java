package katas.day22.solutions.forbidden_api;

import java.time.Duration;
import katas.day22.Sleeper;

/** Delegates to Thread.sleep: right, and exactly what the kata asks you to rebuild. */
public final class CallsThreadSleep implements Sleeper {
    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (d.isPositive()) {
            Thread.sleep(d);
        }
    }
}
