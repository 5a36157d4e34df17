import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IntakeTest {
    private static final String SUBMITTER = "submitter";

    private final List<ThreadPoolExecutor> pools = new ArrayList<>();
    private final List<CountDownLatch> releases = new ArrayList<>();

    @AfterEach
    void shutDown() {
        releases.forEach(CountDownLatch::countDown);
        pools.forEach(ThreadPoolExecutor::shutdownNow);
    }

    private ThreadPoolExecutor newPool(int threads, int capacity) {
        ThreadPoolExecutor pool = Intake.newPool(threads, capacity);
        check(pool != null, "newPool returned null");
        pools.add(pool);
        return pool;
    }

    /**
     * A thread named "submitter" hands `tasks` tasks to a pool of 3 threads with room for 2 in its queue. Every task
     * notes the thread it runs on and then waits until the test releases it, so the pool stays full. The scenario
     * ends when the submitter itself is running a task, or has handed over everything.
     */
    private final class FullPool {
        final ThreadPoolExecutor pool = newPool(3, 2);
        final CountDownLatch release = new CountDownLatch(1);
        final Map<Integer, String> ranOn = new ConcurrentHashMap<>();
        final Set<Integer> rejected = ConcurrentHashMap.newKeySet();
        final AtomicInteger largestQueue = new AtomicInteger();
        final Thread submitter;

        FullPool(int tasks) throws InterruptedException {
            releases.add(release);
            submitter = new Thread(() -> {
                for (int i = 1; i <= tasks; i++) {
                    int task = i;
                    try {
                        pool.execute(() -> {
                            ranOn.put(task, Thread.currentThread().getName());
                            await(release);
                        });
                    } catch (RejectedExecutionException e) {
                        rejected.add(task);
                    }
                    largestQueue.accumulateAndGet(pool.getQueue().size(), Math::max);
                }
            }, SUBMITTER);
            submitter.setDaemon(true);
            submitter.start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!ranOn.containsValue(SUBMITTER) && submitter.isAlive() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            Thread.sleep(100);   // let a pool that starts too many threads show it
        }

        int queued() {
            return pool.getQueue().size();
        }

        Set<String> poolThreads() {
            Set<String> names = new TreeSet<>(ranOn.values());
            names.remove(SUBMITTER);
            return names;
        }
    }

    @Test
    void poolSizeFollowsTheFormula() {
        int[][] cases = {
            // cpus, wait, compute, threads
            {2, 90, 10, 20},
            {4, 0, 25, 4},
            {2, 25, 10, 7},
            {8, 50, 100, 12},
            {16, 30, 20, 40},
            {1, 10, 3, 4},
        };
        for (int[] c : cases) {
            assertEquals(c[3], Intake.poolSize(c[0], c[1], c[2]), "poolSize(" + c[0] + ", " + c[1] + ", " + c[2]
                    + "): " + c[0] + " * (1 + " + c[1] + "/" + c[2] + ") = "
                    + String.format("%.2f", c[0] * (1 + (double) c[1] / c[2])) + ", rounded " + c[3]
                    + (c[1] % c[2] != 0 ? " (" + c[1] + "/" + c[2] + " in whole numbers drops the fraction)" : ""));
        }
    }

    @Test
    void theQueueNeverHoldsMoreThanItsCapacity() throws Exception {
        FullPool full = new FullPool(20);
        check(full.largestQueue.get() <= 2 && full.queued() <= 2, "20 tasks were handed to newPool(3, 2) while its"
                + " three threads were busy, and its queue grew to " + Math.max(full.largestQueue.get(), full.queued())
                + " tasks: it must hold at most 2 (an ArrayBlockingQueue of that size)");
    }

    @Test
    void aFullPoolMakesTheSubmitterRunTheTaskItself() throws Exception {
        FullPool full = new FullPool(6);
        check(full.rejected.isEmpty(), "the task(s) " + full.rejected + " were rejected with a RejectedExecutionException"
                + " when the three threads were busy and the queue was full: the submitting thread should run it itself"
                + " (CallerRunsPolicy), not lose it");
        for (int task = 1; task <= 3; task++) {
            check(full.ranOn.containsKey(task) && !SUBMITTER.equals(full.ranOn.get(task)), "on newPool(3, 2), tasks 1"
                    + " to 3 should start at once on the pool's three threads, but task " + task + " ran on "
                    + full.ranOn.get(task));
        }
        for (int task = 4; task <= 5; task++) {
            check(!full.ranOn.containsKey(task), "while the pool's three threads were busy, task " + task
                    + " should wait in the queue (it has room for 2), but it ran on " + full.ranOn.get(task));
        }
        check(SUBMITTER.equals(full.ranOn.get(6)), "task 6 came when the three threads were busy and the queue was"
                + " full; it should run on the thread that handed it over, but "
                + (full.ranOn.containsKey(6) ? "it ran on " + full.ranOn.get(6)
                : full.queued() > 2 ? "it went into the queue, which then held " + full.queued() + " tasks"
                : "it never ran: it was dropped"));

        full.release.countDown();
        full.submitter.join(5000);
        full.pool.shutdown();
        check(full.pool.awaitTermination(5, TimeUnit.SECONDS), "the pool did not finish its tasks within 5 s");
        assertEquals(Set.of(1, 2, 3, 4, 5, 6), full.ranOn.keySet(), "every task must run, once");
    }

    @Test
    void neverMoreThreadsThanAskedFor() throws Exception {
        FullPool full = new FullPool(6);
        check(full.poolThreads().size() <= 3, "newPool(3, 2) ran its first tasks on more than three threads: "
                + full.poolThreads() + " (it may have three threads, no more)");
        check(full.poolThreads().size() == 3, "newPool(3, 2) ran the first three tasks on fewer than three threads: "
                + full.poolThreads() + " (all three should run at once)");
        full.release.countDown();
        full.submitter.join(5000);

        // Later tasks still run on the same three threads. (Whether any are lost is another test's business.)
        Set<String> names = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 30; i++) {
            try {
                full.pool.execute(() -> {
                    names.add(Thread.currentThread().getName());
                    pause(1);
                });
            } catch (RejectedExecutionException e) {
                // counted elsewhere
            }
        }
        full.pool.shutdown();
        check(full.pool.awaitTermination(10, TimeUnit.SECONDS), "the pool did not finish 30 short tasks within 10 s");
        names.remove(Thread.currentThread().getName());
        names.removeAll(full.poolThreads());
        check(names.isEmpty(), "after the first tasks, newPool(3, 2) ran tasks on further threads " + names
                + ": a pool of exactly three threads keeps its three");
    }

    @Test
    void noTaskIsLostOrRunTwice() throws Exception {
        ThreadPoolExecutor pool = newPool(2, 4);
        int submitters = 4;
        int perSubmitter = 100;
        AtomicIntegerArray runs = new AtomicIntegerArray(submitters * perSubmitter);
        Set<Integer> rejected = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            int first = s * perSubmitter;
            Thread thread = new Thread(() -> {
                for (int i = first; i < first + perSubmitter; i++) {
                    int task = i;
                    try {
                        pool.execute(() -> {
                            runs.incrementAndGet(task);
                            pause(1);
                        });
                    } catch (RejectedExecutionException e) {
                        rejected.add(task);
                    }
                }
            }, "submitter-" + (s + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(20_000);
            check(!thread.isAlive(), thread.getName() + " could not hand over its 100 tasks within 20 s");
        }
        pool.shutdown();
        check(pool.awaitTermination(20, TimeUnit.SECONDS), "the pool did not finish 400 short tasks within 20 s");

        check(rejected.isEmpty(), rejected.size() + " of 400 tasks were rejected with RejectedExecutionException");
        int lost = 0;
        int twice = 0;
        for (int i = 0; i < runs.length(); i++) {
            lost += runs.get(i) == 0 ? 1 : 0;
            twice += runs.get(i) > 1 ? 1 : 0;
        }
        check(lost == 0, "four threads handed 400 tasks to newPool(2, 4), and " + lost + " of them never ran: a full"
                + " pool must not drop tasks (DiscardPolicy and DiscardOldestPolicy do)");
        check(twice == 0, twice + " tasks ran more than once");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Like assertTrue, without "expected: <true> but was: <false>" after the message. */
    private static void check(boolean condition, String message) {
        if (!condition) {
            fail(message);
        }
    }
}
