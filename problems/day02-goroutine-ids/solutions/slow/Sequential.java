package katas.day02.solutions.slow;

import java.util.function.IntConsumer;
import katas.day02.Greeter;

/** The sequential baseline: every id greeted once, in order, on the caller's thread. */
public final class Sequential implements Greeter {
    @Override
    public void greet(int n, IntConsumer hello) {
        for (int id = 1; id <= n; id++) {
            hello.accept(id);
        }
    }
}
