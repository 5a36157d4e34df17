import java.util.concurrent.locks.ReentrantLock;

public class Main {
    static final ReentrantLock lock = new ReentrantLock();
    static int tickets = 0;

    static void sell(String who) {
        for (int i = 0; i < 3; i++) {
            lock.lock();
            try {
                tickets++;
                Thread.sleep(40);
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
        System.out.println(who + " finished");
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> sell("A"), "clerk-A");
        Thread b = new Thread(() -> sell("B"), "clerk-B");
        Thread c = new Thread(() -> sell("C"), "clerk-C");
        a.start();
        b.start();
        c.start();
        a.join();
        b.join();
        c.join();
        System.out.println("tickets sold: " + tickets);
    }
}
