import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class Main {
    static final int REQUESTS = 10_000;

    public static void main(String[] args) throws Exception {
        long total = 0;
        // TODO: ten platform threads would need 100 s for this (10 000 x 0.1 s / 10).
        //       Give every request a virtual thread of its own instead.
        try (ExecutorService executor = Executors.newFixedThreadPool(10)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int id = 1; id <= REQUESTS; id++) {
                int request = id;
                answers.add(executor.submit(() -> handle(request)));
            }
            for (Future<Integer> answer : answers) {
                total += answer.get();
            }
        }
        System.out.println(REQUESTS + " requests handled, total: " + total);
    }

    /** One request: waits 100 ms for a slow service, then answers with a small number. */
    static int handle(int request) throws InterruptedException {
        Thread.sleep(100);
        return request % 7;
    }
}
