import java.util.concurrent.ArrayBlockingQueue;

/** Works, but does none of its own waiting: the exercise is to build what this queue does. */
public class Shelf<T> {
    private final ArrayBlockingQueue<T> items;

    public Shelf(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        items = new ArrayBlockingQueue<>(capacity);
    }

    public void put(T item) throws InterruptedException {
        items.put(item);
    }

    public T take() throws InterruptedException {
        return items.take();
    }

    public int size() {
        return items.size();
    }

    public int capacity() {
        return items.remainingCapacity() + items.size();
    }
}
