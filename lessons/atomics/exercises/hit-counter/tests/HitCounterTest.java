import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class HitCounterTest {

    @Test
    void oneThreadCountsEveryHit() {
        HitCounter counter = new HitCounter();
        assertEquals(0, counter.total(), "a new counter should start at 0");
        for (int n = 0; n < 1000; n++) {
            counter.hit();
        }
        assertEquals(1000, counter.total());
    }

    @Test
    void fourThreadsLoseNoHit() throws InterruptedException {
        HitCounter counter = new HitCounter();
        Thread[] threads = new Thread[4];
        // All four start at the same moment and keep at it long enough to overlap, even on a busy machine.
        CyclicBarrier start = new CyclicBarrier(threads.length);
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                await(start);
                for (int n = 0; n < 500_000; n++) {
                    counter.hit();
                }
            });
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(2_000_000, counter.total(), "hits were lost: two threads read the same old count");
    }

    @Test
    void aHitDoesNotWaitWhileTheCounterIsLocked() throws InterruptedException {
        HitCounter counter = new HitCounter();
        Thread request = new Thread(counter::hit, "request");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        synchronized (counter) {                // what the nightly report does while it reads the counter
            request.start();
            // The request either finishes, or stops to wait for the monitor of the counter, which this thread holds.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (request.isAlive() && System.nanoTime() < deadline) {
                ThreadInfo info = threads.getThreadInfo(request.getId());
                LockInfo lock = info == null ? null : info.getLockInfo();
                boolean waitsForCounter = info != null && info.getThreadState() == Thread.State.BLOCKED
                        && lock != null && lock.getIdentityHashCode() == System.identityHashCode(counter);
                assertFalse(waitsForCounter,
                        "hit() waited for the counter's monitor, which the report holds: count without a lock");
                Thread.sleep(1);
            }
            assertFalse(request.isAlive(), "hit() did not return within 10 s while the report held the counter");
        }
        request.join();
        assertEquals(1, counter.total());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
