/** Counts the requests a web site has served: every request thread calls hit(). */
public class HitCounter {
    private long hits;

    public void hit() {
        hits++;
    }

    public long total() {
        return hits;
    }
}
