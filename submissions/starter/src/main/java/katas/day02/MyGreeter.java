package katas.day02;

import java.util.function.IntConsumer;

/**
 * Day 2 — your solution. Read problems/day02-goroutine-ids/README.md first.
 *
 * <p>Start {@code n} workers at once; worker {@code id} calls
 * {@code hello.accept(id)}, for ids 1..n, each exactly once. Return when all
 * have greeted.
 */
public class MyGreeter implements Greeter {

    @Override
    public void greet(int n, IntConsumer hello) throws InterruptedException {
        throw new UnsupportedOperationException("TODO day 2: start n workers, each greeting with its own id 1..n");
    }
}
