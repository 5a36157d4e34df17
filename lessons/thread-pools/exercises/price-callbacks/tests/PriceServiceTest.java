import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PriceServiceTest {
    private static final Function<Integer, String> TO_TEXT = cents -> "EUR " + (cents * 9 / 10);

    /** Pools and caller threads made by a test; shut down after it. */
    private final List<ExecutorService> executors = new ArrayList<>();

    /** Loads the classes fetchAll uses, so that the first timed test does not pay for it. Failures do not matter. */
    @BeforeAll
    static void warmUp() {
        ExecutorService pool = Executors.newFixedThreadPool(2, named("warm-up"));
        ExecutorService caller = Executors.newSingleThreadExecutor(named("warm-up-caller"));
        try {
            PriceService service = new PriceService(shop -> 100, TO_TEXT);
            caller.submit(() -> service.fetchAll(List.of("a", "b"), pool).get(2, TimeUnit.SECONDS))
                    .get(3, TimeUnit.SECONDS);
        } catch (Exception | AssertionError ignored) {
            // the tests report what is wrong
        } finally {
            pool.shutdownNow();
            caller.shutdownNow();
        }
    }

    @AfterEach
    void shutDown() {
        executors.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void pricesComeBackInShopOrder() throws Exception {
        // The first shop is the slowest and the last one the quickest: they answer in reverse order.
        Map<String, Integer> cents = Map.of("s1", 1000, "s2", 2000, "s3", 3000, "s4", 4000, "s5", 5000);
        Map<String, Integer> delays = Map.of("s1", 300, "s2", 225, "s3", 150, "s4", 75, "s5", 0);
        PriceService service = new PriceService(shop -> {
            sleep(delays.get(shop));
            return cents.get(shop);
        }, TO_TEXT);

        List<String> prices = result(service.fetchAll(List.of("s1", "s2", "s3", "s4", "s5"), pool("test-pool", 5)));

        assertEquals(List.of("EUR 900", "EUR 1800", "EUR 2700", "EUR 3600", "EUR 4500"), prices,
                "the converted prices must be in the order of the shops (the slowest shop came first),"
                        + " not in the order the shops answered");
    }

    @Test
    void shopsAreAskedAtTheSameTime() throws Exception {
        PriceService service = new PriceService(shop -> {
            sleep(400);
            return 500;
        }, TO_TEXT);
        List<String> shops = List.of("s1", "s2", "s3", "s4");
        ExecutorService pool = pool("test-pool", 4);

        long start = System.nanoTime();
        List<String> prices = result(service.fetchAll(shops, pool));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(List.of("EUR 450", "EUR 450", "EUR 450", "EUR 450"), prices, "wrong prices");
        check(millis < 1200, "four shops that answer in 0.4 s each, on a pool of four threads, took " + millis
                + " ms: they were asked one after another (about 1600 ms), not at the same time (about 400 ms)");
    }

    @Test
    void fetchAllReturnsBeforeThePricesArrive() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);   // the shops answer only when the test says so
        PriceService service = new PriceService(shop -> {
            await(answer);
            return 1000;
        }, TO_TEXT);
        ExecutorService pool = pool("test-pool", 3);
        ExecutorService caller = caller();
        try {
            Future<CompletableFuture<List<String>>> call = caller.submit(() -> service.fetchAll(List.of("s1", "s2", "s3"), pool));
            CompletableFuture<List<String>> prices;
            try {
                prices = call.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                fail("fetchAll did not return within 1 s while the shops had not answered yet: it waits for the prices"
                        + " (join(), get() or a direct call?) instead of returning a future at once");
                return;
            }
            check(!prices.isDone(), "fetchAll returned a future that is already done, although no shop has answered yet");
            answer.countDown();
            assertEquals(List.of("EUR 900", "EUR 900", "EUR 900"), result(prices),
                    "after the shops answered, the future must complete with the converted prices");
        } finally {
            answer.countDown();
        }
    }

    @Test
    void fetchAndConvertRunOnThePoolThreads() throws Exception {
        Queue<String> fetchThreads = new ConcurrentLinkedQueue<>();
        Queue<String> convertThreads = new ConcurrentLinkedQueue<>();
        PriceService service = new PriceService(shop -> {
            fetchThreads.add(Thread.currentThread().getName());
            sleep(150);
            return 2000;
        }, cents -> {
            convertThreads.add(Thread.currentThread().getName());
            return TO_TEXT.apply(cents);
        });
        ExecutorService pool = pool("test-pool", 2);

        Future<CompletableFuture<List<String>>> call = caller().submit(() -> service.fetchAll(List.of("s1", "s2", "s3", "s4"), pool));
        List<String> prices;
        try {
            prices = result(call.get(5, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            fail("fetchAll did not return within 5 s");
            return;
        }

        assertEquals(List.of("EUR 1800", "EUR 1800", "EUR 1800", "EUR 1800"), prices, "wrong prices");
        assertEquals(4, fetchThreads.size(), "fetchPrice should be called once per shop, not " + fetchThreads.size()
                + " times for four shops");
        assertEquals(4, convertThreads.size(), "convert should be called once per shop, not " + convertThreads.size()
                + " times for four shops");
        for (String name : fetchThreads) {
            check(name.startsWith("test-pool-"), "a shop was asked on thread '" + name
                    + "', not on a thread of the pool passed to fetchAll (threads test-pool-1 and test-pool-2)"
                    + " (is the pool passed to supplyAsync?)");
        }
        for (String name : convertThreads) {
            check(name.startsWith("test-pool-"), "convert ran on thread '" + name
                    + "', not on a thread of the pool passed to fetchAll (threads test-pool-1 and test-pool-2)");
        }
    }

    @Test
    void convertNeverRunsOnTheCallerEvenIfThePriceIsAlreadyThere() throws Exception {
        Queue<String> convertThreads = new ConcurrentLinkedQueue<>();
        PriceService service = new PriceService(shop -> 3000, cents -> {   // shops that answer at once
            convertThreads.add(Thread.currentThread().getName());
            return TO_TEXT.apply(cents);
        });
        // A pool whose execute() returns only when the task has run: every price is there before fetchAll
        // can attach a callback to it (the same can happen by chance with a real pool and a quick shop).
        ExecutorService pool = new FinishesBeforeReturning(pool("instant-pool", 2));

        Future<CompletableFuture<List<String>>> call = caller().submit(() -> service.fetchAll(List.of("s1", "s2", "s3"), pool));
        List<String> prices;
        try {
            prices = result(call.get(3, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            fail("fetchAll did not return within 3 s with shops that answer at once");
            return;
        }

        assertEquals(List.of("EUR 2700", "EUR 2700", "EUR 2700"), prices, "wrong prices");
        for (String name : convertThreads) {
            check(name.startsWith("instant-pool-"), "convert ran on thread '" + name + "'"
                    + (name.equals("caller") ? ", the thread that called fetchAll (a price that is already there when thenApply"
                    + " adds the callback makes it run at once, on the caller's thread)" : "")
                    + "; it must run on a thread of the pool passed to fetchAll (instant-pool-N)");
        }
    }

    @Test
    void convertRunsInACallbackOfItsOwn() throws Exception {
        PriceService service = new PriceService(shop -> {
            sleep(50);
            return 1000;
        }, TO_TEXT);
        // Every stage of a CompletableFuture that runs on an executor is one task of it: the fetch is one, and a
        // callback added with an ...Async(..., pool) method is another.
        Tasks counting = new Tasks(pool("test-pool", 3));

        List<String> prices = result(service.fetchAll(List.of("s1", "s2", "s3"), counting));

        assertEquals(List.of("EUR 900", "EUR 900", "EUR 900"), prices, "wrong prices");
        int tasks = counting.count.get();
        check(tasks >= 6, "the pool ran only " + tasks
                + (tasks == 1 ? " task for three shops" : " tasks for three shops")
                + ": convert must run in a callback on the fetch's future"
                + " (a task of its own on the pool), not inside the fetch's task");
    }

    /** Like assertTrue, without "expected: <true> but was: <false>" after the message. */
    private static void check(boolean condition, String message) {
        if (!condition) {
            fail(message);
        }
    }

    /** Waits for a future from fetchAll, at most 5 s. */
    private static List<String> result(CompletableFuture<List<String>> future) throws InterruptedException {
        check(future != null, "fetchAll returned null instead of a CompletableFuture");
        try {
            List<String> list = future.get(5, TimeUnit.SECONDS);
            check(list != null, "the future from fetchAll completed with null instead of a list");
            return list;
        } catch (TimeoutException e) {
            fail("the future returned by fetchAll did not complete within 5 s");
        } catch (ExecutionException e) {
            fail("the future returned by fetchAll failed: " + e.getCause());
        }
        return null;
    }

    private ExecutorService pool(String prefix, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, named(prefix));
        executors.add(pool);
        return pool;
    }

    /** The thread that calls fetchAll in some tests, so that the test can stop waiting for it. */
    private ExecutorService caller() {
        ExecutorService caller = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "caller");
            thread.setDaemon(true);
            return thread;
        });
        executors.add(caller);
        return caller;
    }

    /** A thread factory naming its daemon threads prefix-1, prefix-2, ... */
    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new RuntimeException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new RuntimeException(e);
        }
    }

    /** An executor that hands its tasks to a real pool in a way of its own; it shuts down with the pool. */
    private abstract static class Wrapped extends AbstractExecutorService {
        final ExecutorService pool;

        Wrapped(ExecutorService pool) {
            this.pool = pool;
        }

        @Override
        public void shutdown() {
            pool.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return pool.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return pool.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return pool.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return pool.awaitTermination(timeout, unit);
        }
    }

    /** Counts the tasks it hands to the wrapped pool. */
    private static final class Tasks extends Wrapped {
        final AtomicInteger count = new AtomicInteger();

        Tasks(ExecutorService pool) {
            super(pool);
        }

        @Override
        public void execute(Runnable task) {
            count.incrementAndGet();
            pool.execute(task);
        }
    }

    /** Runs each task on the wrapped pool and returns from execute() only after the task has finished. */
    private static final class FinishesBeforeReturning extends Wrapped {
        FinishesBeforeReturning(ExecutorService pool) {
            super(pool);
        }

        @Override
        public void execute(Runnable task) {
            try {
                pool.submit(task).get(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // CompletableFuture's tasks report their own failures
            }
        }
    }
}
