/** An auction that bidders (threads) bid on at the same time. It remembers the highest bid. */
public class Auction {
    private volatile long highest;                  // 0 until the first bid

    /** Makes the bid the highest if it is higher than every bid so far; returns true if it did. */
    public boolean bid(long amount) {
        if (amount > highest) {
            highest = amount;
            return true;
        }
        return false;
    }

    public long highest() {
        return highest;
    }
}
