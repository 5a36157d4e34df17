import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

public class Main {
    static final List<String> ITEMS = List.of("apple", "bread", "cheese", "dates", "eggs");

    public static void main(String[] args) throws InterruptedException {
        PriceCache cache = new PriceCache();
        cache.write(prices -> ITEMS.forEach(item -> prices.put(item, 100)));
        AtomicInteger halfDone = new AtomicInteger();          // queries that saw a change half done

        Thread[] readers = new Thread[3];
        for (int r = 0; r < readers.length; r++) {
            readers[r] = new Thread(() -> {
                for (int n = 0; n < 20; n++) {
                    // Every change gives all items the same new price, so a query should see one price only.
                    int seen = cache.read(prices -> {
                        pause(20);                             // a slow query
                        return new HashSet<>(prices.values()).size();
                    });
                    if (seen > 1) {
                        halfDone.incrementAndGet();
                    }
                }
            }, "reader-" + (r + 1));
            readers[r].start();
        }

        Thread writer = new Thread(() -> {
            for (int price = 101; price <= 105; price++) {
                int newPrice = price;
                cache.write(prices -> {
                    for (String item : ITEMS) {
                        prices.put(item, newPrice);
                        pause(10);                             // one entry after another
                    }
                });
                System.out.println("all prices are now " + newPrice);
                pause(60);
            }
        }, "writer");
        writer.start();

        for (Thread reader : readers) {
            reader.join();
        }
        writer.join();
        System.out.println("queries that saw a change half done: " + halfDone.get());
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
