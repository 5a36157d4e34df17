import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A demo for the Run button: forty orders arrive much faster than they can be handled. */
public class Main {
    static final AtomicInteger handledByMain = new AtomicInteger();

    public static void main(String[] args) throws InterruptedException {
        int threads = Intake.poolSize(2, 60, 20);   // two CPUs; each order waits 60 ms and computes 20 ms
        ThreadPoolExecutor pool = Intake.newPool(threads, 4);
        System.out.println("pool size for 2 CPUs, W = 60 ms, C = 20 ms: " + threads + " threads");

        int largestQueue = 0;
        int rejected = 0;
        for (int order = 1; order <= 40; order++) {
            int n = order;
            try {
                pool.execute(() -> handle(n));
            } catch (RejectedExecutionException e) {
                rejected++;
            }
            largestQueue = Math.max(largestQueue, pool.getQueue().size());
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);

        System.out.println("largest queue: " + largestQueue + " orders; most threads at once: " + pool.getLargestPoolSize());
        System.out.println("orders handled by main itself: " + handledByMain.get() + " of 40; rejected: " + rejected);
    }

    static void handle(int order) {
        if (Thread.currentThread().getName().equals("main")) {
            handledByMain.incrementAndGet();
        }
        try {
            Thread.sleep(60);                            // wait for the warehouse
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long end = System.nanoTime() + 20_000_000;       // compute for 20 ms
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
