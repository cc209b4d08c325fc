package katas.day22.solutions.forbidden_api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import katas.day22.Sleeper;

/** TimeUnit.sleep is Thread.sleep in other clothes: forbidden too. */
public final class CallsTimeUnitSleep implements Sleeper {
    @Override
    public void sleep(Duration d) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(d.toNanos());
    }
}
