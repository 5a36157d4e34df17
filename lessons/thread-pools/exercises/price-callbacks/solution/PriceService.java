import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/** Asks several shops for a price at the same time and converts each price as soon as it arrives. */
public class PriceService {
    private final Function<String, Integer> fetchPrice;   // asks one shop for its price in US cents: slow, it blocks
    private final Function<Integer, String> convert;      // turns a price in US cents into the text we show

    public PriceService(Function<String, Integer> fetchPrice, Function<Integer, String> convert) {
        this.fetchPrice = fetchPrice;
        this.convert = convert;
    }

    /**
     * Asks every shop at the same time, on the threads of {@code pool}; converts each price with {@code convert} in a
     * callback, on a thread of {@code pool} as well; returns at once, with a future that completes when every price
     * is converted. Its list has the converted prices in the order of {@code shops}.
     */
    public CompletableFuture<List<String>> fetchAll(List<String> shops, ExecutorService pool) {
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (String shop : shops) {
            CompletableFuture<String> price = CompletableFuture
                    .supplyAsync(() -> fetchPrice.apply(shop), pool)   // the fetch runs on a pool thread
                    .thenApplyAsync(convert, pool);                    // so does the callback, even if the price is already there
            futures.add(price);                                        // the list keeps the order of shops
        }
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                .thenApply(allDone -> futures.stream().map(CompletableFuture::join).toList());   // all done: no waiting
    }
}
