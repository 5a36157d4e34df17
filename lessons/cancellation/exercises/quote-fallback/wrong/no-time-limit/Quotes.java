import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Wrong on purpose: no time limit for the live price. */
public final class Quotes {
    private Quotes() {
    }

    public static CompletableFuture<String> quote(String symbol, Function<String, CompletableFuture<Integer>> live,
            Function<String, CompletableFuture<Integer>> cached, Duration limit) {
        return live.apply(symbol)
                .thenApply(price -> symbol + " " + price)
                .handle((text, error) -> error == null
                        ? CompletableFuture.completedFuture(text)
                        : cached.apply(symbol).thenApply(price -> symbol + " " + price + " (cached)"))
                .thenCompose(next -> next)                                   // the cache's answer is a future too
                .exceptionally(error -> symbol + ": no price");
    }
}
