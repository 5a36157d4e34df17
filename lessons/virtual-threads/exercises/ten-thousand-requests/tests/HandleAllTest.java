import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Calls the learner's handleAll with a service of the test's own, which watches who calls it and how many at once. */
class HandleAllTest {
    private static final int REQUESTS = 10_000;

    /** Sleeps like the real service and records each call. */
    static final class WatchingService implements Service {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger onPlatformThreads = new AtomicInteger();
        final Set<Integer> requests = ConcurrentHashMap.newKeySet();
        final AtomicInteger repeated = new AtomicInteger();

        @Override
        public int call(int request) throws InterruptedException {
            if (!isVirtual(Thread.currentThread())) {
                onPlatformThreads.incrementAndGet();
            }
            if (!requests.add(request)) {
                repeated.incrementAndGet();
            }
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100);
            } finally {
                now.decrementAndGet();
            }
            return request % 7;
        }
    }

    @Test
    void everyRequestOnceOnAVirtualThread() throws Exception {
        WatchingService service = run();
        assertEquals(REQUESTS, service.requests.size(), "each of the requests 1 to " + REQUESTS + " must be sent");
        assertEquals(0, service.repeated.get(), "some requests were sent more than once");
        assertEquals(0, service.onPlatformThreads.get(), "every call must come from a virtual thread, but "
                + service.onPlatformThreads.get() + " came from platform threads");
    }

    @Test
    void neverMoreCallsAtOnceThanTheServiceTakes() throws Exception {
        WatchingService service = run();
        assertTrue(service.most.get() <= Main.SERVICE_LIMIT, service.most.get() + " calls were waiting in the "
                + "service at the same moment; it takes at most " + Main.SERVICE_LIMIT);
    }

    @Test
    void hundredsOfCallsWaitAtTheSameTime() throws Exception {
        WatchingService service = run();
        assertTrue(service.most.get() >= Main.SERVICE_LIMIT / 2, "at most " + service.most.get() + " calls were "
                + "waiting in the service at once: the requests must wait side by side, up to the limit");
    }

    /** Runs handleAll on the watching service; 10 000 calls of 0.1 s, 1 000 at a time, take about a second. */
    private static WatchingService run() {
        WatchingService service = new WatchingService();
        long total = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Main.handleAll(REQUESTS, service),
                "handleAll did not return within 20 s (with 1 000 calls at a time it needs about one)");
        long expected = 0;
        for (int request = 1; request <= REQUESTS; request++) {
            expected += request % 7;
        }
        assertEquals(expected, total, "the sum of the service's answers");
        return service;
    }

    /** Thread.isVirtual() (Java 21), called so that this test also compiles for older releases. */
    private static boolean isVirtual(Thread thread) {
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
