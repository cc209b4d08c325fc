package katas.day03;

/**
 * An unbuffered channel, Go's {@code make(chan T)}: it holds nothing. A send
 * and a receive meet: whichever comes first waits for the other.
 *
 * @param <T> the type of the values passed
 */
public interface Channel<T> {

    /**
     * Hands {@code value} to a receiver. Blocks (the calling thread parks)
     * until a receiver has taken it: when {@code send} returns, the value is
     * in a receiver's hands. Many threads may send at once.
     *
     * @throws InterruptedException if interrupted while waiting; the value is then not delivered
     */
    void send(T value) throws InterruptedException;

    /**
     * Takes a value from a sender, waiting until one comes. Each value sent
     * is received exactly once; the values of one sender arrive in the order
     * it sent them. Many threads may receive at once.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    T receive() throws InterruptedException;
}
