import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Share prices for a web page: from the live price service if it answers in time, else from the cache. */
public final class Quotes {

    private Quotes() {
    }

    /**
     * The price of symbol as a text, for example "ACME 1234", or "ACME 1200 (cached)" when it comes from the
     * cache. live and cached each start a request for a symbol's price (in cents) and return its future.
     * Returns at once. The live price counts if it arrives within limit; if it is late or fails, the cache is asked
     * instead; if that fails too, the text is "ACME: no price".
     */
    public static CompletableFuture<String> quote(String symbol, Function<String, CompletableFuture<Integer>> live,
            Function<String, CompletableFuture<Integer>> cached, Duration limit) {
        return live.apply(symbol)
                .orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)          // late: a TimeoutException
                .thenApply(price -> symbol + " " + price)
                .handle((text, error) -> error == null
                        ? CompletableFuture.completedFuture(text)
                        : cached.apply(symbol).thenApply(price -> symbol + " " + price + " (cached)"))
                .thenCompose(next -> next)                                   // the cache's answer is a future too
                .exceptionally(error -> symbol + ": no price");
    }
}
