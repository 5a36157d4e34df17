import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Wrong: safe, but one lock for everything lets only one query in at a time. */
public class PriceCache {
    private final Map<String, Integer> prices = new HashMap<>();

    public synchronized <T> T read(Function<Map<String, Integer>, T> query) {
        return query.apply(prices);
    }

    public synchronized void write(Consumer<Map<String, Integer>> change) {
        change.accept(prices);
    }
}
