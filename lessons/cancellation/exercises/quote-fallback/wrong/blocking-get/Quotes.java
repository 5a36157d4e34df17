import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Wrong on purpose: gets the fallback right, but waits for the prices before it returns. */
public final class Quotes {
    private Quotes() {
    }

    public static CompletableFuture<String> quote(String symbol, Function<String, CompletableFuture<Integer>> live,
            Function<String, CompletableFuture<Integer>> cached, Duration limit) {
        try {
            int price = live.apply(symbol).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return CompletableFuture.completedFuture(symbol + " " + price);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(symbol + ": no price");
        } catch (ExecutionException | TimeoutException e) {
            try {
                return CompletableFuture.completedFuture(symbol + " " + cached.apply(symbol).get() + " (cached)");
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return CompletableFuture.completedFuture(symbol + ": no price");
            } catch (ExecutionException ex) {
                return CompletableFuture.completedFuture(symbol + ": no price");
            }
        }
    }
}
