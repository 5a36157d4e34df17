import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class Main {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                int task = n;
                results.add(pool.submit(() -> {
                    work(task);
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("5 tasks done");
    }

    /** One task: about a second of waiting. */
    static void work(int n) throws InterruptedException {
        Thread.sleep(1000);
    }
}
