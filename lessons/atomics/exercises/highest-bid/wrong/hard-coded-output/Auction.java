/** Left unwritten: only the output was taken care of. */
public class Auction {
    public boolean bid(long amount) {
        return false;
    }

    public long highest() {
        return 0;
    }
}
