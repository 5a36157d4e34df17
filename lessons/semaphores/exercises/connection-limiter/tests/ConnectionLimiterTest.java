import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {
    /** How long threads that should all be inside use() together wait for each other; a correct limiter needs far less. */
    private static final long TOGETHER_SECONDS = 6;

    /** What a test thread does; it may throw anything, which the test then reports. */
    interface Body {
        void run() throws Exception;
    }

    /** Counts the threads inside use() and remembers the most there ever were at once. */
    static final class Occupancy {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();

        void enter() {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
        }

        void leave() {
            inside.decrementAndGet();
            finished.incrementAndGet();
        }

        /** Work that stays inside use() for `millis`. */
        Runnable stay(long millis) {
            return () -> {
                enter();
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    leave();
                }
            };
        }
    }

    /** Starts `count` daemon threads that wait for each other at a barrier and then run `body`. */
    private static List<Thread> startTogether(int count, Body body, Queue<Throwable> failures) {
        CyclicBarrier start = new CyclicBarrier(count);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    body.run();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "test-user-" + (i + 1));
            thread.setDaemon(true);     // a thread stuck in a broken limiter must not keep the JVM alive
            threads.add(thread);
            thread.start();
        }
        return threads;
    }

    private static void joinAll(List<Thread> threads, long seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                fail(what + ": " + thread.getName() + " was still inside use() or waiting for it after " + seconds
                        + " s (is a place never given back?)");
            }
        }
    }

    /** Lets `count` threads into the limiter at once and checks that all of them are inside together. */
    private static void allInsideTogether(ConnectionLimiter limiter, int count) throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(count);
        Occupancy occupancy = new Occupancy();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = startTogether(count, () -> limiter.use(() -> {
            occupancy.enter();
            try {
                arrived.countDown();
                arrived.await(TOGETHER_SECONDS, TimeUnit.SECONDS);   // stay inside until all `count` are in
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                occupancy.leave();
            }
        }), failures);
        boolean together = arrived.await(TOGETHER_SECONDS + 1, TimeUnit.SECONDS) && occupancy.most.get() >= count;
        assertTrue(together, "a ConnectionLimiter(" + count + ") must let " + count + " threads work at the same time,"
                + " but the most that were ever inside use() together was " + occupancy.most.get());
        joinAll(threads, 10, "after working together");
        assertTrue(failures.isEmpty(), "use() threw: " + failures.peek());
    }

    /**
     * `users` threads run `queries` queries each through the limiter, starting together; checks that every query
     * ran and that never more than `limit` were inside use() at once.
     */
    private static void neverMoreThan(int limit, int users, int queries, long queryMillis) throws InterruptedException {
        ConnectionLimiter limiter = new ConnectionLimiter(limit);
        Occupancy occupancy = new Occupancy();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = startTogether(users, () -> {
            for (int n = 0; n < queries; n++) {
                limiter.use(occupancy.stay(queryMillis));
            }
        }, failures);
        joinAll(threads, 20, users + " users of a ConnectionLimiter(" + limit + "), " + queries + " queries each");
        assertTrue(failures.isEmpty(), "use() threw: " + failures.peek());
        assertEquals(users * queries, occupancy.finished.get(), "every query must run exactly once");
        assertTrue(occupancy.most.get() <= limit, occupancy.most.get() + " threads were inside use() at the same"
                + " time; a ConnectionLimiter(" + limit + ") allows at most " + limit);
    }

    @Test
    void neverMoreThanThreeAtOnce() throws InterruptedException {
        neverMoreThan(3, 8, 3, 50);
    }

    @Test
    void threeWorkAtTheSameTime() throws InterruptedException {
        allInsideTogether(new ConnectionLimiter(3), 3);
    }

    @Test
    void theLimitComesFromTheConstructor() throws InterruptedException {
        allInsideTogether(new ConnectionLimiter(5), 5);
        neverMoreThan(1, 4, 3, 30);
    }

    @Test
    void aFailingQueryGivesItsPlaceBack() throws InterruptedException {
        ConnectionLimiter limiter = new ConnectionLimiter(2);
        AtomicInteger failed = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        // One user runs four queries that throw, one after another, then a fifth that works.
        Thread user = daemon("failing-user", () -> {
            for (int n = 0; n < 4; n++) {
                try {
                    limiter.use(() -> {
                        throw new IllegalStateException("the query failed");
                    });
                } catch (IllegalStateException expected) {
                    failed.incrementAndGet();   // the query's exception may come out of use(): that is fine
                }
            }
            limiter.use(() -> { });
        }, failures);
        user.join(5_000);
        if (user.isAlive()) {
            fail("the next user of a ConnectionLimiter(2) waits for ever after " + failed.get()
                    + " queries that threw an exception: a failed query did not give its place back"
                    + " (release it in finally)");
        }
        assertTrue(failures.isEmpty(), "use() threw: " + failures.peek());
    }

    @Test
    void anInterruptedWaitTakesNoPlace() throws InterruptedException {
        ConnectionLimiter limiter = new ConnectionLimiter(1);
        CountDownLatch holderInside = new CountDownLatch(1);
        CountDownLatch letHolderGo = new CountDownLatch(1);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Thread holder = daemon("holder", () -> limiter.use(() -> {
            holderInside.countDown();
            try {
                letHolderGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), failures);
        try {
            assertTrue(holderInside.await(5, TimeUnit.SECONDS), "the first user never got inside use()");

            // A second user waits for the only place; then someone interrupts it while it waits.
            Thread waiter = daemon("interrupted-user", () -> {
                try {
                    limiter.use(() -> { });
                } catch (InterruptedException expected) {
                    // giving up on an interrupt is fine
                }
            }, new ConcurrentLinkedQueue<>());
            waitUntilStuck(waiter);
            if (!waiter.isAlive()) {
                fail("a second user got inside use() while the only place of a ConnectionLimiter(1) was taken");
            }
            waiter.interrupt();
            waiter.join(1_000);

            // The place is still taken by the holder: a third user must not get in now.
            CountDownLatch thirdInside = new CountDownLatch(1);
            Thread third = daemon("third-user", () -> limiter.use(thirdInside::countDown), failures);
            boolean gotIn = thirdInside.await(1, TimeUnit.SECONDS);
            assertFalse(gotIn, "while the only place was taken, a user interrupted in its wait made room for another"
                    + " one: the interrupted user gave back a place it never got (acquire before the try, not inside it)");

            letHolderGo.countDown();
            assertTrue(thirdInside.await(5, TimeUnit.SECONDS), "when the holder left, the next user never got in");
            joinAll(List.of(holder, third, waiter), 5, "after the holder left");
            assertTrue(failures.isEmpty(), "use() threw: " + failures.peek());
        } finally {
            letHolderGo.countDown();
        }
    }

    private static Thread daemon(String name, Body body, Queue<Throwable> failures) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits (at most 5 s) until the thread waits for something: here, for a place in the limiter. */
    private static void waitUntilStuck(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.BLOCKED || state == Thread.State.TIMED_WAITING) {
                Thread.sleep(50);      // let it settle in its wait
                return;
            }
            Thread.sleep(5);
        }
    }
}
