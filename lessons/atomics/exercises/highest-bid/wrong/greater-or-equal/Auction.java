import java.util.concurrent.atomic.AtomicLong;

/** A correct compareAndSet loop, but an equal bid also "wins". */
public class Auction {
    private final AtomicLong highest = new AtomicLong();

    public boolean bid(long amount) {
        long current = highest.get();
        while (amount >= current) {
            if (highest.compareAndSet(current, amount)) {
                return true;
            }
            current = highest.get();
        }
        return false;
    }

    public long highest() {
        return highest.get();
    }
}
