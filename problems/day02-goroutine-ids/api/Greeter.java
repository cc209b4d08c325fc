package katas.day02;

import java.util.function.IntConsumer;

/**
 * Day 2: goroutines and anonymous functions. Launch {@code n} workers, each
 * greeting with its own id.
 */
public interface Greeter {

    /**
     * Starts {@code n} workers at once, worker {@code id} calling
     * {@code hello.accept(id)}, for every id from 1 to {@code n}: each id is
     * greeted exactly once, in any order, and the greetings run concurrently
     * (on separate threads). Returns only after every greeting has finished.
     *
     * @param n     how many workers, 0 or more
     * @param hello the greeting; it may block (sleep, I/O) for a while and is
     *              safe to call from many threads at once
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    void greet(int n, IntConsumer hello) throws InterruptedException;
}
