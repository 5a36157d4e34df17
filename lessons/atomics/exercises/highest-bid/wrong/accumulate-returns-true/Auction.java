import java.util.concurrent.atomic.AtomicLong;

/** Keeps the right highest bid, but tells every bidder that it won. */
public class Auction {
    private final AtomicLong highest = new AtomicLong();

    public boolean bid(long amount) {
        highest.accumulateAndGet(amount, Math::max);
        return true;
    }

    public long highest() {
        return highest.get();
    }
}
