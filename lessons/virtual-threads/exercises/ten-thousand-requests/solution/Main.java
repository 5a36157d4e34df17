import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

public class Main {
    static final int REQUESTS = 10_000;
    /** The service takes at most this many calls at once; more would overload it. */
    static final int SERVICE_LIMIT = 1_000;

    public static void main(String[] args) throws Exception {
        long total = handleAll(REQUESTS, new SlowService());
        System.out.println(REQUESTS + " requests handled, total: " + total);
    }

    /** Sends requests 1 to count to the service and returns the sum of its answers. */
    static long handleAll(int count, Service service) throws Exception {
        // Limit the calls, not the threads: a virtual thread that waits for a permit costs almost nothing.
        Semaphore permits = new Semaphore(SERVICE_LIMIT);
        long total = 0;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int id = 1; id <= count; id++) {
                int request = id;
                answers.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return service.call(request);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<Integer> answer : answers) {
                total += answer.get();
            }
        }
        return total;
    }
}
