import java.util.ArrayDeque;

/** Correct results, but a waiting thread spins on the CPU instead of resting. */
public class Shelf<T> {
    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();

    public Shelf(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    public void put(T item) throws InterruptedException {
        while (true) {
            synchronized (this) {
                if (items.size() < capacity) {
                    items.addLast(item);
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }

    public T take() throws InterruptedException {
        while (true) {
            synchronized (this) {
                if (!items.isEmpty()) {
                    return items.removeFirst();
                }
            }
            Thread.onSpinWait();
        }
    }

    public synchronized int size() {
        return items.size();
    }

    public int capacity() {
        return capacity;
    }
}
