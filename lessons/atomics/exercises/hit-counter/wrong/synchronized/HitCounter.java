/** Counts correctly, but every hit waits while someone else holds the counter's monitor (the nightly report). */
public class HitCounter {
    private long hits;

    public synchronized void hit() {
        hits++;
    }

    public synchronized long total() {
        return hits;
    }
}
