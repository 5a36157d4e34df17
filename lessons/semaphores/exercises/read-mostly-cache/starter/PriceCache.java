import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** A read-mostly cache of prices: many threads read it at the same time; now and then one thread changes it. */
public class PriceCache {
    private final Map<String, Integer> prices = new HashMap<>();

    /** Runs {@code query} on the prices and returns its answer. A query only reads. */
    public <T> T read(Function<Map<String, Integer>, T> query) {
        // TODO: many queries may run at once, but never while a change is under way
        return query.apply(prices);
    }

    /** Runs {@code change} on the prices: it changes them one entry after another. */
    public void write(Consumer<Map<String, Integer>> change) {
        // TODO: a change runs alone: no query and no other change meanwhile
        change.accept(prices);
    }
}
