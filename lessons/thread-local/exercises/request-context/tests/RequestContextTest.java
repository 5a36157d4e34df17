import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestContextTest {
    /** Written in the checking loop, so that the JIT cannot hoist the reads out of it. */
    private static volatile int progress;

    @Test
    void eachThreadSeesItsOwnId() throws InterruptedException {
        int threadCount = 8;
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        // Every thread has begun its request before any thread starts reading.
        CyclicBarrier allBegun = new CyclicBarrier(threadCount);
        Thread[] threads = new Thread[threadCount];
        for (int i = 0; i < threadCount; i++) {
            String mine = "request-" + i;
            threads[i] = new Thread(() -> {
                try {
                    RequestContext.begin(mine);
                    allBegun.await();
                    for (int n = 0; n < 20_000; n++) {
                        String seen = RequestContext.currentId();
                        if (!mine.equals(seen)) {
                            problems.add("the thread working on " + mine + " saw the request id " + seen);
                            return;
                        }
                        progress = n;
                    }
                    RequestContext.end();
                } catch (Exception e) {
                    problems.add("the thread working on " + mine + " failed with an exception: " + e);
                }
            }, "test-worker-" + i);
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(problems.isEmpty(), problems.size() + " threads (out of " + threadCount
                + ") saw another thread's request id, e.g. " + problems.peek());
    }

    @Test
    void aThreadThatHasNotBegunSeesNone() throws InterruptedException {
        RequestContext.begin("order-42");   // the test's own thread is busy with a request...
        try {
            AtomicReference<String> seen = new AtomicReference<>();
            Thread fresh = new Thread(() -> seen.set(RequestContext.currentId()), "fresh");
            fresh.start();
            fresh.join();
            assertEquals("none", seen.get(), "a new thread that never called begin() must see \"none\"");
            assertEquals("order-42", RequestContext.currentId(), "the test thread must still see its own request");
        } finally {
            RequestContext.end();
        }
    }

    @Test
    void handleRequestForgetsTheRequestEvenWhenItFails() {
        // Log.info prints with System.out.println(String): a stream that refuses makes OrderService.process() throw
        // in the middle of the request, as a real failure would.
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public void println(String line) {
                throw new IllegalStateException("the warehouse is down");
            }
        });
        try {
            assertThrows(IllegalStateException.class, () -> Main.handleRequest("order-13"),
                    "the failure inside OrderService.process() must reach the caller of handleRequest");
        } finally {
            System.setOut(original);
        }
        assertEquals("none", RequestContext.currentId(), "after a request that failed, the thread that handled it "
                + "must see \"none\" again: end() has to run even when process() throws");
    }

    @Test
    void endForgetsTheIdOnAPooledThread() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(task -> new Thread(task, "pooled"));
        try {
            String during = pool.submit(() -> {
                RequestContext.begin("order-7");
                try {
                    return RequestContext.currentId();
                } finally {
                    RequestContext.end();
                }
            }).get();
            assertEquals("order-7", during, "inside the request, currentId() must return its id");
            // The next task runs on the same pool thread.
            String after = pool.submit(RequestContext::currentId).get();
            assertEquals("none", after, "after end(), the same pool thread must see \"none\" again");
        } finally {
            pool.shutdownNow();
        }
    }
}
