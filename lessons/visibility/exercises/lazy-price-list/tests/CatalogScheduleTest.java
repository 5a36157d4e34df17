import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A schedule check for Catalog: the test runs under a controlled scheduler that chooses, at every lock, volatile
 * access and thread start, which thread goes next, and tries a thousand different orders (always the same thousand).
 * The loader here is instant, so no sleep widens the gap between the check for null and the store: only the order
 * of the two callers' steps can show it. (A missing volatile is not found here: the controlled scheduler runs one
 * step at a time, and every write is seen at once. The polling test is for that.)
 */
class CatalogScheduleTest {

    @Test
    void twoFirstCallersShareOneLoad() throws InterruptedException {
        AtomicInteger loads = new AtomicInteger();
        Catalog catalog = new Catalog(() -> new PriceList(Map.of("tea", 300 + loads.incrementAndGet())));
        AtomicReference<PriceList> first = new AtomicReference<>();
        AtomicReference<PriceList> second = new AtomicReference<>();
        Thread one = new Thread(() -> first.set(catalog.prices()), "caller-1");
        Thread two = new Thread(() -> second.set(catalog.prices()), "caller-2");
        one.start();
        two.start();
        one.join();
        two.join();
        assertEquals(1, loads.get(),
                "two callers asked at once and the loader ran more than once: both saw no price list and each loaded one");
        assertSame(first.get(), second.get(), "two callers got different price lists");
    }
}
