import java.util.ArrayDeque;

/**
 * A shelf with room for a fixed number of items: a bounded buffer between producer and consumer threads, like a
 * small ArrayBlockingQueue. put() waits while the shelf is full, take() waits while it is empty.
 *
 * <p>Every method holds this object's monitor, so the items and their count change under one lock. Producers and
 * consumers wait in the same wait set, so a change wakes them all with notifyAll(), and each one checks again in
 * a while loop whether it can go on.
 */
public class Shelf<T> {
    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();   // the items on the shelf, oldest first

    public Shelf(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Puts an item (never null) on the shelf; waits while the shelf is full. */
    public synchronized void put(T item) throws InterruptedException {
        while (items.size() == capacity) {   // a loop, not an if: another producer may have filled the place first
            wait();                          // releases the monitor while waiting
        }
        items.addLast(item);
        notifyAll();                         // consumers waiting in take() can go on; notify() might wake a producer
    }

    /** Takes the oldest item off the shelf; waits while the shelf is empty. */
    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {            // a loop: another consumer may have taken the item first
            wait();
        }
        T item = items.removeFirst();
        notifyAll();                         // producers waiting in put() have room now
        return item;
    }

    /** How many items are on the shelf right now. */
    public synchronized int size() {
        return items.size();
    }

    /** How many items the shelf can hold. */
    public int capacity() {
        return capacity;
    }
}
