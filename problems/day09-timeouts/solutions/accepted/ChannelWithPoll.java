package katas.day09.solutions.accepted;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import katas.day09.Timeouts;

/**
 * The Go shape, word for word: the producer sends its outcome on a channel
 * with room for one (so it never blocks), the caller polls it with a
 * timeout, and on every way out the producer thread is interrupted.
 */
public final class ChannelWithPoll implements Timeouts {

    private sealed interface Outcome<T> {}

    private record Value<T>(T value) implements Outcome<T> {}

    private record Failure<T>(Exception cause) implements Outcome<T> {}

    @Override
    public <T> Optional<T> receive(Callable<T> producer, Duration timeout)
            throws InterruptedException, ExecutionException {
        BlockingQueue<Outcome<T>> ch = new ArrayBlockingQueue<>(1);
        Thread worker = Thread.ofVirtual().name("producer").start(() -> {
            Outcome<T> outcome;
            try {
                outcome = new Value<>(producer.call());
            } catch (Exception e) {
                outcome = new Failure<>(e);
            }
            ch.offer(outcome); // room for one: never blocks, even if nobody listens any more
        });
        try {
            Outcome<T> outcome = ch.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return switch (outcome) {
                case null -> Optional.empty();
                case Value<T>(T value) -> Optional.of(value);
                case Failure<T>(Exception cause) -> throw new ExecutionException(cause);
            };
        } finally {
            worker.interrupt(); // harmless once it has ended; stops it if it has not
        }
    }
}
