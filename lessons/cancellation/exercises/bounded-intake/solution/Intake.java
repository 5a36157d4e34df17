import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The thread pool behind an order intake: sized for its work, and never buried under a backlog. */
public final class Intake {

    private Intake() {
    }

    /**
     * How many threads keep `cpus` CPUs busy with tasks that each wait `waitMillis` (for a disk, a database,
     * another server) and compute `computeMillis` (at least 1): Ncpu * (1 + W/C), rounded, at least 1.
     */
    public static int poolSize(int cpus, long waitMillis, long computeMillis) {
        double threads = cpus * (1 + (double) waitMillis / computeMillis);   // not waitMillis / computeMillis: that rounds down
        return (int) Math.max(1, Math.round(threads));
    }

    /**
     * A pool of exactly `threads` threads whose queue holds at most `queueCapacity` tasks. When the threads are
     * busy and the queue is full, the thread that hands over a task runs it itself: it hands over nothing more
     * until it is done, so work cannot pile up.
     */
    public static ThreadPoolExecutor newPool(int threads, int queueCapacity) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
