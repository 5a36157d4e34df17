import java.util.ArrayDeque;

/**
 * A shelf with room for a fixed number of items: a bounded buffer between producer and consumer threads, like a
 * small ArrayBlockingQueue. put() waits while the shelf is full, take() waits while it is empty.
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
    public void put(T item) throws InterruptedException {
        // TODO: make this safe for many threads, wait while the shelf is full,
        //       and wake up the threads that wait in take().
        items.addLast(item);
    }

    /** Takes the oldest item off the shelf; waits while the shelf is empty. */
    public T take() throws InterruptedException {
        // TODO: make this safe for many threads, wait while the shelf is empty (this version returns null at once),
        //       and wake up the threads that wait in put().
        return items.pollFirst();
    }

    /** How many items are on the shelf right now. */
    public int size() {
        // TODO: make this safe to call from any thread.
        return items.size();
    }

    /** How many items the shelf can hold. */
    public int capacity() {
        return capacity;
    }
}
