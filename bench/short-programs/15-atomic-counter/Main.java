import java.util.concurrent.atomic.AtomicInteger;

public class Main {
    public static void main(String[] args) throws InterruptedException {
        AtomicInteger hits = new AtomicInteger();
        Runnable visitor = () -> {
            for (int i = 0; i < 200_000; i++) {
                hits.incrementAndGet();
            }
        };
        Thread t1 = new Thread(visitor, "visitor-1");
        Thread t2 = new Thread(visitor, "visitor-2");
        Thread t3 = new Thread(visitor, "visitor-3");
        t1.start();
        t2.start();
        t3.start();
        t1.join();
        t2.join();
        t3.join();
        System.out.println("hits = " + hits.get());
    }
}
