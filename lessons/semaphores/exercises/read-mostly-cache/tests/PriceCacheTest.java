import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PriceCacheTest {
    private static final int ITEMS = 10;

    /** What a test thread does; it may throw anything, which the test then reports. */
    interface Body {
        void run() throws Exception;
    }

    /** A cache with ITEMS items, all priced 0. */
    private static PriceCache cacheOfZeros() {
        PriceCache cache = new PriceCache();
        cache.write(prices -> {
            for (int i = 0; i < ITEMS; i++) {
                prices.put("item-" + i, 0);
            }
        });
        return cache;
    }

    /** Starts daemon threads that wait for each other at a barrier and then run their body. */
    private static List<Thread> startTogether(List<Body> bodies, Queue<Throwable> failures) {
        CyclicBarrier start = new CyclicBarrier(bodies.size());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Body body = bodies.get(i);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    body.run();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "test-thread-" + (i + 1));
            thread.setDaemon(true);     // a thread stuck in a broken cache must not keep the JVM alive
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
                fail(what + ": a thread was still reading, writing or waiting after " + seconds
                        + " s (is a lock never unlocked?)");
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void queriesRunTogether() throws InterruptedException {
        PriceCache cache = cacheOfZeros();
        int readers = 3;
        CountDownLatch inside = new CountDownLatch(readers);
        AtomicInteger most = new AtomicInteger();
        AtomicInteger now = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Body> bodies = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            bodies.add(() -> {
                int size = cache.read(prices -> {
                    most.accumulateAndGet(now.incrementAndGet(), Math::max);
                    try {
                        inside.countDown();
                        inside.await(6, TimeUnit.SECONDS);   // stay in the query until all three are in theirs
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        now.decrementAndGet();
                    }
                    return prices.size();
                });
                assertEquals(ITEMS, size, "read() must return what the query returned");
            });
        }
        List<Thread> threads = startTogether(bodies, failures);
        boolean together = inside.await(7, TimeUnit.SECONDS) && most.get() >= readers;
        assertTrue(together, "three queries must be able to run at the same time, but no more than " + most.get()
                + " ever ran at once"
                + (most.get() == 1 ? ": the queries were let in one at a time (an exclusive lock?)" : ""));
        joinAll(threads, 10, "three queries");
        assertTrue(failures.isEmpty(), "a query failed: " + failures.peek());
    }

    @Test
    void noQuerySeesAHalfDoneChange() throws InterruptedException {
        PriceCache cache = cacheOfZeros();
        AtomicBoolean writerDone = new AtomicBoolean();
        AtomicInteger queries = new AtomicInteger();
        Queue<String> halfDone = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<Body> bodies = new ArrayList<>();
        bodies.add(() -> {
            try {
                for (int price = 1; price <= 20; price++) {
                    int newPrice = price;
                    cache.write(prices -> {
                        for (int i = 0; i < ITEMS; i++) {
                            prices.put("item-" + i, newPrice);   // every item gets the same new price...
                            pause(1);                            // ...one after another
                        }
                    });
                }
            } finally {
                writerDone.set(true);
            }
        });
        for (int r = 0; r < 3; r++) {
            bodies.add(() -> {
                while (!writerDone.get() && System.nanoTime() < giveUp) {
                    String seen = cache.read(prices -> new HashSet<>(prices.values()).size() == 1 ? null
                            : prices.toString());
                    queries.incrementAndGet();
                    if (seen != null) {
                        halfDone.add(seen);
                    }
                }
            });
        }
        List<Thread> threads = startTogether(bodies, failures);
        joinAll(threads, 25, "one writer and three readers");
        assertTrue(failures.isEmpty(), "a query or a change failed: " + failures.peek());
        assertTrue(writerDone.get() && System.nanoTime() < giveUp, "the 20 changes did not finish within 20 s while"
                + " queries kept coming: is the writer starved by the readers?");
        assertTrue(halfDone.isEmpty(), halfDone.size() + " queries saw a change half done (out of " + queries.get()
                + " queries that ran), for example " + halfDone.peek() + ": a query ran while a change was under way");
    }

    @Test
    void aChangeRunsAlone() throws InterruptedException {
        PriceCache cache = cacheOfZeros();
        AtomicInteger writing = new AtomicInteger();
        AtomicInteger mostWriting = new AtomicInteger();
        AtomicInteger readsDuringAChange = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Body> bodies = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            bodies.add(() -> {
                for (int n = 0; n < 5; n++) {
                    cache.write(prices -> {
                        mostWriting.accumulateAndGet(writing.incrementAndGet(), Math::max);
                        pause(10);
                        writing.decrementAndGet();
                    });
                    pause(2);
                }
            });
        }
        for (int r = 0; r < 2; r++) {
            bodies.add(() -> {
                for (int n = 0; n < 15; n++) {
                    cache.read(prices -> {
                        if (writing.get() > 0) {
                            readsDuringAChange.incrementAndGet();
                        }
                        pause(5);
                        if (writing.get() > 0) {
                            readsDuringAChange.incrementAndGet();
                        }
                        return null;
                    });
                }
            });
        }
        List<Thread> threads = startTogether(bodies, failures);
        joinAll(threads, 25, "three writers and two readers");
        assertTrue(failures.isEmpty(), "a query or a change failed: " + failures.peek());
        assertEquals(1, mostWriting.get(), mostWriting.get() + " changes ran at the same time; a change must run alone");
        assertEquals(0, readsDuringAChange.get(), "queries ran while a change was under way ("
                + readsDuringAChange.get() + " times): a change must run alone");
    }

    @Test
    void aFailingQueryOrChangeLeavesTheCacheUsable() throws InterruptedException {
        PriceCache cache = cacheOfZeros();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> failing = startTogether(List.of(() -> {
            try {
                cache.read(prices -> {
                    throw new IllegalStateException("the query failed");
                });
            } catch (IllegalStateException expected) {
                // the query's exception may come out of read(): that is fine
            }
            try {
                cache.write(prices -> {
                    throw new IllegalStateException("the change failed");
                });
            } catch (IllegalStateException expected) {
                // likewise
            }
        }), failures);
        failing.get(0).join(5_000);
        if (failing.get(0).isAlive()) {
            fail("after a query that threw an exception, a change waits for ever: the query's lock was not unlocked"
                    + " (unlock in finally)");
        }
        List<Thread> next = startTogether(List.of(() -> {
            cache.write(prices -> prices.put("item-0", 7));
            int price = cache.read(prices -> prices.get("item-0"));
            assertEquals(7, price, "read() must return what the query returned");
        }), failures);
        next.get(0).join(5_000);
        if (next.get(0).isAlive()) {
            fail("after a query and a change that threw an exception, another thread waits for ever to change the"
                    + " prices: a lock was not unlocked (unlock in finally)");
        }
        assertTrue(failures.isEmpty(), "reading or writing after the failures did not work: " + failures.peek());
    }
}
