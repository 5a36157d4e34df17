import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/** A read-mostly cache of prices: many threads read it at the same time; now and then one thread changes it. */
public class PriceCache {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> prices = new HashMap<>();

    /** Runs {@code query} on the prices and returns its answer. A query only reads. */
    public <T> T read(Function<Map<String, Integer>, T> query) {
        lock.readLock().lock();             // shared: other queries may hold it too
        try {
            return query.apply(prices);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code change} on the prices: it changes them one entry after another. */
    public void write(Consumer<Map<String, Integer>> change) {
        lock.writeLock().lock();            // exclusive: waits until no query and no change holds the lock
        try {
            change.accept(prices);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
