import java.util.concurrent.atomic.AtomicLong;

/** An AtomicLong used as a plain variable: get() and set() are each atomic, check-then-set is not. */
public class Auction {
    private final AtomicLong highest = new AtomicLong();

    public boolean bid(long amount) {
        if (amount > highest.get()) {
            highest.set(amount);
            return true;
        }
        return false;
    }

    public long highest() {
        return highest.get();
    }
}
