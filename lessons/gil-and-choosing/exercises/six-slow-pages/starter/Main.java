import java.util.ArrayList;
import java.util.List;

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
        // TODO: fetch all the pages at the same time. Waiting needs no CPU, so use as many threads
        //       as there are pages, even if that is more than the number of CPUs.
        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= count; page++) {
            pages.add(fetch(page));
        }
        return pages;
    }

    /** Stands for a slow network request: two seconds of waiting, then a short answer. Do not change it. */
    static String fetch(int page) throws InterruptedException {
        Thread.sleep(2000);
        return "page " + page + ": " + (1000 + 37 * page) + " bytes";
    }
}
