import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CatalogTest {

    /** A loader that counts its calls and takes its time, like reading a file. */
    private static final class CountingLoader implements Supplier<PriceList> {
        final AtomicInteger calls = new AtomicInteger();
        final long millis;

        CountingLoader(long millis) {
            this.millis = millis;
        }

        @Override
        public PriceList get() {
            int call = calls.incrementAndGet();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new PriceList(Map.of("tea", 300 + call));
        }
    }

    @Test
    void loadsOnFirstUseAndOnlyOnce() {
        CountingLoader loader = new CountingLoader(0);
        Catalog catalog = new Catalog(loader);
        assertFalse(catalog.isLoaded(), "isLoaded() is true before anybody asked for the prices");
        assertEquals(0, loader.calls.get(), "the price list was loaded before anybody asked for it");
        PriceList first = catalog.prices();
        assertEquals(301, first.priceOf("tea"), "prices() did not return what the loader loaded");
        assertTrue(catalog.isLoaded(), "isLoaded() is still false after prices() returned");
        assertSame(first, catalog.prices(), "a second call returned a different price list");
        assertEquals(1, loader.calls.get(), "the price list was loaded more than once by one thread");
    }

    @Test
    void eightFirstCallersAtOnceShareOneLoad() throws Exception {
        CountingLoader loader = new CountingLoader(300);
        Catalog catalog = new Catalog(loader);
        PriceList[] got = new PriceList[8];
        Thread[] callers = new Thread[got.length];
        CyclicBarrier start = new CyclicBarrier(callers.length);   // all eight call prices() at the same moment
        for (int i = 0; i < callers.length; i++) {
            int slot = i;
            callers[i] = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                got[slot] = catalog.prices();
            }, "caller-" + (i + 1));
            callers[i].start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        assertEquals(1, loader.calls.get(), "8 threads asked for the prices at once and the slow loader ran "
                + loader.calls.get() + " times: several threads saw no price list and each loaded one");
        for (PriceList priceList : got) {
            assertSame(got[0], priceList, "two callers got different price lists");
        }
    }

    @Test
    void aThreadPollingIsLoadedSeesTheLoad() throws InterruptedException {
        Catalog catalog = new Catalog(new CountingLoader(0));
        Thread poller = new Thread(() -> {
            while (!catalog.isLoaded()) {
                // a status page asking "loaded yet?" as fast as it can
            }
        }, "status");
        poller.setDaemon(true);     // a poller that never sees the load must not keep this JVM alive
        poller.start();
        Thread.sleep(1_000);        // usually far longer than the JIT needs to compile the polling loop
        catalog.prices();
        poller.join(5_000);
        assertFalse(poller.isAlive(), "a thread calling isLoaded() in a loop still got false 5 s after prices()"
                + " had returned: it never saw the write of the loaded price list");
    }
}
