package katas.day29;

/** Where the aggregator's writer thread writes lines (a file, a socket; in the tests, a recorder). */
@FunctionalInterface
public interface LogSink {
    void write(int producerId, String line);
}
