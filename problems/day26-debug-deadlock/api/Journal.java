package katas.day26;

/**
 * The bank's audit journal, supplied by whoever opens the bank (the tests).
 * Writing an entry takes a little while (think of a disk write): the bank
 * calls it while it holds both accounts of the transfer.
 */
@FunctionalInterface
public interface Journal {

    /** Records one successful transfer; called with both accounts held. */
    void record(int from, int to, long amount);
}
