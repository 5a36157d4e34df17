import java.util.concurrent.atomic.LongAdder;

/** Counts the requests a web site has served: every request thread calls hit(), and no call waits for a lock. */
public class HitCounter {
    private final LongAdder hits = new LongAdder();    // AtomicLong with incrementAndGet() works as well

    public void hit() {
        hits.increment();
    }

    public long total() {
        return hits.sum();
    }
}
