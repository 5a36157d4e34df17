import java.util.concurrent.atomic.AtomicLong;

/** An auction that bidders (threads) bid on at the same time. It remembers the highest bid. */
public class Auction {
    private final AtomicLong highest = new AtomicLong();   // 0 until the first bid

    /** Makes the bid the highest if it is higher than every bid so far; returns true if it did. */
    public boolean bid(long amount) {
        long current = highest.get();
        while (amount > current) {
            if (highest.compareAndSet(current, amount)) {
                return true;                        // nobody changed it between our read and our write
            }
            current = highest.get();                // another bid came in between: compare again
        }
        return false;
    }

    public long highest() {
        return highest.get();
    }
}
