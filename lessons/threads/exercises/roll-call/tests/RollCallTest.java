import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Calls the learner's three methods with jobs and threads of the test's own. */
class RollCallTest {

    @Test
    void startWorkersStartsThreeNamedThreadsThatRunAtOnce() throws Exception {
        Set<String> ranOn = ConcurrentHashMap.newKeySet();
        // Each job waits until all three are running: only three threads running at the same time get through.
        CyclicBarrier allRunning = new CyclicBarrier(3);
        Set<String> problems = ConcurrentHashMap.newKeySet();
        Thread[] workers = Main.startWorkers(() -> {
            ranOn.add(Thread.currentThread().getName());
            try {
                allRunning.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                problems.add(Thread.currentThread().getName() + " waited 5 s for the other workers to be running too");
            }
        });
        assertEquals(3, workers.length, "startWorkers must return the three threads it started");
        for (Thread worker : workers) {
            worker.join(10_000);
        }
        assertEquals(Set.of("worker-1", "worker-2", "worker-3"), ranOn,
                "the job must run once on each of three threads named worker-1, worker-2 and worker-3");
        assertTrue(problems.isEmpty(), "the three workers must run at the same time: " + problems);
        assertArrayEquals(new String[] {"worker-1", "worker-2", "worker-3"},
                new String[] {workers[0].getName(), workers[1].getName(), workers[2].getName()},
                "return the threads in order: worker-1, worker-2, worker-3");
    }

    @Test
    void countAliveCountsTheThreadsThatHaveNotFinished() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread finished = new Thread(() -> { }, "finished");
        finished.start();
        finished.join();
        Thread busy1 = new Thread(() -> awaitQuietly(release), "busy-1");
        Thread busy2 = new Thread(() -> awaitQuietly(release), "busy-2");
        Thread notStarted = new Thread(() -> { }, "not-started");
        busy1.start();
        busy2.start();
        Thread[] threads = {busy1, finished, busy2, notStarted};
        try {
            assertEquals(2, Main.countAlive(threads), "two of these four threads are alive: one has finished and one "
                    + "was never started");
        } finally {
            release.countDown();
        }
        busy1.join();
        busy2.join();
        assertEquals(0, Main.countAlive(threads), "after they have all finished, none is alive");
    }

    @Test
    void joinAllReturnsOnlyWhenEveryThreadHasFinished() throws Exception {
        AtomicIntegerArray done = new AtomicIntegerArray(3);
        long[] sleeps = {600, 300, 100};   // the first one finishes last
        Thread[] threads = new Thread[3];
        for (int i = 0; i < threads.length; i++) {
            int index = i;
            threads[i] = new Thread(() -> {
                try {
                    Thread.sleep(sleeps[index]);
                } catch (InterruptedException e) {
                    return;
                }
                done.set(index, 1);
            }, "sleeper-" + (i + 1));
            threads[i].start();
        }
        Main.joinAll(threads);
        for (int i = 0; i < threads.length; i++) {
            assertEquals(1, done.get(i), "joinAll returned while thread " + (i + 1) + " (" + sleeps[i]
                    + " ms) was still working");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
