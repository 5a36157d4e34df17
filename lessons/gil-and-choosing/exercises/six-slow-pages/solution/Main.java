import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class Main {
    public static void main(String[] args) throws Exception {
        System.out.println("CPUs available: " + Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        List<String> pages = fetchAll(6);
        long ms = (System.nanoTime() - start) / 1_000_000;
        for (String page : pages) {
            System.out.println(page);
        }
        System.out.println("fetched " + pages.size() + " pages in " + ms + " ms");
    }

    /** Fetches pages 1, 2, ..., count and returns what fetch(page) returned, in page order. */
    static List<String> fetchAll(int count) throws Exception {
        // I/O-bound work: the threads mostly wait, so one thread per page, more than the CPUs, is right.
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int page = 1; page <= count; page++) {
                int number = page;
                answers.add(pool.submit(() -> fetch(number)));
            }
            List<String> pages = new ArrayList<>();
            for (Future<String> answer : answers) {
                pages.add(answer.get());   // in page order, whichever finished first
            }
            return pages;
        } finally {
            pool.shutdown();
        }
    }

    /** Stands for a slow network request: two seconds of waiting, then a short answer. Do not change it. */
    static String fetch(int page) throws InterruptedException {
        Thread.sleep(2000);
        return "page " + page + ": " + (1000 + 37 * page) + " bytes";
    }
}
