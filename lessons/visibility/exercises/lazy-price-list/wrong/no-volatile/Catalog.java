import java.util.function.Supplier;

/**
 * The shop's price list, loaded the first time somebody asks for it. Many request threads call prices() at the
 * same time, and a status page calls isLoaded() over and over to show "loading..." until the prices are there.
 */
public class Catalog {
    private final Supplier<PriceList> loader;
    private PriceList prices;

    /** The loader is slow: call it only when the prices are first needed, and only once. */
    public Catalog(Supplier<PriceList> loader) {
        this.loader = loader;
    }

    /** The price list, loaded by the first call; every caller gets the same one. */
    public PriceList prices() {
        PriceList loaded = prices;              // 1st check, no lock: the fast path once loaded
        if (loaded == null) {
            synchronized (this) {
                loaded = prices;                // 2nd check, with the lock: another thread may have loaded it
                if (loaded == null) {
                    loaded = loader.get();
                    prices = loaded;            // volatile write: publishes the finished price list
                }
            }
        }
        return loaded;
    }

    /** Whether the price list has been loaded. Never loads it itself, and should not wait for a load either. */
    public boolean isLoaded() {
        return prices != null;
    }
}
