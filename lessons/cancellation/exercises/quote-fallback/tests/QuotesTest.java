import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuotesTest {
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "test-clock");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService caller = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "caller");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void shutDown() {
        clock.shutdownNow();
        caller.shutdownNow();
    }

    /** A price service that counts its requests and answers each with the future `answer` makes. */
    private static final class Service implements Function<String, CompletableFuture<Integer>> {
        final AtomicInteger requests = new AtomicInteger();
        final Function<String, CompletableFuture<Integer>> answer;

        Service(Function<String, CompletableFuture<Integer>> answer) {
            this.answer = answer;
        }

        @Override
        public CompletableFuture<Integer> apply(String symbol) {
            requests.incrementAndGet();
            return answer.apply(symbol);
        }
    }

    private Service answersAfter(long millis, int price) {
        return new Service(symbol -> {
            CompletableFuture<Integer> future = new CompletableFuture<>();
            clock.schedule(() -> future.complete(price), millis, TimeUnit.MILLISECONDS);
            return future;
        });
    }

    private static Service answersAtOnce(int price) {
        return new Service(symbol -> CompletableFuture.completedFuture(price));
    }

    private static Service neverAnswers() {
        return new Service(symbol -> new CompletableFuture<>());
    }

    private static Service fails() {
        return new Service(symbol -> CompletableFuture.failedFuture(new IllegalStateException("the server is down")));
    }

    /** Calls quote on another thread (so that a quote that blocks cannot block the test) and waits for its text. */
    private String quote(Service live, Service cached, Duration limit, long seconds) throws Exception {
        return quote(live, cached, limit, seconds, "");
    }

    private String quote(Service live, Service cached, Duration limit, long seconds, String whyLate) throws Exception {
        Future<CompletableFuture<String>> call = caller.submit(() -> Quotes.quote("ACME", live, cached, limit));
        CompletableFuture<String> future;
        try {
            future = call.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("quote did not even return a future within " + seconds + " s: it waits for the price (get(), join()?)"
                    + " instead of returning a future at once");
            return null;
        } catch (ExecutionException e) {
            fail("quote threw " + e.getCause() + " instead of returning a future");
            return null;
        }
        check(future != null, "quote returned null instead of a future");
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("the future from quote did not complete within " + seconds + " seconds" + whyLate);
        } catch (ExecutionException e) {
            fail("the future from quote failed with " + e.getCause() + " instead of completing with a text");
        }
        return null;
    }

    @Test
    void aLivePriceInTimeIsUsed() throws Exception {
        Service live = answersAfter(100, 1234);
        Service cached = answersAtOnce(1200);
        assertEquals("ACME 1234", quote(live, cached, Duration.ofSeconds(3), 10),
                "the live service answered 1234 after 0.1 s, within the limit of 3 s");
        assertEquals(1, live.requests.get(), "the live service should be asked once");
        assertEquals(0, cached.requests.get(), "the live price came in time, so the cache must not be asked at all");
    }

    @Test
    void aLatePriceFallsBackToTheCache() throws Exception {
        Service live = neverAnswers();
        Service cached = answersAtOnce(1200);
        assertEquals("ACME 1200 (cached)", quote(live, cached, Duration.ofMillis(300), 5,
                        " (the live service never answers, and the limit was 0.3 s: orTimeout?)"),
                "the live service did not answer within the limit of 0.3 s, so the price must come from the cache");
        assertEquals(1, cached.requests.get(), "the cache should be asked once");
    }

    @Test
    void aFailedLivePriceFallsBackToTheCache() throws Exception {
        Service live = fails();
        Service cached = answersAfter(50, 1200);
        assertEquals("ACME 1200 (cached)", quote(live, cached, Duration.ofSeconds(3), 10),
                "the live service failed, so the price must come from the cache");
    }

    @Test
    void noPriceAtAllIsATextToo() throws Exception {
        assertEquals("ACME: no price", quote(fails(), fails(), Duration.ofSeconds(3), 10),
                "both the live service and the cache failed: the future must complete with \"ACME: no price\"");
        assertEquals("ACME: no price", quote(neverAnswers(), fails(), Duration.ofMillis(200), 5,
                        " (the live service never answers, and the limit was 0.2 s: orTimeout?)"),
                "the live service was late and the cache failed: the future must complete with \"ACME: no price\"");
    }

    @Test
    void quoteReturnsAtOnce() throws Exception {
        Service live = neverAnswers();
        Service cached = neverAnswers();
        Future<CompletableFuture<String>> call = caller.submit(() -> Quotes.quote("ACME", live, cached,
                Duration.ofSeconds(30)));
        CompletableFuture<String> future;
        try {
            future = call.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("quote did not return within 2 s while the live service had not answered: it must return a future"
                    + " at once and let the price arrive later, not wait for it");
            return;
        }
        check(future != null && !future.isDone(), "quote returned a future that is already complete, although no"
                + " service has answered yet: " + future);
    }

    /** Like assertTrue, without "expected: <true> but was: <false>" after the message. */
    private static void check(boolean condition, String message) {
        if (!condition) {
            fail(message);
        }
    }
}
