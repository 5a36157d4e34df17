import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A demo for the Run button: asks four shops for the price of the same book. (The grader tests PriceService.) */
public class Main {
    static final long START = System.nanoTime();
    static final List<String> SHOPS = List.of("north-books", "page-turner", "book-barn", "corner-shop");
    static final Map<String, Integer> US_CENTS = Map.of(
            "north-books", 2499, "page-turner", 2350, "book-barn", 2675, "corner-shop", 2199);
    static final Map<String, Integer> DELAY_MS = Map.of(
            "north-books", 500, "page-turner", 300, "book-barn", 450, "corner-shop", 350);

    public static void main(String[] args) {
        AtomicInteger workers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4,
                task -> new Thread(task, "shop-pool-" + workers.incrementAndGet()));
        try {
            PriceService prices = new PriceService(Main::fetchPrice, Main::toEuros);
            CompletableFuture<List<String>> all = prices.fetchAll(SHOPS, pool);
            log("fetchAll returned; done yet? " + all.isDone());

            List<String> euros = all.join();   // main waits here for the whole list
            log("all prices are in");
            for (int i = 0; i < SHOPS.size(); i++) {
                System.out.println(SHOPS.get(i) + ": " + euros.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Asks one shop for its price, in US cents. Slow: each shop takes 0.3 to 0.5 s to answer. */
    static Integer fetchPrice(String shop) {
        log("asking " + shop);
        try {
            Thread.sleep(DELAY_MS.get(shop));
        } catch (InterruptedException e) {
            throw new RuntimeException(e);
        }
        return US_CENTS.get(shop);
    }

    /** The callback: converts US cents to euros (1 USD = 0.92 EUR). */
    static String toEuros(Integer usCents) {
        long euroCents = Math.round(usCents * 0.92);
        log("converting " + usCents + " US cents");
        return String.format(Locale.ROOT, "%d.%02d EUR", euroCents / 100, euroCents % 100);
    }

    static void log(String what) {
        double seconds = (System.nanoTime() - START) / 1e9;
        System.out.printf(Locale.ROOT, "%4.2f s  %-13s %s%n", seconds, Thread.currentThread().getName(), what);
    }
}
