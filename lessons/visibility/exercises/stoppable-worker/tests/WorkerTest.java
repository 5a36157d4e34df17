import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkerTest {

    @Test
    void stopsSoonAfterStopAndNotBefore() throws InterruptedException {
        // Two workers at once: "early" is stopped after 1 s, "late" after 6.5 s. The early one must be gone 5 s
        // after its stop() (a correct worker needs microseconds); the late one must still be running when its
        // stop() comes, so that a worker which simply gives up after a while cannot pass both.
        Worker early = new Worker();
        Worker late = new Worker();
        Thread earlyThread = daemon(early, "early-worker");
        Thread lateThread = daemon(late, "late-worker");
        long start = System.nanoTime();
        earlyThread.start();
        lateThread.start();

        // A second is usually plenty for the JIT to compile the worker's loop. In the first run, JUnit's own
        // start-up can keep the compiler busy for longer; the late worker catches a broken worker then, and
        // later runs start with the loop already compiled.
        sleepUntil(start, 1_000);
        assertTrue(earlyThread.isAlive(), "the worker ended by itself, before stop() was called");
        early.stop();
        earlyThread.join(5_000);
        assertFalse(earlyThread.isAlive(), "the worker was still running 5 s after stop() had been called:"
                + " its loop never saw the change that stop() made");
        assertTrue(early.rounds() > 0, "the worker stopped, but rounds() says it made no rounds");

        sleepUntil(start, 6_500);
        assertTrue(lateThread.isAlive(),
                "a worker nobody had stopped ended by itself within 6.5 s: it must keep working until stop()");
        late.stop();
        lateThread.join(5_000);
        assertFalse(lateThread.isAlive(), "the worker was still running 5 s after stop() had been called:"
                + " its loop never saw the change that stop() made");
    }

    @Test
    void stoppedBeforeItStartsRunsNoRounds() throws InterruptedException {
        Worker worker = new Worker();
        worker.stop();
        Thread thread = daemon(worker, "stopped-worker");
        thread.start();
        thread.join(5_000);
        assertFalse(thread.isAlive(), "stop() came before run(), yet run() was still running 5 s later");
        assertEquals(0, worker.rounds(), "stop() came before run(), so run() should make no rounds");
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);     // a worker that never stops must not keep this JVM alive
        return thread;
    }

    private static void sleepUntil(long start, long millis) throws InterruptedException {
        long left = millis - (System.nanoTime() - start) / 1_000_000;
        if (left > 0) {
            Thread.sleep(left);
        }
    }
}
