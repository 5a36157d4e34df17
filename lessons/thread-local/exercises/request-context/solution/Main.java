import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public class Main {
    public static void main(String[] args) throws InterruptedException {
        AtomicInteger workers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3,
                task -> new Thread(task, "worker-" + workers.incrementAndGet()));

        for (int n = 1; n <= 9; n++) {
            String requestId = "order-" + n;
            pool.submit(() -> handleRequest(requestId));
        }
        for (int n = 1; n <= 3; n++) {
            pool.submit(() -> Log.info("health check"));   // not part of any request
        }

        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    static void handleRequest(String requestId) {
        RequestContext.begin(requestId);
        try {
            OrderService.process();
        } finally {
            RequestContext.end();   // the pool thread goes on to other tasks: forget this request
        }
    }
}
