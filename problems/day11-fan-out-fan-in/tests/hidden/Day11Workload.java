package katas.day11.hidden;

import java.util.ArrayList;
import java.util.List;
import katas.day11.FanOutFanIn;
import katas.support.SpeedupWorkload;

/**
 * 25 sleep-bound tasks, one long (80 ms) then four short (20 ms), five times:
 * 800 ms one after another; about 200 ms when 5 workers each take the next
 * task as soon as they are free (4x); 400 ms when the tasks go out in waves
 * of 5 that each wait for their slowest task (2x).
 */
public final class Day11Workload implements SpeedupWorkload<FanOutFanIn> {

    private static final int LONG_MS = 80;
    private static final int SHORT_MS = 20;

    @Override
    public void run(FanOutFanIn solution) throws Exception {
        List<Integer> tasks = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            tasks.add(i);
        }
        List<Integer> results = new ArrayList<>();
        solution.process(tasks, x -> {
            try {
                Thread.sleep(x % 5 == 0 ? LONG_MS : SHORT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return x + 1000;
        }, r -> {
            synchronized (results) {
                results.add(r);
            }
        });
        synchronized (results) {
            results.sort(null);
            for (int i = 0; i < 25; i++) {
                if (results.size() != 25 || results.get(i) != i + 1000) {
                    throw new AssertionError("expected the 25 tasks mapped by work, got " + results);
                }
            }
        }
    }
}
