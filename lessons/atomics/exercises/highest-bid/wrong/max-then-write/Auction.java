/** Reads, takes the maximum, writes: three steps, and a late write can put back an older, lower bid. */
public class Auction {
    private volatile long highest;

    public boolean bid(long amount) {
        long before = highest;
        highest = Math.max(before, amount);
        return amount > before;
    }

    public long highest() {
        return highest;
    }
}
