/** volatile makes every hit visible, but hits++ is still a read, an add and a write: hits get lost. */
public class HitCounter {
    private volatile long hits;

    public void hit() {
        hits++;
    }

    public long total() {
        return hits;
    }
}
