import java.util.Map;

public class Main {
    public static void main(String[] args) throws InterruptedException {
        Catalog catalog = new Catalog(Main::loadFromFile);

        // The status page: asks "loaded yet?" over and over.
        Thread status = new Thread(() -> {
            long checks = 0;
            while (!catalog.isLoaded()) {
                checks++;
            }
            System.out.println("status: loaded (after " + checks + " checks)");
        }, "status");
        status.start();
        Thread.sleep(500);

        // Four requests arrive at once; each needs a price.
        String[] items = {"tea", "coffee", "cake", "tea"};
        Thread[] requests = new Thread[items.length];
        for (int i = 0; i < requests.length; i++) {
            String item = items[i];
            requests[i] = new Thread(() -> System.out.println(Thread.currentThread().getName() + ": " + item
                    + " costs " + catalog.prices().priceOf(item) + " cents"), "request-" + (i + 1));
        }
        for (Thread request : requests) {
            request.start();
        }
        for (Thread request : requests) {
            request.join();
        }

        status.join(3000);
        if (status.isAlive()) {
            System.out.println("status: still says \"loading\" 3 s after the prices were loaded");
            System.exit(1);
        }
    }

    /** Reading the price file takes a while. */
    static PriceList loadFromFile() {
        System.out.println(Thread.currentThread().getName() + ": loading the price list...");
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new PriceList(Map.of("tea", 350, "coffee", 420, "cake", 500));
    }
}
