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
        // TODO: this asks one shop after another on the caller's thread, and returns only when all are done.
        //       Start every fetch on the pool with CompletableFuture, attach the conversion as a callback that
        //       runs on the pool, and return a future for the whole list without waiting for it.
        List<String> prices = new ArrayList<>();
        for (String shop : shops) {
            int cents = fetchPrice.apply(shop);
            prices.add(convert.apply(cents));
        }
        return CompletableFuture.completedFuture(prices);
    }
}
