import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Main {
    static final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    static final Map<String, Integer> prices = new HashMap<>();

    public static void main(String[] args) throws InterruptedException {
        prices.put("apple", 3);
        Thread writer = new Thread(() -> {
            rw.writeLock().lock();
            try {
                Thread.sleep(200);
                prices.put("apple", 4);
            } catch (InterruptedException e) {
                return;
            } finally {
                rw.writeLock().unlock();
            }
        }, "writer");
        writer.start();
        Thread.sleep(30);
        Thread[] readers = new Thread[2];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = new Thread(() -> {
                rw.readLock().lock();
                try {
                    System.out.println(Thread.currentThread().getName() + " sees " + prices.get("apple"));
                } finally {
                    rw.readLock().unlock();
                }
            }, "reader-" + i);
            readers[i].start();
        }
        writer.join();
        for (Thread r : readers) {
            r.join();
        }
    }
}
