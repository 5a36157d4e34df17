import java.util.concurrent.atomic.AtomicLong;

/** An AtomicLong used as a plain variable: get() and set() are each atomic, the pair is not. */
public class HitCounter {
    private final AtomicLong hits = new AtomicLong();

    public void hit() {
        hits.set(hits.get() + 1);
    }

    public long total() {
        return hits.get();
    }
}
