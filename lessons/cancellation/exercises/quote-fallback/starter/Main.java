import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A demo for the Run button: three quotes, one live service that is quick, slow or broken, and a cache. */
public class Main {
    static final ExecutorService pool = Executors.newFixedThreadPool(3);
    static final long START = System.nanoTime();

    public static void main(String[] args) {
        List<CompletableFuture<String>> quotes = List.of(
                Quotes.quote("ACME", Main::live, Main::cached, Duration.ofSeconds(1)),
                Quotes.quote("GLOBEX", Main::live, Main::cached, Duration.ofSeconds(1)),
                Quotes.quote("INITECH", Main::live, Main::cached, Duration.ofSeconds(1)));
        System.out.printf("%4.1f s  all three quotes asked for%n", seconds());
        for (CompletableFuture<String> quote : quotes) {
            String text = quote.join();
            System.out.printf("%4.1f s  %s%n", seconds(), text);
        }
        pool.shutdownNow();   // the live service may still be working on GLOBEX
    }

    /** The live price service: ACME answers in 0.2 s, GLOBEX takes 3 s, INITECH's server is broken. */
    static CompletableFuture<Integer> live(String symbol) {
        return CompletableFuture.supplyAsync(() -> {
            sleep(symbol.equals("GLOBEX") ? 3000 : 200);
            if (symbol.equals("INITECH")) {
                throw new IllegalStateException("INITECH's price server is down");
            }
            return Map.of("ACME", 1234, "GLOBEX", 5610).get(symbol);
        }, pool);
    }

    /** The cache: answers at once, with prices from a few minutes ago. */
    static CompletableFuture<Integer> cached(String symbol) {
        return CompletableFuture.completedFuture(Map.of("ACME", 1230, "GLOBEX", 5600, "INITECH", 870).get(symbol));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static double seconds() {
        return (System.nanoTime() - START) / 1e9;
    }
}
