import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hidden checks for Shelf. Every call that a broken Shelf could block forever runs in a daemon thread with a time
 * limit, so a hang fails a check instead of stalling the grading. The class is repeated in one JVM (the largest
 * `runs` in exercise.yaml): a test whose check asks for fewer runs skips its work after that many, and a check that
 * found threads waiting forever fails at once in later runs, so a broken Shelf cannot use up the time limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShelfTest {
    private static final Set<String> HUNG = ConcurrentHashMap.newKeySet();
    private static final Map<String, Integer> RUNS = new ConcurrentHashMap<>();
    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void stopLeftoverThreads() {
        // A correct Shelf leaves none; a broken one may leave threads waiting forever.
        threads.forEach(Thread::interrupt);
    }

    // ---------------------------------------------------------------------------------------------------- one thread

    @Test
    @Order(1)
    void oneThreadGetsItemsInOrder() throws Exception {
        Shelf<String> shelf = new Shelf<>(3);
        within(3000, "put()/take()/size() used by one thread", () -> {
            assertEquals(0, shelf.size(), "a new shelf is empty: size() must be 0");
            ArrayDeque<String> expected = new ArrayDeque<>();
            Random random = new Random(42);
            int next = 1;
            // Random puts and takes that never need to wait: fill up, empty out and wrap around many times.
            for (int step = 0; step < 300; step++) {
                boolean put = expected.isEmpty() || (expected.size() < 3 && random.nextBoolean());
                if (put) {
                    String item = "item-" + next++;
                    shelf.put(item);
                    expected.addLast(item);
                } else {
                    Object got = shelf.take();
                    assertEquals(expected.removeFirst(), got,
                            "take() must return the oldest item on the shelf (first in, first out)");
                }
                assertEquals(expected.size(), shelf.size(), "size() after " + (put ? "put()" : "take()"));
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------------- no busy wait

    @Test
    @Order(2)
    void waitingUsesNoCpu() throws Exception {
        if (beyond("cpu", 1)) {
            return;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx.isThreadCpuTimeSupported() && !mx.isThreadCpuTimeEnabled()) {
            mx.setThreadCpuTimeEnabled(true);
        }
        Shelf<String> shelf = new Shelf<>(1);
        AtomicReference<Object> got = new AtomicReference<>();
        AtomicLong cpuNanos = new AtomicLong(-1);
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread consumer = start("consumer", () -> {
            ready.countDown();
            long before = mx.getCurrentThreadCpuTime();
            try {
                got.set(orNull(shelf.take()));
            } catch (Throwable e) {
                got.set(e);
            }
            cpuNanos.set(mx.getCurrentThreadCpuTime() - before);
            done.countDown();
        });
        ready.await();
        boolean sleeping = false; // found in Thread.sleep(): polling the shelf instead of waiting to be woken
        for (int look = 0; look < 10; look++) {
            if (done.await(50, TimeUnit.MILLISECONDS)) {
                fail("take() on an empty shelf returned at once (it " + describe(got.get())
                        + "): it must wait until another thread puts an item");
            }
            for (StackTraceElement frame : consumer.getStackTrace()) {
                sleeping |= frame.getClassName().equals("java.lang.Thread") && frame.getMethodName().startsWith("sleep");
            }
        }
        within(1000, "put() on an empty shelf", () -> shelf.put("late item"));
        if (!done.await(2, TimeUnit.SECONDS)) {
            fail("the consumer waiting in take() did not get the item within 2 s after a put()");
        }
        assertEquals("late item", got.get(), "what take() returned");
        long cpuMs = cpuNanos.get() / 1_000_000;
        if (cpuNanos.get() >= 0) {
            // A thread in wait()/await() uses next to nothing (under 2 ms, class loading included); a spinning one
            // gets hundreds of ms of CPU in 0.5 s, and still well over 100 ms on a busy machine.
            assertTrue(cpuMs < 30, "while it waited 0.5 s in take() on an empty shelf, the consumer used " + cpuMs
                    + " ms of CPU time: it keeps checking in a loop (busy waiting). wait() or await() waits without"
                    + " using the CPU");
        }
        assertTrue(!sleeping, "while it waited in take() on an empty shelf, the consumer was found in Thread.sleep():"
                + " it looks at the shelf again and again (polling). Wait in wait() or await() instead, until the"
                + " thread that puts an item wakes it");
    }

    // ---------------------------------------------------------------------------------------------------- blocking

    @Test
    @Order(3)
    void takeWaitsForPut() throws Exception {
        if (beyond("take", 1)) {
            return;
        }
        Shelf<String> shelf = new Shelf<>(2);
        AtomicReference<Object> got = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        start("taker", () -> {
            try {
                got.set(orNull(shelf.take()));
            } catch (Throwable e) {
                got.set(e);
            }
            done.countDown();
        });
        if (done.await(200, TimeUnit.MILLISECONDS)) {
            fail("take() on an empty shelf returned at once (it " + describe(got.get())
                    + "): it must wait until another thread puts an item");
        }
        within(1000, "put() on an empty shelf", () -> shelf.put("parcel"));
        if (!done.await(1, TimeUnit.SECONDS)) {
            fail("a thread waited in take() on an empty shelf; another thread put an item, but take() did not return"
                    + " within 1 s: after putting, wake up the threads that wait for an item");
        }
        assertEquals("parcel", got.get(), "what the waiting take() returned");
        assertEquals(0, (int) within(1000, "size()", shelf::size), "size() after the item was taken");
    }

    @Test
    @Order(4)
    void putWaitsForTake() throws Exception {
        if (beyond("put", 1)) {
            return;
        }
        Shelf<String> shelf = new Shelf<>(2);
        within(1000, "two put() calls on an empty shelf with room for 2", () -> {
            shelf.put("first");
            shelf.put("second");
            return null;
        });
        AtomicReference<Object> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        start("putter", () -> {
            try {
                shelf.put("third");
            } catch (Throwable e) {
                error.set(e);
            }
            done.countDown();
        });
        if (done.await(200, TimeUnit.MILLISECONDS)) {
            int size = within(1000, "size()", shelf::size);
            fail("put() on a full shelf (capacity 2) returned at once"
                    + (error.get() != null ? ", throwing the exception " + error.get() : "")
                    + ", and size() is now " + size
                    + ": it must wait until another thread takes an item");
        }
        assertEquals("first", within(1000, "take() on a full shelf", shelf::take), "take() returns the oldest item");
        if (!done.await(1, TimeUnit.SECONDS)) {
            fail("a thread waited in put() on a full shelf; another thread took an item, but put() did not return"
                    + " within 1 s: after taking, wake up the threads that wait for room");
        }
        assertEquals(null, error.get(), "the waiting put() threw an exception");
        assertEquals(2, (int) within(1000, "size()", shelf::size), "size() after one take() and the waiting put()");
        assertEquals("second", within(1000, "take()", shelf::take), "the items come out in the order they went in");
        assertEquals("third", within(1000, "take()", shelf::take), "the items come out in the order they went in");
    }

    // --------------------------------------------------------------------------------------- woken, but too late

    @Test
    @Order(5)
    void wokenConsumersCheckAgain() throws Exception {
        if (beyond("consumers", 3)) {
            return;
        }
        failIfHungBefore("consumers");
        Shelf<String> shelf = new Shelf<>(2);
        Queue<Object> results = new ConcurrentLinkedQueue<>();
        List<Thread> consumers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            consumers.add(start("consumer-" + i, () -> {
                try {
                    results.add(orNull(shelf.take()));
                } catch (Throwable e) {
                    results.add(e);
                }
            }));
        }
        awaitWaiting(consumers, results, "take() on an empty shelf");

        within(1000, "put() while three threads wait in take()", () -> shelf.put("A"));
        if (!awaitCount(results, 1, 1000)) {
            failHung("consumers", "three threads waited in take(); one item was put, but none of them got it within"
                    + " 1 s: after putting, wake up the threads that wait for an item");
        }
        Thread.sleep(300);
        List<Object> afterOne = new ArrayList<>(results);
        if (!afterOne.equals(List.of("A"))) {
            fail("three threads waited in take() and ONE item was put: one of them must get it and the other two must"
                    + " go on waiting, but take() " + describeAll(afterOne) + ". A thread that wakes up must check"
                    + " again whether the shelf is still empty (another thread may have taken the item first):"
                    + " wait in a while loop, not after an if");
        }
        within(1000, "put()", () -> shelf.put("B"));
        within(1000, "put()", () -> shelf.put("C"));
        if (!awaitCount(results, 3, 1000)) {
            failHung("consumers", "two threads still waited in take(); two more items were put, but they got "
                    + (results.size() - 1) + " of them within 1 s");
        }
        List<String> all = new ArrayList<>();
        results.forEach(r -> all.add(String.valueOf(r)));
        Collections.sort(all);
        assertEquals(List.of("A", "B", "C"), all, "what the three waiting take() calls returned");
        assertEquals(0, (int) within(1000, "size()", shelf::size), "size() after three puts and three takes");
    }

    @Test
    @Order(6)
    void wokenProducersCheckAgain() throws Exception {
        if (beyond("producers", 3)) {
            return;
        }
        failIfHungBefore("producers");
        Shelf<String> shelf = new Shelf<>(1);
        within(1000, "put() on an empty shelf", () -> shelf.put("X"));
        Queue<Object> finished = new ConcurrentLinkedQueue<>();
        List<Thread> producers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String item = "P" + i;
            producers.add(start("producer-" + i, () -> {
                try {
                    shelf.put(item);
                    finished.add(item);
                } catch (Throwable e) {
                    finished.add(e);
                }
            }));
        }
        awaitWaiting(producers, finished, "put() on a full shelf (capacity 1)");

        assertEquals("X", within(1000, "take() on a full shelf", shelf::take), "what take() returned");
        if (!awaitCount(finished, 1, 1000)) {
            failHung("producers", "three threads waited in put() on a full shelf (capacity 1); one item was taken, but"
                    + " none of them could put within 1 s: after taking, wake up the threads that wait for room");
        }
        Thread.sleep(300);
        List<Object> afterOne = new ArrayList<>(finished);
        int size = within(1000, "size()", shelf::size);
        if (afterOne.size() != 1 || afterOne.get(0) instanceof Throwable || size != 1) {
            fail("three threads waited in put() on a full shelf with room for 1, and ONE item was taken: one of them"
                    + " may put its item and the other two must go on waiting, but " + afterOne.size()
                    + " put() calls returned" + errorsIn(afterOne) + " and size() is " + size + ". A thread that"
                    + " wakes up must check again whether the shelf is still full (another thread may have filled the"
                    + " place first): wait in a while loop, not after an if");
        }
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(String.valueOf(within(1000, "take() while producers wait to put", shelf::take)));
        }
        Collections.sort(taken);
        assertEquals(List.of("P1", "P2", "P3"), taken, "the items of the three waiting producers");
        if (!awaitCount(finished, 3, 1000)) {
            failHung("producers", "all three items were taken, but not every put() returned within 1 s");
        }
    }

    // ----------------------------------------------------------------------------------- two kinds of waiters

    @Test
    @Order(7)
    void wakeUpReachesTheRightKind() throws Exception {
        if (beyond("kinds", 3)) {
            return;
        }
        failIfHungBefore("kinds");
        // Two consumers wait on an empty shelf with room for 1; a producer puts two items in a row. The second put
        // usually finds the shelf still full and waits, while the second consumer waits too: now both kinds wait,
        // and the wake-up from the first consumer's take() must reach the producer. A few tries, because the
        // producer is not always quicker than the first consumer.
        boolean consumersWaited = true;
        for (int attempt = 1; attempt <= 5 && consumersWaited; attempt++) {
            Shelf<String> shelf = new Shelf<>(1);
            Queue<Object> got = new ConcurrentLinkedQueue<>();
            List<Thread> all = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                Thread consumer = start("consumer-" + i, () -> {
                    try {
                        got.add(orNull(shelf.take()));
                    } catch (Throwable e) {
                        got.add(e);
                    }
                });
                all.add(consumer);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (!isWaiting(consumer) && consumer.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                consumersWaited &= isWaiting(consumer); // a busy-waiting consumer never does: one attempt is enough
            }
            if (!got.isEmpty()) {
                fail("take() on an empty shelf returned at once (it " + describe(got.peek())
                        + "): it must wait until another thread puts an item");
            }
            AtomicReference<Throwable> putError = new AtomicReference<>();
            all.add(start("producer", () -> {
                try {
                    shelf.put("a");
                    shelf.put("b");
                } catch (Throwable e) {
                    putError.set(e);
                }
            }));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            for (Thread thread : all) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            if (all.stream().anyMatch(Thread::isAlive)) {
                failHung("kinds", "two consumers waited in take() on an empty shelf with room for 1, then a producer"
                        + " put two items in a row. After 1 s, " + got.size() + " of the 2 items had been taken and"
                        + (all.get(2).isAlive() ? " the producer was still waiting in put()" : " a consumer was still"
                        + " waiting in take()") + ": nobody woke the thread that could go on. When producers and"
                        + " consumers wait on the same object, notify() (or signal() on a single Condition) may wake"
                        + " a thread of the wrong kind, which just waits again: use notifyAll(), or one Condition for"
                        + " each kind of waiter");
            }
            assertEquals(null, putError.get(), "put() threw an exception");
            List<String> items = new ArrayList<>();
            got.forEach(item -> items.add(String.valueOf(item)));
            Collections.sort(items);
            assertEquals(List.of("a", "b"), items, "what the two consumers took");
        }
    }

    // ------------------------------------------------------------------------------------------------ many threads

    @Test
    @Order(8)
    void manyProducersAndConsumers() throws Exception {
        failIfHungBefore("many");
        moveItems(3, 5_000);
        moveItems(1, 1_500); // with room for 1, producers and consumers often wait at the same time
    }

    /** 4 producers put different items, 4 consumers take them, through a shelf with the given capacity. */
    private void moveItems(int capacity, int perProducer) throws Exception {
        final int producers = 4;
        final int consumers = 4;
        final int total = producers * perProducer;
        final Integer pill = -1;
        Shelf<Integer> shelf = new Shelf<>(capacity);
        AtomicIntegerArray seen = new AtomicIntegerArray(total);
        AtomicLong delivered = new AtomicLong();
        Queue<String> problems = new ConcurrentLinkedQueue<>();

        List<Thread> producerThreads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int p = 0; p < producers; p++) {
            int first = p * perProducer;
            producerThreads.add(start("producer-" + (p + 1), () -> {
                go.await();
                for (int i = first; i < first + perProducer && problems.isEmpty(); i++) {
                    shelf.put(i);
                    checkSize(shelf, capacity, "put()", problems);
                }
            }, problems));
        }
        List<Thread> consumerThreads = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            consumerThreads.add(start("consumer-" + (c + 1), () -> {
                go.await();
                while (problems.isEmpty()) {
                    Integer item = shelf.take();
                    if (item == null) {
                        problems.add("take() returned null");
                        return;
                    }
                    if (item.intValue() == pill) {
                        return;
                    }
                    if (item < 0 || item >= total) {
                        problems.add("take() returned " + item + ", which was never put");
                        return;
                    }
                    if (seen.incrementAndGet(item) > 1) {
                        problems.add("the same item was taken twice: " + item);
                        return;
                    }
                    delivered.incrementAndGet();
                    checkSize(shelf, capacity, "take()", problems);
                }
            }, problems));
        }
        // When every producer is done, one pill per consumer stops the consumers.
        start("pills", () -> {
            for (Thread producer : producerThreads) {
                producer.join();
            }
            for (int c = 0; c < consumers; c++) {
                shelf.put(pill);
            }
        }, problems);
        go.countDown();

        // Done when every consumer has its pill. Hung when no item arrives for 3 s (a correct Shelf moves thousands
        // of items per second even on a busy machine), or after 20 s in all.
        long start = System.nanoTime();
        long lastProgress = start;
        long lastDelivered = 0;
        while (problems.isEmpty() && consumerThreads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(10);
            long now = System.nanoTime();
            if (delivered.get() != lastDelivered) {
                lastDelivered = delivered.get();
                lastProgress = now;
            }
            if (now - lastProgress > TimeUnit.SECONDS.toNanos(3) || now - start > TimeUnit.SECONDS.toNanos(20)) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            fail(producers + " producers and " + consumers + " consumers shared a shelf with room for " + capacity
                    + ": " + firstFew(problems));
        }
        if (consumerThreads.stream().anyMatch(Thread::isAlive)) {
            long waitingProducers = producerThreads.stream().filter(Thread::isAlive).count();
            long waitingConsumers = consumerThreads.stream().filter(Thread::isAlive).count();
            failHung("many", producers + " producers and " + consumers + " consumers shared a shelf with room for "
                    + capacity + ": " + delivered.get() + " items (out of " + total + ") had arrived, then nothing more"
                    + " for 3 s; " + waitingProducers + " producers and " + waitingConsumers + " consumers were still"
                    + " waiting for a wake-up that never came. Check the shelf and wait while holding the lock (a"
                    + " wake-up sent between an unlocked check and wait() is lost), and when producers and consumers"
                    + " wait on the same object, use notifyAll(): notify() may wake a thread of the wrong kind");
        }
        int missing = 0;
        for (int i = 0; i < total; i++) {
            if (seen.get(i) == 0) {
                missing++;
            }
        }
        assertEquals(0, missing, "items put but never taken (" + total + " were put, shelf with room for " + capacity
                + ")");
        int size = within(1000, "size()", shelf::size);
        assertEquals(0, size, "size() after every item and every pill was taken (shelf with room for " + capacity
                + ")");
    }

    // ------------------------------------------------------------------------------------------- its own waiting

    @Test
    @Order(9)
    void shelfDoesItsOwnWaiting() throws Exception {
        Shelf<String> shelf = new Shelf<>(3);
        for (Class<?> type = Shelf.class; type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.getName().startsWith("java.util.concurrent.")) {
                fail("Shelf extends " + type.getName() + ": write the waiting yourself instead");
            }
            for (Field field : type.getDeclaredFields()) {
                if (isReadyMadeQueue(field.getType())) {
                    fail("Shelf has a field " + field.getName() + " of type " + field.getType().getName()
                            + ": keep the items in a plain collection or array and write the waiting yourself");
                }
                field.setAccessible(true);
                Object value = field.get(Modifier.isStatic(field.getModifiers()) ? null : shelf);
                if (value != null && isReadyMadeQueue(value.getClass())) {
                    fail("Shelf's field " + field.getName() + " holds a " + value.getClass().getName()
                            + ": keep the items in a plain collection or array and write the waiting yourself");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    interface Body {
        void run() throws Exception;
    }

    /** Starts a daemon thread; anything it throws goes to {@code problems}. */
    private Thread start(String name, Body body, Queue<String> problems) {
        return start(name, () -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                // stopped by the test
            } catch (Throwable e) {
                problems.add(Thread.currentThread().getName() + " threw the exception " + e);
            }
        });
    }

    private Thread start(String name, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                // the body reports what matters itself
            }
        }, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    /** Runs {@code call} in a daemon thread and fails if it does not return within {@code millis}. */
    private <V> V within(long millis, String what, Callable<V> call) throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        start("test-call", () -> {
            try {
                outcome.set(orNull(call.call()));
            } catch (Throwable e) {
                outcome.set(new Thrown(e));
            }
            done.countDown();
        });
        if (!done.await(millis, TimeUnit.MILLISECONDS)) {
            fail(what + " did not return within " + millis + " ms (it should not have to wait here)");
        }
        Object result = outcome.get();
        if (result instanceof Thrown thrown) {
            if (thrown.error instanceof AssertionError assertion) {
                throw assertion;
            }
            fail(what + " failed with " + thrown.error, thrown.error);
        }
        @SuppressWarnings("unchecked")
        V value = result == NULL ? null : (V) result;
        return value;
    }

    private <V> void within(long millis, String what, Body body) throws Exception {
        within(millis, what, () -> {
            body.run();
            return null;
        });
    }

    private record Thrown(Throwable error) {}

    /** Waits until every thread waits (or at least has not returned for a while); fails if one returned. */
    private static void awaitWaiting(List<Thread> waiters, Queue<Object> returned, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < deadline && returned.isEmpty()
                && !waiters.stream().allMatch(ShelfTest::isWaiting)) {
            Thread.sleep(5);
        }
        Thread.sleep(100);
        if (!returned.isEmpty()) {
            List<Object> outcomes = new ArrayList<>(returned);
            List<String> errors = new ArrayList<>();
            outcomes.stream().filter(Throwable.class::isInstance).forEach(e -> errors.add(e.toString()));
            List<String> described = new ArrayList<>();
            outcomes.forEach(outcome -> described.add(describe(outcome)));
            boolean takes = what.startsWith("take");
            fail(what + " returned at once: of the " + waiters.size() + " threads that called it, " + outcomes.size()
                    + " did not wait"
                    + (takes ? " (" + String.join("; ", described) + ")" : errors.isEmpty() ? "" : " (" + errors + ")")
                    + ": it must wait until another thread " + (takes ? "puts an item" : "takes an item"));
        }
    }

    private static boolean isWaiting(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    private static boolean awaitCount(Queue<?> queue, int count, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (queue.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return queue.size() >= count;
    }

    private static void checkSize(Shelf<?> shelf, int capacity, String after, Queue<String> problems) {
        int size = shelf.size();
        if (size < 0 || size > capacity) {
            problems.add("size() was " + size + " right after a " + after + ": a shelf with room for " + capacity
                    + " must never hold more than " + capacity + " items (or fewer than 0)");
        }
    }

    /**
     * True once {@code test} has run {@code runs} times in this JVM: its check in exercise.yaml is judged on its first
     * {@code runs} runs only (keep the numbers equal), so later repetitions of the class skip its slow work.
     */
    private static boolean beyond(String test, int runs) {
        return RUNS.merge(test, 1, Integer::sum) > runs;
    }

    private static void failIfHungBefore(String check) {
        if (HUNG.contains(check)) {
            fail("in an earlier run of this check, threads waited forever; not run again");
        }
    }

    private static void failHung(String check, String message) {
        HUNG.add(check);
        fail(message);
    }

    private static boolean isReadyMadeQueue(Class<?> type) {
        return BlockingQueue.class.isAssignableFrom(type)
                || (Queue.class.isAssignableFrom(type) && type.getName().startsWith("java.util.concurrent."));
    }

    private static Object orNull(Object value) {
        return value == null ? NULL : value;
    }

    private static String describe(Object outcome) {
        if (outcome instanceof Throwable e) {
            return "threw the exception " + e;
        }
        return "returned the value " + (outcome instanceof String ? "\"" + outcome + "\"" : String.valueOf(outcome));
    }

    private static String describeAll(List<Object> outcomes) {
        List<String> described = new ArrayList<>();
        for (Object outcome : outcomes) {
            described.add(describe(outcome));
        }
        return outcomes.size() == 1 ? described.get(0)
                : "returned without waiting in " + outcomes.size() + " threads: " + String.join("; ", described);
    }

    private static String errorsIn(List<Object> outcomes) {
        List<String> errors = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof Throwable e) {
                errors.add(e.toString());
            }
        }
        return errors.isEmpty() ? "" : " (" + String.join("; ", errors) + ")";
    }

    private static String firstFew(Queue<String> problems) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(problems));
        String shown = String.join("; ", all.subList(0, Math.min(3, all.size())));
        return all.size() > 3 ? shown + "; ..." : shown;
    }
}
