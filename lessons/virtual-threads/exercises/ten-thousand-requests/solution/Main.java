import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class Main {
    static final int REQUESTS = 10_000;

    public static void main(String[] args) throws Exception {
        long total = 0;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
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
