import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        long total = 0;
        // TODO: ten platform threads would need 100 s for this (10 000 x 0.1 s / 10). Give every request a virtual
        //       thread of its own, and never let more than SERVICE_LIMIT of them call the service at the same time.
        try (ExecutorService executor = Executors.newFixedThreadPool(10)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int id = 1; id <= count; id++) {
                int request = id;
                answers.add(executor.submit(() -> service.call(request)));
            }
            for (Future<Integer> answer : answers) {
                total += answer.get();
            }
        }
        return total;
    }
}
