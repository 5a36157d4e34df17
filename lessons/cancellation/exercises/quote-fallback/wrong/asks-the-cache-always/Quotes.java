import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Wrong on purpose: asks the cache every time. */
public final class Quotes {
    private Quotes() {
    }

    public static CompletableFuture<String> quote(String symbol, Function<String, CompletableFuture<Integer>> live,
            Function<String, CompletableFuture<Integer>> cached, Duration limit) {
        CompletableFuture<Integer> fromCache = cached.apply(symbol);         // asked whether needed or not
        return live.apply(symbol)
                .orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)          // late: a TimeoutException
                .thenApply(price -> symbol + " " + price)
                .handle((text, error) -> error == null
                        ? CompletableFuture.completedFuture(text)
                        : fromCache.thenApply(price -> symbol + " " + price + " (cached)"))
                .thenCompose(next -> next)                                   // the cache's answer is a future too
                .exceptionally(error -> symbol + ": no price");
    }
}
